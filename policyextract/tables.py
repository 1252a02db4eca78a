"""Flat tables for analysis: ``to_dataframe(results, table=...)`` (needs the ``pandas`` extra).

Every table has one row per record and these key columns first:

``page_id``   the page's id (``PageResult.id`` from :func:`~policyextract.parse_many`; for a plain
              ``ParseResult`` its position in ``results``, as a string)
``doc_index`` position of the document on the page (0-based)

and, for every record that has a span, ``start`` / ``end`` (``[start, end)`` into
``ParseResult.text``) and ``source`` (the text as written). The tables:

``documents``  one row per :class:`~policyextract.Notice` (issuers/recipients as lists of names,
               counts of measures, dates, officials, meetings)
``measures``   one row per numbered item at any depth; ``path`` ("2.1.3": the index chain from the
               top level), ``parent_path`` and ``depth``
``officials``  one row per official; ``titles`` as a list, the span of the first mention,
               ``n_mentions``
``meetings``   one row per meeting; ``meeting_index`` within the document, ``n_attendees``
``attendees``  one row per attendee, with the meeting's index, date, name and chair
``errors``     one row per :class:`~policyextract.batch.ErrorRecord` (other tables skip them)

Dates stay ISO strings (``pd.to_datetime(df.date)`` when needed); an empty input gives an
empty frame with the same columns.
"""
from __future__ import annotations

from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

TABLES = ("documents", "measures", "officials", "meetings", "attendees", "errors")

COLUMNS: Dict[str, Tuple[str, ...]] = {
    "documents": ("page_id", "doc_index", "title", "doc_type", "doc_number", "issuers", "recipients",
                  "issue_date", "n_measures", "n_dates", "n_officials", "n_meetings", "n_references",
                  "start", "end", "source"),
    "measures": ("page_id", "doc_index", "path", "parent_path", "depth", "level", "label", "index",
                 "heading", "text", "n_children", "start", "end", "source"),
    "officials": ("page_id", "doc_index", "official_index", "name", "titles", "n_mentions",
                  "start", "end", "source"),
    "meetings": ("page_id", "doc_index", "meeting_index", "date", "name", "chair", "n_attendees",
                 "start", "end", "source"),
    "attendees": ("page_id", "doc_index", "meeting_index", "meeting_date", "meeting_name", "chair",
                  "name", "role", "start", "end", "source"),
    "errors": ("page_id", "error", "message"),
}
_INT_COLUMNS = {"doc_index", "depth", "level", "index", "n_children", "official_index", "n_mentions",
                "meeting_index", "n_attendees", "n_measures", "n_dates", "n_officials", "n_meetings",
                "n_references", "start", "end"}


def _pandas():
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError("to_dataframe() needs pandas: pip install 'policyextract[pandas]'") from exc
    return pd


def _get(obj: Any, name: str, default: Any = None) -> Any:
    """Attribute of a record, or key of its ``model_dump()`` dict (both are accepted)."""
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _span(obj: Any) -> Tuple[Optional[int], Optional[int]]:
    span = _get(obj, "span")
    if not span:
        return None, None
    return int(span[0]), int(span[1])


def _is_error(result: Any) -> bool:
    return _get(result, "error") is not None and _get(result, "documents") is None


def _walk_measures(measures, prefix: str, depth: int) -> Iterator[Tuple[Any, str, str, int]]:
    for i, m in enumerate(measures or [], 1):
        index = _get(m, "index")
        path = f"{prefix}.{index if index is not None else i}" if prefix else str(index if index is not None else i)
        yield m, path, prefix, depth
        yield from _walk_measures(_get(m, "children"), path, depth + 1)


def _count_measures(measures) -> int:
    return sum(1 for _ in _walk_measures(measures, "", 1))


