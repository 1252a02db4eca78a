"""Command line: ``policyextract parse PATH... [--format json|jsonl] [--out DIR] [--jobs N]``, ``schema``, ``demo``.

``parse`` reads files, directories (recursively: *.txt, *.html, *.htm, *.jsonl) and JSON Lines
files of ``{"id": …, "text": …}`` records (``*.jsonl`` / ``*.ndjson``, or ``-`` for standard
input). Results go to standard output as JSON Lines (one record per page, with its ``id``), or
with ``--out DIR`` to one ``NAME.json`` per input ``NAME.txt`` (``--format json``: indented), or
with ``--output FILE`` to one JSON Lines file. A page that fails becomes an error record
``{"id": …, "error": …, "message": …}``; the run goes on and exits with status 1.
A progress bar is shown on standard error when it is a terminal (``--no-progress`` hides it).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import deque
from pathlib import Path
from typing import IO, Iterator, List, Optional, Tuple

from .api import parse
from .batch import DEFAULT_BATCH_SIZE, parse_many
from .records import ParseResult

PAGE_SUFFIXES = {".txt", ".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def _inputs(paths):
    """Files named, and the page and JSON Lines files under directories named (sorted, recursive)."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(x for x in p.rglob("*")
                              if x.is_file() and x.suffix.lower() in PAGE_SUFFIXES | JSONL_SUFFIXES)
        else:
            yield p


class _Source:
    """One unit of input: a page file, or one record of a JSON Lines stream."""

    __slots__ = ("ident", "out_name", "path", "text", "error")

    def __init__(self, ident: str, out_name: str, path: Optional[Path] = None,
                 text: Optional[str] = None, error: Optional[Tuple[str, str]] = None):
        self.ident, self.out_name, self.path, self.text, self.error = ident, out_name, path, text, error


_UNSAFE = re.compile(r"[^\w.\-]+")


def _safe_name(ident: str) -> str:
    return _UNSAFE.sub("_", ident).strip("._")[:200] or "page"


def _jsonl_records(stream: IO[bytes], origin: str) -> Iterator[_Source]:
    """One source per non-blank line of a JSON Lines byte stream; a bad line is an error source."""
    for lineno, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            rec = json.loads(line)
        except UnicodeDecodeError as exc:
            yield _Source(where, _safe_name(where), error=("DecodeError", f"JSON Lines input must be UTF-8: {exc}"))
            continue
        except json.JSONDecodeError as exc:
            yield _Source(where, _safe_name(where), error=("InputError", f"not a JSON line: {exc}"))
            continue
        if not isinstance(rec, dict):
            yield _Source(where, _safe_name(where), error=("InputError", "a JSON Lines record must be an object"))
            continue
        ident = str(rec["id"]) if rec.get("id") is not None else where
        text = rec.get("text")
        if not isinstance(text, str):
            yield _Source(ident, _safe_name(ident), error=("InputError", 'record has no "text" string'))
            continue
        yield _Source(ident, _safe_name(ident), text=text)


def _raw_sources(paths: List[str]) -> Iterator[_Source]:
    for arg in paths:
        if arg == "-":
            yield from _jsonl_records(sys.stdin.buffer, "<stdin>")
            continue
        root = Path(arg)
        for path in _inputs([arg]):
            if path.suffix.lower() in JSONL_SUFFIXES:
                try:
                    fh = open(path, "rb")
                except OSError as exc:
                    yield _Source(str(path), path.stem, error=(type(exc).__name__, str(exc)))
                    continue
                with fh:
                    yield from _jsonl_records(fh, str(path))
                continue
            if root.is_dir():  # keep the tree: DIR/a/x.txt -> OUT/a/x.json
                out_name = str(path.relative_to(root).with_suffix(""))
            else:
                out_name = path.stem
            yield _Source(str(path), out_name, path=path)


