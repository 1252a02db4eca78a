"""NER benchmark (issue 3): load time, throughput after load, peak memory — single process.

Measures, in this process:
* pipeline load time (``policyextract.nlp.load()``: spaCy model + rule patterns) and pkuseg load;
* ``nlp.entities`` throughput in chars/s on the seed pages (all text, chunked as in production) and
  on the MSRA test sentences when the corpus is present (training/corpus/…);
* ``nlp.segment`` (pkuseg alone) throughput on the same text, for the ratio;
* peak RSS (``ru_maxrss``).

Usage: python scripts/bench_ner.py [--repeat 2] [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--json", default=None)
    args = ap.parse_args()

    rss0 = rss_mb()
    t0 = time.perf_counter()
    from policyextract import nlp as pnlp

    import_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    pnlp._pkuseg()
    pkuseg_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    pnlp.load()
    load_s = time.perf_counter() - t0
    rss_loaded = rss_mb()

    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))]
    corpora = {"seeds": seeds}
    gold = ROOT / "training" / "corpus" / "spacy" / "test_gold.jsonl"
    if gold.exists():
        corpora["msra_test"] = [json.loads(l)["text"] for l in gold.read_text(encoding="utf-8").splitlines()]

    res = {"import_s": round(import_s, 3), "pkuseg_load_s": round(pkuseg_s, 3),
           "pipeline_load_s": round(load_s, 3), "rss_before_mb": round(rss0),
           "rss_after_load_mb": round(rss_loaded)}
    pnlp.entities(["国务院总理李克强主持召开国务院常务会议。"])  # warm-up
    for name, texts in corpora.items():
        n = sum(len(t) for t in texts)
        best_ner = best_seg = float("inf")
        ents = 0
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            out = pnlp.entities(texts)
            best_ner = min(best_ner, time.perf_counter() - t0)
            ents = sum(len(o) for o in out)
            t0 = time.perf_counter()
            for t in texts:
                for _, piece in pnlp.chunk(t):
                    pnlp.segment(piece)
            best_seg = min(best_seg, time.perf_counter() - t0)
        res[name] = {"chars": n, "entities": ents, "ner_chars_per_s": round(n / best_ner),
                     "pkuseg_only_chars_per_s": round(n / best_seg),
                     "ner_s": round(best_ner, 3), "pkuseg_s": round(best_seg, 3)}
    res["peak_rss_mb"] = round(rss_mb())

    print("NER benchmark (single process, after load)")
    print(f"  import {res['import_s']:.2f}s  pkuseg load {res['pkuseg_load_s']:.2f}s  "
          f"pipeline load {res['pipeline_load_s']:.2f}s  RSS after load {res['rss_after_load_mb']} MB")
    for name in corpora:
        r = res[name]
        print(f"  {name:10s} {r['chars']:8d} chars  NER {r['ner_chars_per_s']:8,d} chars/s  "
              f"pkuseg alone {r['pkuseg_only_chars_per_s']:8,d} chars/s  entities {r['entities']}")
    print(f"  peak RSS {res['peak_rss_mb']} MB")
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
