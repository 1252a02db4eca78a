#!/usr/bin/env python3
"""An untrained NER pipeline with the shipped architecture, for timing before the model is trained.

    python scripts/standin_ner.py OUT_DIR [--config training/config.cfg]
    python scripts/bench.py --ner-model OUT_DIR --pkuseg-cache

Same tokenizer (pkuseg), same tok2vec and parser sizes as ``training/config.cfg``, random weights:
the cost per character is that of the trained model (what it finds is not).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--config", type=Path, default=ROOT / "training" / "config.cfg")
    args = ap.parse_args(argv)

    import nlpmod  # noqa: F401 - registers the pkuseg tokenizer and the corpus reader
    import spacy
    from spacy.training import Example
    from spacy.util import load_config

    cfg = load_config(args.config, overrides={"paths.train": "unused.spacy", "paths.dev": "unused.spacy"})
    nlp = spacy.util.load_model_from_config(cfg, auto_fill=True, validate=True)
    ner = nlp.get_pipe("ner")
    for label in ("PER", "ORG", "LOC"):
        ner.add_label(label)
    examples = [Example.from_dict(nlp.make_doc("国务院总理李克强主持召开国务院常务会议。"), {"entities": []})]
    nlp.initialize(lambda: examples)
    nlp.to_disk(args.out)
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
