"""Public entry points: ``parse(page) -> ParseResult``.

Stages, each its own module: ``decode`` → ``normalize`` → ``segment`` → ``extract`` (+ ``nlp``)
→ ``records``. Where a field comes from: see ``policyextract/extract/__init__.py``.
"""
from __future__ import annotations

from typing import Union

from . import segment
from .decode import DEFAULT_MAX_CHARS, decode_input
from .errors import PolicyExtractError
from .extract import extract_document
from .extract.common import ner_enabled
from .normalize import normalize
from .records import ParseResult


def parse(page: Union[str, bytes], *, max_chars: int = DEFAULT_MAX_CHARS, ner: bool = True) -> ParseResult:
    """Parse one page (``str``, or ``bytes`` in any common encoding) into records.

    ``ner=False``: rules only — the NER model (and pkuseg) is neither loaded nor used; faster,
    and officials' name boundaries and organs the suffix rule misses may suffer.

    Raises a :class:`~policyextract.PolicyExtractError` subclass for input that cannot be
    parsed at all; anything recoverable becomes a note in ``ParseResult.warnings``.
    """
    text, encoding, warnings = decode_input(page, max_chars=max_chars)
    try:
        norm = normalize(text)
        warnings.extend(norm.warnings)
        page_seg = segment.segment_page(norm)
        with ner_enabled(ner):
            documents = [extract_document(doc, page_seg) for doc in page_seg.documents]
        warnings.extend(page_seg.warnings)
    except PolicyExtractError:
        raise
    except RecursionError as exc:  # pragma: no cover - defensive
        raise PolicyExtractError(f"input too deeply nested to parse: {exc}") from exc
    except Exception as exc:  # a bug in a rule: still only PolicyExtractError escapes (issue 5)
        raise PolicyExtractError(f"internal error while parsing: {type(exc).__name__}: {exc}") from exc
    return ParseResult(text=text, warnings=warnings, documents=documents, encoding=encoding)
