"""Shared typed intermediates for the extractors."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Tuple

from ..normalize import Normalized
from ..segment import DocSegment


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
