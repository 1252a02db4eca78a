#!/usr/bin/env python3
"""Throughput, memory and start-up of policyextract (issue 6). Not part of ``make test``.

    python scripts/bench.py [--repeat 5] [--json bench.json]

Corpus: the seed pages (fixtures/seeds/*.txt, as text) repeated ``--repeat`` times. Prints

* chars/s of ``parse()`` end to end, of pkuseg segmentation alone (``nlp.segment``, else
  ``pkuseg.pkuseg().cut``) and of one regex pass (the kind of pattern the rules run), all on the
  same corpus in one process with every model already loaded; the ratio parse / pkuseg
  (budget ≥ 1.0);
* peak RSS of a fresh process that parses the corpus (budget ≤ 1.2 GB);
* cold start: a fresh process from before ``import policyextract`` to the end of its first
  ``parse()`` of a page with names (seed 001; budget ≤ 3 s), median of 3; and the same for the
  heavy seed 002;
* ``parse_many`` wall time with ``n_process=1`` and ``2`` and the speed-up.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
# cold start on a page with names: seed 001 (3.3k chars, a typical notice naming an official);
# seed 002 (15.9k chars, 13 officials and 8 meetings) is timed too, as the heavy case
NAMES_PAGE = next((p for p in SEEDS if p.name.startswith("001")), SEEDS[0])
HEAVY_PAGE = next((p for p in SEEDS if p.name.startswith("002")), SEEDS[-1])

BUDGET = {"ratio": 1.0, "rss_mb": 1200.0, "cold_s": 3.0}

_PATCH_NER = r"""
import os
if os.environ.get("BENCH_NER_MODEL"):
    from pathlib import Path
    import policyextract.nlp
    policyextract.nlp.MODEL_DIR = Path(os.environ["BENCH_NER_MODEL"])
if os.environ.get("BENCH_PKUSEG_CACHE"):
    import functools
    import policyextract.nlp
    from policyextract import pkuseg_cache
    policyextract.nlp._pkuseg = functools.lru_cache(maxsize=1)(pkuseg_cache.load)
"""

_CHILD_COLD = r"""
import sys, time, resource
t0 = time.perf_counter()
import policyextract
""" + _PATCH_NER + r"""
result = policyextract.parse(open(sys.argv[1], encoding="utf-8").read())
t1 = time.perf_counter()
n_people = sum(len(d.officials) for d in result.documents)
nlp = sys.modules.get("policyextract.nlp")
ner = bool(nlp and getattr(nlp, "load", None) and nlp.load.cache_info().currsize)
seg = bool(nlp and getattr(nlp, "_pkuseg", None) and nlp._pkuseg.cache_info().currsize)
print(f"{t1 - t0:.4f} {n_people} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} {int(ner)} {int(seg)}")
"""

_CHILD_RSS = r"""
import sys, resource, glob
import policyextract
""" + _PATCH_NER + r"""
texts = [open(p, encoding="utf-8").read() for p in sys.argv[2:]] * int(sys.argv[1])
for t in texts:
    policyextract.parse(t)
