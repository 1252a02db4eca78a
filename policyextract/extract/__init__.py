"""Stage 4 — extractors: small functions from a ``DocContext`` to pydantic records.

Where each ``Notice`` field comes from:
  title, doc_type, doc_number,
  issuers, recipients, issue_date   extract/header.py   (title line, 主送 line, signature block)
  dates                             extract/dates.py    (with year inference)
  measures                          extract/measures.py (numbered items as a tree)
  references                        extract/references.py
  officials                         extract/people.py
  meetings                          extract/meetings.py
"""
from __future__ import annotations

from ..records import Notice
from ..segment import DocSegment, PageSegments
from . import dates, header, measures, meetings, people, references
from .common import DocContext


def extract_document(doc: DocSegment, page: PageSegments) -> Notice:
    ctx = DocContext(doc)
    head = header.extract_header(ctx)
    ctx.year_hints = head.year_hints
    ctx.issue_date = head.issue_date
    ctx.dates = dates.find_dates(ctx)
    a, b = doc.norm.to_original(doc.start, doc.end)
    notice = Notice(
        span=(a, b),
        source=doc.norm.original[a:b],
        title=head.title,
        title_span=head.title_span,
        doc_type=head.doc_type,
        doc_number=head.doc_number,
        doc_number_span=head.doc_number_span,
        issuers=head.issuers,
        recipients=head.recipients,
        issue_date=head.issue_date,
        measures=measures.extract_measures(ctx, head.body_start, head.body_end),
        dates=dates.date_records(ctx),
        officials=people.extract_officials(ctx),
        meetings=meetings.extract_meetings(ctx),
        references=references.extract_references(ctx),
    )
    page.warnings.extend(ctx.warnings)
    return notice
