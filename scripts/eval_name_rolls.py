"""Name-roll resolver (policyextract/name_rolls.py) on synthetic rolls of held-out names.

Builds 300 rolls of 3-14 person names printed back to back (sometimes with （女）/（回族） after
a name, a lead-in such as 出席会议的有, and a tail such as 出席会议。) from the Han PER names
(surname + 1-2 char given name) of the MSRA *dev* hold-out — names neither the NER model nor
``data/name_model.json`` was built from — and scores PER spans with the resolver off and on.
The resolver's constants (NAME_PRIOR, MODEL_BONUS) were chosen on this set, not on MSRA test.

Usage: python scripts/eval_name_rolls.py [--n 300] [--seed 11]   (needs the corpus that
``make train-ner`` / ``make eval-ner`` fetches into training/corpus/)
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()

    import convert_msra as cm
    from policyextract import name_rolls as nr
    from policyextract import nlp as pnlp

    cm.fetch()
    train = cm.read_bmes(cm.MSRA_DIR / "msra_train.txt")
    dev = [train[i] for i in sorted(cm.dev_indices(len(train)))]  # the dev hold-out of convert_msra.py
    m = nr.name_model()
    names = sorted({t[s:e] for t, ents in dev for s, e, lab in ents
                    if lab == "PER" and 2 <= e - s <= 3 and nr._name_score(m, t, s, e) is not None})
    rng = random.Random(args.seed)
    texts, gold = [], []
    for _ in range(args.n):
        text = rng.choice(["", "出席会议的有", "主席团成员：", "参加会议的还有", "省领导"])
        g = set()
        for _ in range(rng.randint(3, 14)):
            name = rng.choice(names)
            g.add((len(text), len(text) + len(name)))
            text += name
            if rng.random() < 0.1:
                text += rng.choice(["（女）", "（回族）"])
        texts.append(text + rng.choice(["", "。", "出席会议。"]))
        gold.append(g)

    def score(pred):
        tp = fp = fn = 0
        for g, p in zip(gold, pred):
            ps = {(a, b) for a, b, lab in p if lab == "PER"}
            tp, fp, fn = tp + len(g & ps), fp + len(ps - g), fn + len(g - ps)
        return tp, fp, fn, 2 * tp / (2 * tp + fp + fn)

    nlp = pnlp.load()
    with nlp.select_pipes(disable=["policyextract_name_rolls"]):
        off = score(pnlp.entities(texts, nlp=nlp))
    on = score(pnlp.entities(texts, nlp=nlp))
    print(f"synthetic name rolls: {args.n} rolls, {sum(map(len, gold))} names from {len(names)} "
          f"held-out (MSRA dev) names")
    for label, (tp, fp, fn, f) in (("model alone", off), ("+ name_rolls", on)):
        print(f"  {label:13s} tp {tp:5d}  fp {fp:4d}  fn {fn:4d}  F {f:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
