"""Stage 4 — extractors: small functions from a ``DocSegment`` to pydantic records.

Where each ``Notice`` field comes from:
  title, doc_type          extract/title.py
  ...
"""
from __future__ import annotations

from ..records import Notice
from ..segment import DocSegment, PageSegments


def extract_document(doc: DocSegment, page: PageSegments) -> Notice:
    a, b = doc.norm.to_original(doc.start, doc.end)
    return Notice(span=(a, b), source=doc.norm.original[a:b])