def iter_rows(results: Iterable[Any], table: str) -> Iterator[Dict[str, Any]]:
    """The rows of ``table`` as dicts (no pandas needed); see :func:`to_dataframe`."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    for position, result in enumerate(results):
        ident = _get(result, "id")
        page_id = str(position) if ident is None else str(ident)
        if _is_error(result):
            if table == "errors":
                yield {"page_id": page_id, "error": _get(result, "error"), "message": _get(result, "message")}
            continue
        if table == "errors":
            continue
        for d, doc in enumerate(_get(result, "documents") or []):
            key = {"page_id": page_id, "doc_index": d}
            if table == "documents":
                start, end = _span(doc)
                yield {**key, "title": _get(doc, "title"), "doc_type": _get(doc, "doc_type"),
                       "doc_number": _get(doc, "doc_number"),
                       "issuers": [_get(o, "name") for o in _get(doc, "issuers") or []],
                       "recipients": [_get(o, "name") for o in _get(doc, "recipients") or []],
                       "issue_date": _get(doc, "issue_date"),
                       "n_measures": _count_measures(_get(doc, "measures")),
                       "n_dates": len(_get(doc, "dates") or []),
                       "n_officials": len(_get(doc, "officials") or []),
                       "n_meetings": len(_get(doc, "meetings") or []),
                       "n_references": len(_get(doc, "references") or []),
                       "start": start, "end": end, "source": _get(doc, "source")}
            elif table == "measures":
                for m, path, parent, depth in _walk_measures(_get(doc, "measures"), "", 1):
                    start, end = _span(m)
                    yield {**key, "path": path, "parent_path": parent or None, "depth": depth,
                           "level": _get(m, "level"), "label": _get(m, "label"), "index": _get(m, "index"),
                           "heading": _get(m, "heading"), "text": _get(m, "text"),
                           "n_children": len(_get(m, "children") or []),
                           "start": start, "end": end, "source": _get(m, "source")}
            elif table == "officials":
                for k, off in enumerate(_get(doc, "officials") or []):
                    mentions = _get(off, "mentions") or []
                    start, end = _span(mentions[0]) if mentions else (None, None)
                    yield {**key, "official_index": k, "name": _get(off, "name"),
                           "titles": list(_get(off, "titles") or []), "n_mentions": len(mentions),
                           "start": start, "end": end,
                           "source": _get(mentions[0], "source") if mentions else None}
            else:
                for k, mt in enumerate(_get(doc, "meetings") or []):
                    attendees = _get(mt, "attendees") or []
                    if table == "meetings":
                        start, end = _span(mt)
                        yield {**key, "meeting_index": k, "date": _get(mt, "date"), "name": _get(mt, "name"),
                               "chair": _get(mt, "chair"), "n_attendees": len(attendees),
                               "start": start, "end": end, "source": _get(mt, "source")}
                    else:
                        for a in attendees:
                            start, end = _span(a)
                            yield {**key, "meeting_index": k, "meeting_date": _get(mt, "date"),
                                   "meeting_name": _get(mt, "name"), "chair": _get(mt, "chair"),
                                   "name": _get(a, "name"), "role": _get(a, "role"),
                                   "start": start, "end": end, "source": _get(a, "source")}


def to_dataframe(results: Iterable[Any], table: str = "documents"):
    """One flat :class:`pandas.DataFrame` of ``table`` over ``results``.

    ``results``: ``ParseResult`` / ``PageResult`` / ``ErrorRecord`` objects (e.g. the output of
    :func:`~policyextract.parse_many`), a single ``ParseResult``, or their ``model_dump()`` dicts.
    ``table``: one of ``documents``, ``measures``, ``officials``, ``meetings``, ``attendees``,
    ``errors`` (see the module docstring for the columns).
    """
    pd = _pandas()
    if not isinstance(results, (list, tuple)) and (hasattr(results, "documents") or isinstance(results, dict)):
        results = [results]
    rows: List[Dict[str, Any]] = list(iter_rows(results, table))
    df = pd.DataFrame(rows, columns=list(COLUMNS[table]))
    for col in COLUMNS[table]:
        if col in _INT_COLUMNS:
            df[col] = df[col].astype("Int64")
        elif col not in ("issuers", "recipients", "titles"):
            df[col] = df[col].astype("string")
    return df
