#!/usr/bin/env python3
"""Hostile-input stress test for ``policyextract.parse`` (issue 5).

For each hostile case (CASE_CHARS characters, default 200,000) the parse time is reported as a
multiple of the time for the same number of characters of real notice text (the bodies of seeds
000 and 001, repeated). A case passes when parse() returns a result or raises a
PolicyExtractError, within LIMIT × the baseline (default 20×). Exit status 1 if any case fails.

    python scripts/stress.py [--chars 200000] [--limit 20] [--only CASE ...]
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import policyextract  # noqa: E402
from policyextract.errors import PolicyExtractError  # noqa: E402


def real_text(n: int) -> str:
    seeds = sorted((ROOT / "fixtures" / "seeds").glob("00[01]_*.txt"))
    body = "\n".join(p.read_text(encoding="utf-8") for p in seeds)
    return (body * (n // len(body) + 1))[:n]


def cases(n: int) -> dict:
    rng = random.Random(20200125)
    real = real_text(n)
    flat = "".join(c for c in real if c not in "，。、；：？！,.;:?!\n \xa0\u3000")
    flat = (flat * (n // len(flat) + 1))[:n]
    cjk = "".join(chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(n))
    return {
        "real notice text (baseline)": real,
        "whitespace only": " \n\t\u3000" * (n // 4),
        "NUL bytes interleaved": "".join(c + ("\x00" if i % 7 == 0 else "") for i, c in enumerate(real))[:n],
        "NUL only": "\x00" * n,
        "lone surrogates interleaved": "".join(c + ("\ud800" if i % 50 == 0 else "") for i, c in enumerate(real))[:n],
        "random bytes": bytes(rng.getrandbits(8) for _ in range(n)),
        "random CJK": cjk,
        "random CJK, one line per 80": "\n".join(cjk[i:i + 80] for i in range(0, n, 81)),
        "one line, no punctuation": flat,
        "一、 × n": ("一、" * (n // 2))[:n],
        "一、 lines": ("一、\n" * (n // 3))[:n],
        "（一） × n": ("（一）" * (n // 3))[:n],
        "dates × n": ("2020年1月25日" * (n // 10))[:n],
        "month-days × n": ("1月25日，" * (n // 6))[:n],
        "（ × n": "（" * n,
        "( × n": "(" * n,
        "〔2020〕号 × n": ("国办发〔2020〕1号" * (n // 11))[:n],
        "private-use (mojibake-like)": "".join(chr(rng.randint(0xE000, 0xE4C5)) for _ in range(n)),
        "?-garbage": ("?锻ㄖ" * (n // 3))[:n],
        "pinyin after every char": ("醫(yī)" * (n // 5))[:n],
        "spinner markers × n": ("东谈主作念好政事局总布告专揽召开" * (n // 16))[:n],
        "nested HTML": ("<div>" * (n // 10) + "通知" + "</div>" * (n // 10))[:n],
        "HTML paragraphs": ("<p>一、加强领导。</p>" * (n // 15))[:n],
        "主持 会议 names × n": ("李克强主持召开会议，王沪宁出席。" * (n // 16))[:n],
        "titles × n": ("国务院办公厅关于做好疫情防控工作的通知\n" * (n // 20))[:n],
    }


STAGE_TIMES: dict = {}


def instrument() -> None:
    """Wrap the pipeline's stage functions with timers (``--stages``): where the time goes."""
    import functools

    from policyextract import api, normalize as norm_mod
    from policyextract import extract as ex

    def wrap(owner, attr, label):
        fn = getattr(owner, attr)

        @functools.wraps(fn)
        def timed(*a, **k):
            t0 = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                STAGE_TIMES[label] = STAGE_TIMES.get(label, 0.0) + time.perf_counter() - t0

        setattr(owner, attr, timed)

    wrap(api, "decode_input", "decode")
    wrap(api, "normalize", "normalize")
    wrap(api.segment, "segment_page", "segment")
    for mod_name, fn_name in [("header", "extract_header"), ("dates", "find_dates"), ("dates", "date_records"),
                              ("measures", "extract_measures"), ("people", "extract_officials"),
                              ("meetings", "extract_meetings"), ("references", "extract_references")]:
        mod = getattr(ex, mod_name, None)
        if mod is not None and hasattr(mod, fn_name):
            wrap(mod, fn_name, mod_name if fn_name != "date_records" else "dates")


def time_parse(page, repeat: int = 1):
    best = None
    outcome = "ok"
    for _ in range(repeat):
        t0 = time.perf_counter()
        try:
            res = policyextract.parse(page)
            outcome = f"ok ({len(res.documents)} doc)"
        except PolicyExtractError as exc:
            outcome = f"raises {type(exc).__name__}"
        except Exception as exc:  # noqa: BLE001 - the point of the script
            outcome = f"CRASH {type(exc).__name__}: {exc}"[:80]
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    return best, outcome


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=200_000)
    ap.add_argument("--limit", type=float, default=20.0)
    ap.add_argument("--only", nargs="*", help="substrings of case names to run")
    ap.add_argument("--stages", action="store_true", help="also show the slowest stage of each case")
    args = ap.parse_args(argv)
    if args.stages:
        instrument()

    all_cases = cases(args.chars)
    policyextract.parse("关于做好疫情防控工作的通知\n各省：\n一、加强领导。")  # warm up (models, tables)
    base_name = "real notice text (baseline)"
    base, outcome = time_parse(all_cases[base_name], repeat=3)
    print(f"{args.chars:,}-char inputs; baseline {base:.2f}s ({outcome}); limit {args.limit:g}× baseline", flush=True)
    # a second reference: the five seed pages parsed one by one, scaled to the same length (the
    # repeated seeds of the baseline are mostly dropped as repeated boilerplate, so it is cheap)
    pages = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))]
    t0 = time.perf_counter()
    for pg in pages:
        policyextract.parse(pg)
    per_char = (time.perf_counter() - t0) / sum(map(len, pages))
    print(f"(seed pages one by one: {per_char * args.chars:.2f}s per {args.chars:,} chars, "
          f"{1 / per_char / 1000:.0f}k chars/s; ratios below use the baseline)\n", flush=True)
    print(f"| {'case':32} | {'seconds':>8} | {'× base':>7} | outcome |")
    print(f"|{'-' * 34}|{'-' * 10}|{'-' * 9}|---------|")
    failed = []
    for name, page in all_cases.items():
        if name == base_name:
            dt, out = base, outcome
        else:
            if args.only and not any(o in name for o in args.only):
                continue
            STAGE_TIMES.clear()
            dt, out = time_parse(page, repeat=2)
        ratio = dt / base if base else float("inf")
        bad = ratio > args.limit or out.startswith("CRASH")
        if bad:
            failed.append(name)
        stages = ""
        if args.stages and STAGE_TIMES and name != base_name:
            top = sorted(STAGE_TIMES.items(), key=lambda kv: -kv[1])[:3]
            stages = " " + ", ".join(f"{k} {v / 2:.2f}s" for k, v in top)  # 2 runs per case
        print(f"| {name:32} | {dt:8.2f} | {ratio:6.2f}× | {out}{'  <-- FAIL' if bad else ''}{stages} |", flush=True)
    print()
    print("FAILED: " + ", ".join(failed) if failed else f"all cases within {args.limit:g}× the baseline")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