print(f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}")
"""


def _child(code: str, *args: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=600)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    return proc.stdout.strip().splitlines()[-1]


def _rate(fn, texts, min_seconds: float = 1.0):
    """chars/s of ``fn`` over ``texts`` (repeated until at least ``min_seconds`` have passed)."""
    n_chars = sum(map(len, texts))
    rounds, took = 0, 0.0
    start = time.perf_counter()
    while took < min_seconds or rounds == 0:
        for t in texts:
            fn(t)
        rounds += 1
        took = time.perf_counter() - start
    return n_chars * rounds / took, took


def _segmenter():
    try:
        from policyextract import nlp

        if hasattr(nlp, "segment"):
            nlp.segment("预热")
            return "policyextract.nlp.segment", nlp.segment
    except Exception:  # noqa: BLE001 - nlp not importable yet: fall back to pkuseg itself
        pass
    import pkuseg

    seg = pkuseg.pkuseg()
    return "pkuseg.pkuseg().cut", seg.cut


def _regex_pass():
    import regex

    # one alternation of the words the rules look for (posts, meeting verbs, numbering)
    pattern = regex.compile(r"(?:主持|出席|参加|列席|召开|会议|委员|书记|总理|部长|主任|同志)"
                            r"|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{4}年\d{1,2}月\d{1,2}日")
    return lambda text: pattern.findall(text)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5, help="copies of the seed corpus (default 5)")
    ap.add_argument("--json", help="also write the numbers to this file")
    ap.add_argument("--parallel-repeat", type=int, default=4,
                    help="copies of the corpus for the parse_many runs (default 4)")
    ap.add_argument("--skip-parallel", action="store_true")
    ap.add_argument("--ner-model", help="use this spaCy NER model directory instead of the shipped one "
                                        "(e.g. a stand-in of the shipped architecture before it is trained)")
    ap.add_argument("--pkuseg-cache", action="store_true",
                    help="load pkuseg through policyextract.pkuseg_cache (what nlp should do)")
    args = ap.parse_args(argv)
    if args.pkuseg_cache:
        os.environ["BENCH_PKUSEG_CACHE"] = "1"
    if args.ner_model:
        os.environ["BENCH_NER_MODEL"] = str(Path(args.ner_model).resolve())
    exec(_PATCH_NER, {})

    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    corpus = texts * args.repeat
    n_chars = sum(map(len, corpus))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    out = {"corpus_pages": len(corpus), "corpus_chars": n_chars, "cpu_count": os.cpu_count(), "loadavg_1m": load}
    print(f"corpus: {len(SEEDS)} seed pages x {args.repeat} = {len(corpus)} pages, {n_chars:,} chars; "
          f"{os.cpu_count()} CPU(s), load average {load:.2f} before the run (other jobs skew timings)")

    # --- cold start, in fresh processes (the first one may also build caches: reported apart)
    first = _child(_CHILD_COLD, str(NAMES_PAGE)).split()
    colds = [float(_child(_CHILD_COLD, str(NAMES_PAGE)).split()[0]) for _ in range(3)]
    out["cold_start_first_s"] = float(first[0])
    out["cold_start_s"] = statistics.median(colds)
    out["cold_start_officials_found"] = int(first[1])
    out["cold_start_rss_mb"] = float(first[2])
    out["cold_start_heavy_s"] = statistics.median(
        float(_child(_CHILD_COLD, str(HEAVY_PAGE)).split()[0]) for _ in range(3))
    out["cold_start_ner_loaded"] = bool(int(first[3]))
    out["cold_start_pkuseg_loaded"] = bool(int(first[4]))

    # --- peak RSS of a process parsing the whole corpus
    out["peak_rss_mb"] = float(_child(_CHILD_RSS, str(args.repeat), *map(str, SEEDS)))

    # --- throughput in this process, everything loaded
    import policyextract

    for t in texts:  # warm-up: loads whatever models parse() uses
        policyextract.parse(t)
    seg_name, segment = _segmenter()
    rx = _regex_pass()
    out["parse_chars_per_s"], _ = _rate(policyextract.parse, corpus)
    out["pkuseg_chars_per_s"], _ = _rate(segment, corpus)
    out["regex_chars_per_s"], _ = _rate(rx, corpus, min_seconds=0.5)
    out["ratio_parse_over_pkuseg"] = out["parse_chars_per_s"] / out["pkuseg_chars_per_s"]
    out["pkuseg_impl"] = seg_name

    # --- parse_many, 1 vs 2 processes (workers forked after the warm-up above)
    if not args.skip_parallel:
        big = corpus * args.parallel_repeat
        big_chars = n_chars * args.parallel_repeat
        for n in (1, 2):
            start = time.perf_counter()
            done = sum(1 for r in policyextract.parse_many(big, n_process=n) if r.ok)
            took = time.perf_counter() - start
            out[f"parse_many_{n}_s"] = took
            out[f"parse_many_{n}_chars_per_s"] = big_chars / took
            assert done == len(big), f"{len(big) - done} page(s) failed"
        out["speedup_2_over_1"] = out["parse_many_1_s"] / out["parse_many_2_s"]

    ok = {
        "ratio": out["ratio_parse_over_pkuseg"] >= BUDGET["ratio"],
        "rss": out["peak_rss_mb"] <= BUDGET["rss_mb"],
        "cold": out["cold_start_s"] <= BUDGET["cold_s"],
    }
    out["budget_met"] = ok

    def mark(flag):
        return "ok" if flag else "OVER BUDGET"

    print()
    print(f"{'measure':<44}{'value':>16}")
    print("-" * 60)
    print(f"{'parse() end to end, chars/s':<44}{out['parse_chars_per_s']:>16,.0f}")
    print(f"{'pkuseg alone (' + seg_name + '), chars/s':<44}{out['pkuseg_chars_per_s']:>16,.0f}")
    print(f"{'one regex pass, chars/s':<44}{out['regex_chars_per_s']:>16,.0f}")
    print(f"{'ratio parse / pkuseg (>= 1.0)':<44}{out['ratio_parse_over_pkuseg']:>16.2f}  {mark(ok['ratio'])}")
    print(f"{'peak RSS parsing the corpus, MB (<= 1200)':<44}{out['peak_rss_mb']:>16.0f}  {mark(ok['rss'])}")
    print(f"{'cold start: import + first parse, s (<= 3)':<44}{out['cold_start_s']:>16.2f}  {mark(ok['cold'])}")
    print(f"{'  (first run ever, may build caches), s':<44}{out['cold_start_first_s']:>16.2f}")
    print(f"{'  same on ' + HEAVY_PAGE.name[:3] + ' (15.9k chars, 13 officials), s':<44}{out['cold_start_heavy_s']:>16.2f}")
    print(f"{'  officials found on ' + NAMES_PAGE.name[:3] + ' at cold start':<44}{out['cold_start_officials_found']:>16d}")
    print(f"{'  NER model / pkuseg loaded by that parse':<44}{str(out['cold_start_ner_loaded']) + ' / ' + str(out['cold_start_pkuseg_loaded']):>16}")
    if not args.skip_parallel:
        print(f"{'parse_many n_process=1, chars/s':<44}{out['parse_many_1_chars_per_s']:>16,.0f}")
        print(f"{'parse_many n_process=2, chars/s':<44}{out['parse_many_2_chars_per_s']:>16,.0f}")
        print(f"{'speed-up 2 processes / 1':<44}{out['speedup_2_over_1']:>16.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