def _sources(paths: List[str]) -> Iterator[_Source]:
    """Every input unit, with output names made unique (x, x__1, x__2, ...) for ``--out``."""
    seen: dict = {}
    for src in _raw_sources(paths):
        n = seen.get(src.out_name, 0)
        seen[src.out_name] = n + 1
        if n:
            src.out_name = f"{src.out_name}__{n}"
        yield src


def _read(src: _Source):
    """The page of a source (bytes of a file, or a record's text); ``None`` when it cannot be
    read (``src.error`` then says why, and parse() rejects ``None``)."""
    if src.error is None and src.path is not None:
        try:
            return src.path.read_bytes()
        except OSError as exc:
            src.error = (type(exc).__name__, str(exc))
            return None
    return src.text


def _count(paths: List[str]) -> Optional[int]:
    """Pages to come, for the progress bar's total (files listed, JSON Lines lines counted without
    parsing them); None when reading standard input."""
    total = 0
    for arg in paths:
        if arg == "-":
            return None
        for path in _inputs([arg]):
            if path.suffix.lower() in JSONL_SUFFIXES:
                try:
                    with open(path, "rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


def _progress(total: Optional[int], enabled: bool):
    if not enabled:
        return None
    try:
        from tqdm import tqdm
    except ImportError:  # progress is an optional extra
        return None
    return tqdm(total=total, unit="page", file=sys.stderr, dynamic_ncols=True)


def cmd_parse(args) -> int:
    failed = 0
    out_dir = Path(args.out) if args.out else None
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    show = not args.no_progress and sys.stderr.isatty()
    bar = _progress(_count(args.paths), show) if show else None
    src_iter = _sources(args.paths)
    in_flight: deque = deque()  # sources handed to parse_many; results come back in this order

    def pages():
        for src in src_iter:
            page = _read(src)
            in_flight.append(src)
            yield src.ident, page

    writer = None
    if args.output and args.output != "-":
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        writer = open(args.output, "w", encoding="utf-8")
    try:
        for item in parse_many(pages(), n_process=args.jobs, batch_size=args.batch_size,
                               ner=not args.no_ner):
            src = in_flight.popleft()
            if item.ok:
                payload = item.model_dump(mode="json", exclude={"id"})
            else:
                failed += 1
                payload = item.model_dump(mode="json")
                if src.error is not None:  # unreadable file or bad JSON line: say that, not parse()'s complaint
                    payload["error"], payload["message"] = src.error
            _emit(payload, src, out_dir, args, writer)
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
        if writer is not None:
            writer.close()
    if failed and not args.quiet:
        print(f"policyextract: {failed} page(s) failed", file=sys.stderr)
    return 1 if failed else 0


def _emit(payload: dict, src: _Source, out_dir: Optional[Path], args, writer) -> None:
    if out_dir and writer is None:
        indent = 1 if args.format == "json" else None
        target = out_dir / (src.out_name + ".json")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(payload, ensure_ascii=False, indent=indent), encoding="utf-8")
        return
    record = {"id": src.ident, **payload}
    line = json.dumps(record, ensure_ascii=False) + "\n"
    (writer or sys.stdout).write(line)


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


def _jobs(value: str) -> int:
    n = int(value)
    if n < 0:
        raise argparse.ArgumentTypeError("--jobs must be >= 0 (0: one per core)")
    return n or (os.cpu_count() or 1)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="policyextract", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("parse", help="parse pages into JSON records")
    p.add_argument("paths", nargs="+", help="files, directories (recursive), *.jsonl record files, or - (JSONL on stdin)")
    p.add_argument("--format", choices=["json", "jsonl"], default="jsonl")
    p.add_argument("--out", help="directory: one NAME.json per input NAME.txt")
    p.add_argument("-o", "--output", help="write all records to this JSON Lines file (default: standard output)")
    p.add_argument("-j", "--jobs", type=_jobs, default=1, help="worker processes (0: one per core; default 1)")
    p.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="pages per task sent to a worker")
    p.add_argument("--no-ner", action="store_true", help="rules only: do not load or use the NER model (faster)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line on standard error")
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
