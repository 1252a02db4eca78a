#!/usr/bin/env python
"""Spark ETL: a directory (or any Hadoop path: hdfs://, s3a://) of pages -> Parquet, on a cluster.

    spark-submit examples/spark_etl.py PAGES_DIR OUT_DIR
    python examples/spark_etl.py PAGES_DIR OUT_DIR --master 'local[2]'     # no cluster

Reads every *.txt / *.html / *.htm under PAGES_DIR (recursively) as bytes (so each page's encoding
is detected by the parser), parses them with ``policyextract.spark.parse_column`` and writes

* OUT_DIR/parsed/     one row per page: path, ``parsed`` (struct following ParseResult), ``parse_error``
* OUT_DIR/documents/  one row per document: path, doc_index, title, doc_type, doc_number, issue_date,
                      issuers, n_top_measures, n_officials, n_meetings, start, end
* OUT_DIR/attendees/  one row per meeting attendee: path, doc_index, meeting date, chair, name, role

The executors need policyextract installed (``pip install 'policyextract[spark]'`` in their Python).
"""
from __future__ import annotations

import argparse
import os
import sys

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

from policyextract.spark import parse_column


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pages")
    ap.add_argument("out")
    ap.add_argument("--master", help="e.g. local[4] when not run by spark-submit")
    ap.add_argument("--partitions", type=int, default=0, help="repartition the pages (0: keep)")
    args = ap.parse_args(argv)

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # local runs: workers use this Python
    builder = SparkSession.builder.appName("policyextract-etl").config("spark.ui.enabled", "false")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")

    pages = (spark.read.format("binaryFile")
             .option("recursiveFileLookup", "true")
             .option("pathGlobFilter", "*.{txt,html,htm}")
             .load(args.pages)
             .select("path", "content"))
    if args.partitions:
        pages = pages.repartition(args.partitions)

    parsed = parse_column(pages, "content").drop("content").cache()
    parsed.write.mode("overwrite").parquet(f"{args.out}/parsed")

    docs = parsed.select("path", F.posexplode("parsed.documents").alias("doc_index", "d"))
    docs.select(
        "path", "doc_index", "d.title", "d.doc_type", "d.doc_number", "d.issue_date",
        F.col("d.issuers.name").alias("issuers"),
        F.size("d.measures").alias("n_top_measures"),
        F.size("d.officials").alias("n_officials"),
        F.size("d.meetings").alias("n_meetings"),
        F.col("d.span")[0].alias("start"), F.col("d.span")[1].alias("end"),
    ).write.mode("overwrite").parquet(f"{args.out}/documents")

    meetings = docs.select("path", "doc_index", F.explode("d.meetings").alias("m"))
    (meetings.select("path", "doc_index", F.col("m.date").alias("meeting_date"), F.col("m.chair").alias("chair"),
                     F.explode("m.attendees").alias("a"))
             .select("path", "doc_index", "meeting_date", "chair", "a.name", "a.role")
             .write.mode("overwrite").parquet(f"{args.out}/attendees"))

    n_pages = parsed.count()
    n_failed = parsed.filter(F.col("parse_error").isNotNull()).count()
    print(f"{n_pages} pages parsed, {n_failed} failed; tables under {args.out}", file=sys.stderr)
    spark.stop()
    return 1 if n_failed else 0


if __name__ == "__main__":
    sys.exit(main())
