"""Command line: ``policyextract parse PATH... [--format json|jsonl] [--out DIR]``, ``schema``, ``demo``."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .api import parse
from .errors import PolicyExtractError
from .records import ParseResult


def _inputs(paths):
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(x for x in p.rglob("*") if x.is_file() and x.suffix in {".txt", ".html", ".htm"})
        else:
            yield p


def cmd_parse(args) -> int:
    failed = 0
    out_dir = Path(args.out) if args.out else None
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    for path in _inputs(args.paths):
        try:
            result = parse(path.read_bytes())
            payload = result.model_dump(mode="json")
        except (PolicyExtractError, OSError) as exc:
            failed += 1
            payload = {"id": str(path), "error": type(exc).__name__, "message": str(exc)}
        if out_dir:
            indent = 1 if args.format == "json" else None
            (out_dir / (path.stem + ".json")).write_text(json.dumps(payload, ensure_ascii=False, indent=indent), encoding="utf-8")
        else:
            payload.setdefault("id", str(path))
            sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
    return 1 if failed else 0


def cmd_schema(args) -> int:
    print(json.dumps(ParseResult.model_json_schema(), ensure_ascii=False, indent=1))
    return 0


def cmd_demo(args) -> int:
    for path in _inputs(args.paths):
        result = parse(path.read_bytes())
        print(f"== {path.name}: {len(result.text)} chars, {len(result.documents)} document(s)")
        for w in result.warnings:
            print(f"   ! {w}")
        for d in result.documents:
            n = sum(1 for _ in _walk(d.measures))
            print(f"   - {d.title or '(untitled)'} [{d.doc_type or '-'}] {d.doc_number or ''}")
            print(f"     issuers={[o.name for o in d.issuers]} recipients={len(d.recipients)} measures={n} "
                  f"dates={len(d.dates)} officials={len(d.officials)} meetings={len(d.meetings)}")
    return 0


def _walk(measures):
    for m in measures:
        yield m
        yield from _walk(m.children)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="policyextract", description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("parse", help="parse pages into JSON records")
    p.add_argument("paths", nargs="+")
    p.add_argument("--format", choices=["json", "jsonl"], default="jsonl")
    p.add_argument("--out", help="directory: one NAME.json per input NAME.txt")
    p.set_defaults(func=cmd_parse)
    s = sub.add_parser("schema", help="print the JSON Schema of the output")
    s.set_defaults(func=cmd_schema)
    d = sub.add_parser("demo", help="parse files and print a short summary per page")
    d.add_argument("paths", nargs="+")
    d.set_defaults(func=cmd_demo)
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
