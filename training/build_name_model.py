"""Build ``policyextract/data/name_model.json``: the character statistics behind the name-roll
resolver (``policyextract.name_rolls``), from the PER entities of MSRA *train minus dev* (the
same 2,000-sentence dev hold-out as training/convert_msra.py).

What it counts (all over Han-only PER entities made of a surname in
``policyextract/data/person_surnames.txt`` and a 1-2 character given name; longer ones are
mostly transliterated foreign names, whose characters would blur the given-name statistics):
* ``surname``: how often each surname (compound surnames first) starts a name;
* ``given``: how often each character occurs in a given name;
* ``given_len``: how many names have a 1- or 2-character given name;
* ``background``: how often each character occurs in the text *outside* PER entities.

Deterministic; run by ``make train-ner`` after convert_msra.py (it needs the fetched corpus).
Usage: python training/build_name_model.py [--dev-size 2000] [--seed 0]
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "training"))

import convert_msra as cm  # noqa: E402

OUT = ROOT / "policyextract" / "data" / "name_model.json"
SURNAMES = ROOT / "policyextract" / "data" / "person_surnames.txt"
HAN = __import__("regex").compile(r"^\p{Han}+$")


def load_surnames() -> list[str]:
    out = []
    for line in SURNAMES.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return sorted(set(out), key=lambda s: (-len(s), s))


def split_name(name: str, surnames: list[str]) -> tuple[str, str] | None:
    for s in surnames:  # compound first
        if name.startswith(s) and 1 <= len(name) - len(s) <= 2:
            return s, name[len(s):]
    return None


def build(train, surnames) -> dict:
    sur = collections.Counter()
    given = collections.Counter()
    glen = collections.Counter()
    bg = collections.Counter()
    for text, ents in train:
        inside = [False] * len(text)
        for s, e, lab in ents:
            if lab != "PER":
                continue
            for i in range(s, e):
                inside[i] = True
            name = text[s:e]
            if not (2 <= len(name) <= 4 and HAN.match(name)):
                continue
            parts = split_name(name, surnames)
            if parts is None:
                continue
            sur[parts[0]] += 1
            given.update(parts[1])
            glen[len(parts[1])] += 1
        bg.update(c for c, ins in zip(text, inside) if not ins and HAN.match(c))
    return {
        "about": "character statistics of person names for policyextract.name_rolls; counted by "
                 "training/build_name_model.py over MSRA train (minus the dev hold-out): surname "
                 "and given-name character counts of Han PER entities, background character "
                 "counts outside PER entities. Derived from MSRA (research-use terms).",
        "names": sum(sur.values()),
        "surname": dict(sorted(sur.items(), key=lambda kv: (-kv[1], kv[0]))),
        "given": dict(sorted(given.items(), key=lambda kv: (-kv[1], kv[0]))),
        "given_len": {str(k): glen[k] for k in sorted(glen)},
        "background": dict(sorted(((c, n) for c, n in bg.items() if n >= 2),
                                  key=lambda kv: (-kv[1], kv[0]))),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev-size", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    cm.fetch()
    train = cm.read_bmes(cm.MSRA_DIR / "msra_train.txt")
    dev = cm.dev_indices(len(train), args.dev_size, random.Random(args.seed))
    model = build([train[i] for i in range(len(train)) if i not in dev], load_surnames())
    OUT.write_text(json.dumps(model, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {model['names']} names, {len(model['surname'])} surnames, "
          f"{len(model['given'])} given-name chars, {len(model['background'])} background chars, "
          f"given_len {model['given_len']}")


if __name__ == "__main__":
    main()
