#!/usr/bin/env python
"""ETL: a directory of scraped pages -> Parquet tables, one file per table.

    python examples/etl_to_parquet.py PAGES_DIR OUT_DIR [--jobs 4] [--chunk 2000]

Reads every *.txt / *.html / *.htm under PAGES_DIR (recursively, lazily), parses them with
``policyextract.parse_many`` over ``--jobs`` processes, and streams the flat tables of
``policyextract.to_dataframe`` into OUT_DIR/{documents,measures,officials,meetings,attendees,
errors}.parquet, one row group per ``--chunk`` pages, so memory stays flat on millions of pages.
Pages that fail land in errors.parquet; the exit status is 1 if any did.

Needs: pip install 'policyextract[pandas]' (pandas + pyarrow).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

import policyextract
from policyextract.tables import COLUMNS

TABLES = ["documents", "measures", "officials", "meetings", "attendees", "errors"]
LIST_COLUMNS = {"issuers", "recipients", "titles"}
INT_COLUMNS = {"doc_index", "depth", "level", "index", "n_children", "official_index", "n_mentions",
               "meeting_index", "n_attendees", "n_measures", "n_dates", "n_officials", "n_meetings",
               "n_references", "start", "end"}


def arrow_schema(table: str) -> pa.Schema:
    """A fixed schema per table, so every row group of a file agrees (even all-null chunks)."""
    def kind(col):
        if col in LIST_COLUMNS:
            return pa.list_(pa.string())
        return pa.int64() if col in INT_COLUMNS else pa.string()
    return pa.schema([(col, kind(col)) for col in COLUMNS[table]])


def pages(root: Path):
    """(id, bytes) for every page file under root; the id is the path relative to root."""
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix.lower() in {".txt", ".html", ".htm"}:
            yield str(path.relative_to(root)), path.read_bytes()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pages_dir", type=Path)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (0: one per core)")
    ap.add_argument("--chunk", type=int, default=2000, help="pages per Parquet row group")
    args = ap.parse_args(argv)

    args.out_dir.mkdir(parents=True, exist_ok=True)
    schemas = {t: arrow_schema(t) for t in TABLES}
    writers = {t: pq.ParquetWriter(args.out_dir / f"{t}.parquet", schemas[t]) for t in TABLES}
    counts = dict.fromkeys(TABLES, 0)
    n_pages = n_chars = 0
    started = time.perf_counter()

    def flush(buffer):
        for t in TABLES:
            df = policyextract.to_dataframe(buffer, table=t)
            writers[t].write_table(pa.Table.from_pandas(df, schema=schemas[t], preserve_index=False))
            counts[t] += len(df)

    try:
        buffer = []
        for result in policyextract.parse_many(pages(args.pages_dir), n_process=args.jobs):
            n_pages += 1
            n_chars += len(result.text) if result.ok else 0
            buffer.append(result)
            if len(buffer) >= args.chunk:
                flush(buffer)
                buffer = []
        flush(buffer)
    finally:
        for w in writers.values():
            w.close()

    took = time.perf_counter() - started
    print(f"{n_pages} pages, {n_chars} chars in {took:.1f}s ({n_chars / max(took, 1e-9):,.0f} chars/s)",
          file=sys.stderr)
    for t in TABLES:
        print(f"  {args.out_dir / (t + '.parquet')}: {counts[t]} rows", file=sys.stderr)
    return 1 if counts["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
