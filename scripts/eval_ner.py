"""Entity-level P/R/F of the NER pipeline on the MSRA test split.

Default mode (``make eval-ner``): the shipped pipeline (or ``--model DIR``) runs on the *raw*
sentence text through :func:`policyextract.nlp.entities`, so pkuseg segmentation errors and
misaligned entities count as misses. Exact (start, end, label) matches, micro-averaged.

``--pretokenized training/corpus/spacy/test.spacy`` skips the tokenizer and runs the pipeline's
components on docs made by the same tokenizer (for the training machine, which has no pkuseg);
gold still comes from the raw character annotation (``test_gold.jsonl``), so the numbers are the
same as raw mode as long as the tokenizer data files did not change.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "training"))


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(gold: list[list[tuple]], pred: list[list[tuple]], labels=("PER", "ORG", "LOC")) -> dict:
    c = {l: collections.Counter() for l in labels}
    for g, p in zip(gold, pred):
        gs = {tuple(x) for x in g if x[2] in labels}
        ps = {tuple(x) for x in p if x[2] in labels}
        for x in gs & ps:
            c[x[2]]["tp"] += 1
        for x in ps - gs:
            c[x[2]]["fp"] += 1
        for x in gs - ps:
            c[x[2]]["fn"] += 1
    out = {}
    tot = collections.Counter()
    for l in labels:
        tot.update(c[l])
        p, r, f = prf(c[l]["tp"], c[l]["fp"], c[l]["fn"])
        out[l] = {"p": p, "r": r, "f": f, "support": c[l]["tp"] + c[l]["fn"]}
    p, r, f = prf(tot["tp"], tot["fp"], tot["fn"])
    out["ALL"] = {"p": p, "r": r, "f": f, "support": tot["tp"] + tot["fn"]}
    return out


def read_gold(path: Path):
    texts, gold = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        texts.append(r["text"])
        gold.append([tuple(e) for e in r["entities"]])
    return texts, gold


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None, help="pipeline dir (default: the shipped one)")
    ap.add_argument("--gold", default=str(ROOT / "training" / "corpus" / "spacy" / "test_gold.jsonl"))
    ap.add_argument("--pretokenized", default=None, help="DocBin of the test sentences")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--json", default=None, help="also write the scores here")
    args = ap.parse_args()

    from nlpmod import nlp_module as pnlp

    gold_path = Path(args.gold)
    if not gold_path.exists():  # build it from the raw corpus (fetching it if needed)
        import convert_msra as cm

        cm.fetch()
        gold_path.parent.mkdir(parents=True, exist_ok=True)
        with open(gold_path, "w", encoding="utf-8") as fh:
            for text, ents in cm.read_bmes(cm.MSRA_DIR / "msra_test.txt"):
                fh.write(json.dumps({"text": text, "entities": ents}, ensure_ascii=False) + "\n")
    texts, gold = read_gold(gold_path)
    if args.limit:
        texts, gold = texts[: args.limit], gold[: args.limit]

    import spacy

    t0 = time.time()
    if args.model:
        nlp = spacy.load(args.model)
    else:
        nlp = pnlp.load()
    load_s = time.time() - t0

    t0 = time.time()
    if args.pretokenized:
        from spacy.tokens import DocBin

        docs = list(DocBin().from_disk(args.pretokenized).get_docs(nlp.vocab))[: len(texts)]
        pred = []
        preds = []
        for ref in docs:
            from spacy.tokens import Doc

            d = Doc(nlp.vocab, words=[t.text for t in ref], spaces=[bool(t.whitespace_) for t in ref])
            for a, b in zip(d, ref):
                if b.norm_ != b.text.lower():
                    a.norm_ = b.norm_
            preds.append(d)
        for doc in nlp.pipe(preds, batch_size=256):
            pred.append([(e.start_char, e.end_char, e.label_) for e in doc.ents])
        assert all(d.text == t for d, t in zip(docs, texts)), "test.spacy does not match the gold"
    else:
        pred = pnlp.entities(texts, nlp=nlp)
    run_s = time.time() - t0
    res = score(gold, pred)
    nchars = sum(len(t) for t in texts)
    print(f"MSRA test: {len(texts)} sentences, {nchars} chars; model load {load_s:.1f}s, "
          f"run {run_s:.1f}s ({nchars / run_s:,.0f} chars/s){' [pretokenized]' if args.pretokenized else ' [raw text]'}")
    print(f"{'label':6s} {'P':>7s} {'R':>7s} {'F':>7s} {'n':>6s}")
    for l, v in res.items():
        print(f"{l:6s} {v['p']:7.4f} {v['r']:7.4f} {v['f']:7.4f} {v['support']:6d}")
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
