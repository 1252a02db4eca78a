"""Stage 1 — normalise text for the rules, keeping an exact map back to the input.

``normalize(text)`` returns a :class:`Normalized`: ``text`` is what the rules and the model
read (width-folded, simplified, de-spun, pinyin stripped, mojibake repaired) and
``to_original(a, b)`` turns a span of it into a span of the input. Each step is a function
``str -> list[Edit]``; edits are applied and their offset maps composed, so any step may change
lengths without breaking the offsets of the others.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, List, NamedTuple, Sequence, Tuple


class Edit(NamedTuple):
    """Replace ``text[start:end]`` (of the current text) by ``new``."""

    start: int
    end: int
    new: str


@dataclass
class Normalized:
    original: str
    text: str
    # starts[i] / ends[i]: the span in ``original`` that normalised char i came from
    starts: List[int]
    ends: List[int]
    warnings: List[str] = field(default_factory=list)
    counts: dict = field(default_factory=dict)

    def to_original(self, start: int, end: int) -> Tuple[int, int]:
        """Map the normalised span ``[start, end)`` to a span of the original text."""
        n = len(self.text)
        if n == 0:
            return (0, 0)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        if start == end:
            pos = self.starts[start] if start < n else len(self.original)
            return (pos, pos)
        return (self.starts[start], self.ends[end - 1])

    def source(self, start: int, end: int) -> str:
        a, b = self.to_original(start, end)
        return self.original[a:b]


def apply_edits(norm: Normalized, edits: Sequence[Edit]) -> Normalized:
    """Apply non-overlapping edits (any order) to ``norm``, composing the offset map.

    A replacement of k chars by m chars maps every new char to the whole original span of the
    replaced chars (so a 3→1 replacement like 东谈主→人 maps 人 to the three chars), except
    when k == m, where chars map one-to-one.
    """
    if not edits:
        return norm
    edits = sorted(edits)
    text, starts, ends = norm.text, norm.starts, norm.ends
    out: List[str] = []
    ns: List[int] = []
    ne: List[int] = []
    pos = 0
    for e in edits:
        if e.start < pos or e.end < e.start:
            continue  # overlapping or malformed edit: skip, never corrupt the map
        out.append(text[pos:e.start])
        ns.extend(starts[pos:e.start])
        ne.extend(ends[pos:e.start])
        k, m = e.end - e.start, len(e.new)
        out.append(e.new)
        if k == m:
            ns.extend(starts[e.start:e.end])
            ne.extend(ends[e.start:e.end])
        elif k == 0:
            # pure insertion: anchor on the neighbouring char
            anchor = starts[e.start] if e.start < len(starts) else len(norm.original)
            ns.extend([anchor] * m)
            ne.extend([anchor] * m)
        else:
            a, b = starts[e.start], ends[e.end - 1]
            ns.extend([a] * m)
            ne.extend([b] * m)
        pos = e.end
    out.append(text[pos:])
    ns.extend(starts[pos:])
    ne.extend(ends[pos:])
    return Normalized(norm.original, "".join(out), ns, ne, norm.warnings, norm.counts)


Step = Callable[[str], List[Edit]]


def fold_width(text: str) -> List[Edit]:
    """NFKC per character (full-width ASCII → ASCII, ideographic space → space, ㈠ → (一)).

    Per character, so the offset map stays exact; 。、《》〔〕 are left alone by NFKC.
    """
    edits = []
    for i, ch in enumerate(text):
        if ch.isascii():
            continue
        new = _nfkc(ch)
        if new != ch:
            edits.append(Edit(i, i + 1, new))
    return edits


@lru_cache(maxsize=65536)
def _nfkc(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch)


@lru_cache(maxsize=1)
def _opencc():
    import opencc  # C++ OpenCC bindings: ~40M chars/s, char-for-char on these pages

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> List[Edit]:
    """Traditional → simplified with OpenCC ``t2s``; only char-for-char changes are kept."""
    conv = _opencc().convert(text)
    if conv == text:
        return []
    if len(conv) != len(text):
        # phrase-level conversions changed the length: fall back to per-char conversion
        cc = _opencc()
        return [Edit(i, i + 1, c) for i, ch in enumerate(text) if not ch.isascii() and (c := cc.convert(ch)) != ch]
    return [Edit(i, i + 1, c) for i, (ch, c) in enumerate(zip(text, conv)) if ch != c]


def identity(text: str) -> Normalized:
    n = len(text)
    return Normalized(text, text, list(range(n)), list(range(1, n + 1)))


def default_steps() -> List[Step]:
    return [fold_width, to_simplified]


def normalize(text: str, steps: Sequence[Step] | None = None) -> Normalized:
    """Run every normalisation step over ``text`` and return the composed result."""
    norm = identity(text)
    for step in steps if steps is not None else default_steps():
        norm = apply_edits(norm, step(norm.text))
    return norm
