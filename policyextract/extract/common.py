"""Shared typed intermediates for the extractors."""
from __future__ import annotations

import contextlib
import contextvars
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

from ..errors import ModelError
from ..normalize import Normalized
from ..segment import DocSegment

# whether policyextract.nlp imports and its model loads: None = not tried yet in this process
NER_STATE = {"ok": None}
# parse(page, ner=False) turns the model off for that call (rules only, nothing loaded)
_USE_NER: contextvars.ContextVar[bool] = contextvars.ContextVar("policyextract_use_ner", default=True)


@contextlib.contextmanager
def ner_enabled(flag: bool):
    """Within the block, the extractors use the NER model only if ``flag`` (and it loads)."""
    token = _USE_NER.set(bool(flag))
    try:
        yield
    finally:
        _USE_NER.reset(token)


def ner_available() -> bool:
    """Whether the NER model can be used (tried once per process; False if the model files are
    missing or spaCy/pkuseg cannot load — the rules then decide alone — and False inside
    ``ner_enabled(False)``)."""
    if not _USE_NER.get():
        return False
    if NER_STATE["ok"] is None:
        try:
            from .. import nlp  # noqa: WPS433

            nlp.load()
            NER_STATE["ok"] = True
        except (ImportError, ModelError):
            NER_STATE["ok"] = False
    return bool(NER_STATE["ok"])


def ner_entities(texts: List[str], labels: Tuple[str, ...]) -> Optional[List[List[Tuple[int, int, str]]]]:
    """``policyextract.nlp.entities`` over ``texts``, or None when the model is unavailable."""
    if not texts or not ner_available():
        return None
    from .. import nlp  # noqa: WPS433

    try:
        return nlp.entities(texts, labels=labels)
    except (ImportError, ModelError):
        NER_STATE["ok"] = False
        return None


@dataclass
class DateHit:
    """A date mention in normalised offsets. ``value`` is None when no year could be inferred."""

    start: int
    end: int
    text: str
    value: Optional[str]
    inferred_year: bool = False
    kind: str = "md"  # full | iso | md | same_day


@dataclass
class DocContext:
    """What every extractor gets: the document, the normalised page, and the dates found in it."""

    doc: DocSegment
    dates: List[DateHit] = field(default_factory=list)
    year_hints: List[int] = field(default_factory=list)  # doc number year, issue date year
    issue_date: Optional[str] = None  # the 成文日期 (ISO) header.py found: the time of writing
    warnings: List[str] = field(default_factory=list)    # notes for ParseResult.warnings

    @property
    def norm(self) -> Normalized:
        return self.doc.norm

    def loc(self, start: int, end: int) -> dict:
        """``{"span": …, "source": …}`` for a normalised span, as the records want it."""
        a, b = self.norm.to_original(start, end)
        return {"span": (a, b), "source": self.norm.original[a:b]}

    def date_at(self, pos: int) -> Optional[DateHit]:
        """The last resolved date mention that starts at or before ``pos`` (the date in force)."""
        best = None
        for d in self.dates:
            if d.start > pos:
                break
            if d.value:
                best = d
        return best
