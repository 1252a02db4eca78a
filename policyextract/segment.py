"""Stage 2 — page → documents → lines (chrome removed). Offsets are into ``Normalized.text``."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional

from .normalize import Normalized


@dataclass
class Line:
    start: int  # offset of the first non-blank char in the normalised text
    end: int    # offset after the last non-blank char
    text: str   # normalised text of the line, stripped


@dataclass
class DocSegment:
    norm: Normalized
    lines: List[Line]
    title: Optional[Line] = None
    year_hints: List[int] = field(default_factory=list)  # years from page metadata (never reported)

    @property
    def start(self) -> int:
        return self.lines[0].start if self.lines else 0

    @property
    def end(self) -> int:
        return self.lines[-1].end if self.lines else 0


@dataclass
class PageSegments:
    norm: Normalized
    documents: List[DocSegment]
    chrome: List[Line] = field(default_factory=list)
    warnings: List[str] = field(default_factory=list)


def split_lines(norm: Normalized) -> List[Line]:
    out = []
    text = norm.text
    pos = 0
    for raw in text.split("\n"):
        a, b = pos, pos + len(raw)
        pos = b + 1
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        out.append(Line(a + lead, a + lead + len(stripped), stripped))
    return out


def segment_page(norm: Normalized) -> PageSegments:
    lines = split_lines(norm)
    return PageSegments(norm, [DocSegment(norm, lines)])
