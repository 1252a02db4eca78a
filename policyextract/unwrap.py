"""Text extracted from PDFs: hard line wraps joined, page footers dropped (a normalize step).

A 红头文件 copied out of a PDF breaks its lines every 20–30 chars mid-sentence — inside names,
dates and document numbers ("粤府办〔2024〕\\n18号", "2024年10\\n月31日", "刘建\\n湘主持") — and
prints a page number ("— 3 —", "-3-", "第 3 页") between pages, even in mid-sentence.
:func:`unwrap_lines` is a ``str -> list[Edit]`` step of :mod:`policyextract.normalize`: every
join deletes the line break (and a page footer between the two lines), so spans still map back
to the input through ``Normalized.to_original``.

Which breaks are wraps:

* a page is *hard-wrapped* when many of its lines have nearly the same width (a common
  maximum ``W``; a hanzi counts 1, an ASCII char 0.5), hardly any line is wider, and most of
  those full lines end mid-sentence (a web page's paragraphs are long lines ending in 。) and
  hold sentence punctuation inside (prose, not a roster, a list or repeated titles);
* on such a page a full line (width ≥ W − 2.5) that does not end a sentence runs on into the
  next; so does a line that is itself the tail of a joined line; a date or document number cut
  in two ("2024年6 / 月15日", "〔2024〕 / 18号", "20 / 24年") is joined whatever the widths;
* never before a line that opens a new unit (``data/wrap_stops.txt``: numbering labels,
  附件, 抄送, 联系人, a signature date, （此件公开发布）), across a blank line (a paragraph
  break; blank lines around a page footer are a page break, not a paragraph break), out of a
  line with aligned columns (a run of 2+ spaces: table rows, 签发人 lines), out of a title's
  last line (ends in a document type) or a signature organ line over a date; on a page whose
  every line is followed by a blank line (double-spaced copy) it takes two blank lines.

Page footers (``data/page_footers.txt``) are dropped on every page; elsewhere (a page that is
not hard-wrapped) only a cut date or document number is joined.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import List, NamedTuple, Optional

import regex

from .normalize import Edit, StepEdits
from .resources import data_lines, doc_types, organ_suffix_re

# a line ending one of these ends a sentence (closing quotes/brackets looked through)
_SENTENCE_END = "。！？；：!?;:…"
_CLOSERS = "”’」』\"'"
_PROSE = regex.compile(r"[，。；,;]")
_SPACE_RUN = regex.compile(r"\S\s{2,}\S")
# a date or document number cut by the break (matched on tail + head, must cross the cut)
_CUT_TOKEN = regex.compile(
    r"(?:19|20)\d{2}\s?年\s?\d{1,2}\s?月(?:\s?\d{1,2}\s?日)?"
    r"|(?<!\d)\d{1,2}\s?月\s?\d{1,2}\s?日"
    r"|[〔\[［(（](?:19|20)\d{2}[〕\]］)）]\s?(?:第\s?)?\d{1,5}\s?号"
    r"|(?<!\d)(?:19|20)\d{2}\s?年"
    r"|[〇○零一二三四五六七八九]{4}\s?年\s?[一二三四五六七八九十元]{1,2}\s?月(?:\s?[一二三四五六七八九十]{1,3}\s?日)?")
_CUT_ENDS = frozenset("0123456789年月日〔〕[]［］(（)）第 〇○零一二三四五六七八九十元")
_CUT_STARTS = frozenset("0123456789年月日号〕]］)）第 〇○零一二三四五六七八九十")
_DIGITS_CUT = regex.compile(r"\d[.．]?$")
_DIGITS_HEAD = regex.compile(r"^\d")
_DATE_LINE = regex.compile(r"(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s?年\s?[\d一二三四五六七八九十]{1,2}\s?月"
                           r"\s?[\d一二三四五六七八九十]{1,3}\s?日")
_ATTACHMENT_HEAD = regex.compile(r"附件\s*[\d一二三四五六七八九十]{0,3}\s*[:：]?")
_ASCII_WORD_END = regex.compile(r"[A-Za-z]$")
_ASCII_WORD_START = regex.compile(r"^[A-Za-z]")

# detection of a hard-wrapped page
MIN_FULL_LINES = 5        # lines within 2.5 of the common width
MIN_FULL_SHARE = 0.3      # of the lines at least 8 wide
MIN_OPEN_SHARE = 0.6      # of the full lines: ending mid-sentence
MIN_PROSE_SHARE = 0.5     # of the full lines: with a ，/。/； inside (prose, not a roster or a list)
MAX_WIDER_SHARE = 0.1     # lines wider than W + 1, of the lines at least 8 wide
MIN_WIDTH, MAX_WIDTH = 15, 60
FULL_SLACK = 2.5


@lru_cache(maxsize=1)
def footer_re() -> regex.Pattern:
    """``data/page_footers.txt``: a page-number line, whole."""
    return regex.compile("|".join(f"(?:{p})" for p in data_lines("page_footers.txt")))


@lru_cache(maxsize=1)
def wrap_stop_re() -> regex.Pattern:
    """``data/wrap_stops.txt``: how a line opens that never continues the line above."""
    return regex.compile("|".join(f"(?:{p})" for p in data_lines("wrap_stops.txt")))


@lru_cache(maxsize=1)
def footer_line_re() -> regex.Pattern:
    """A page-footer line anywhere in a text (multiline)."""
    return regex.compile(r"(?m)^[ \t]*(?:" + footer_re().pattern + r")[ \t]*$")


# a line break next to a char a cut date or number can end or start with
_QUICK_CUT = regex.compile(r"[0-9年月日〔〕\[\]［］()（）第][ \t]*\n|\n[ \t]*[0-9年月日号〕\]］)）第]")


def _maybe_wrapped(text: str) -> bool:
    """Cheap pre-check: enough lines long enough to be full lines of a wrapped page."""
    return sum(1 for ln in text.split("\n") if len(ln) >= MIN_WIDTH) >= MIN_FULL_LINES


class _Line(NamedTuple):
    start: int   # offset of the first char of the line (after the previous newline)
    end: int     # offset of its newline (or len(text))
    a: int       # first non-blank char
    b: int       # after the last non-blank char
    text: str    # stripped


def width(text: str) -> float:
    """Printed width: ASCII counts half a hanzi (PDF fonts set digits and Latin half-width)."""
    return len(text) - 0.5 * len(text.encode("ascii", "ignore"))


def _split(text: str) -> List[_Line]:
    out = []
    pos = 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        stripped = raw.strip()
        if stripped:
            a = pos + (len(raw) - len(raw.lstrip()))
            out.append(_Line(pos, end, a, a + len(stripped), stripped))
        else:
            out.append(_Line(pos, end, pos, pos, ""))
        pos = end + 1
    return out


def is_footer(text: str) -> bool:
    return len(text) <= 20 and footer_re().fullmatch(text) is not None


def wrap_width(texts: List[str]) -> Optional[float]:
    """The common full width ``W`` of a hard-wrapped page's lines, or None for any other page."""
    widths = [width(t) for t in texts]
    body = [w for w in widths if w >= 8]
    if len(body) < MIN_FULL_LINES:
        return None
    halves = Counter(round(w * 2) for w in body)  # widths in half-hanzi steps
    best, best_n = None, 0
    for h in sorted(k for k in halves if MIN_WIDTH * 2 <= k <= MAX_WIDTH * 2):
        n = sum(halves.get(k, 0) for k in range(h - int(FULL_SLACK * 2), h + 1))
        if n > best_n:
            best, best_n = h / 2, n
    if best is None or best_n < MIN_FULL_LINES or best_n < MIN_FULL_SHARE * len(body):
        return None
    if sum(1 for w in body if w > best + 1) > MAX_WIDER_SHARE * len(body):
        return None
    full = [t for t, w in zip(texts, widths) if best - FULL_SLACK <= w <= best]
    if sum(1 for t in full if not _ends_sentence(t)) < MIN_OPEN_SHARE * len(full):
        return None
    if sum(1 for t in full if _PROSE.search(t, 0, len(t) - 1)) < MIN_PROSE_SHARE * len(full):
        return None
    return best


def _ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSERS).endswith(tuple(_SENTENCE_END))


def _cut_token(a: str, b: str, wrapped: bool) -> bool:
    """The break cuts a date or a document number (on a wrapped page: any number, 34.|74米)."""
    if a[-1] not in _CUT_ENDS and b[0] not in _CUT_STARTS:
        return False
    tail, head = a[-16:], b[:16]
    for m in _CUT_TOKEN.finditer(tail + head):
        if m.start() < len(tail) < m.end():
            return True
    return wrapped and _DIGITS_CUT.search(tail) is not None and _DIGITS_HEAD.match(head) is not None


def _closed(a: str, b: str, after_b: str) -> bool:
    """Nothing runs on from line ``a`` into line ``b``."""
    if wrap_stop_re().match(b) or _SPACE_RUN.search(a) or _SPACE_RUN.search(b):
        return True
    if _ATTACHMENT_HEAD.fullmatch(a) or _DATE_LINE.fullmatch(a.strip("()（）")):
        return True
    if a.endswith(doc_types()):  # a title's last line
        return True
    # a signature: an organ line over its date
    if len(b) <= 40 and organ_suffix_re().search(b) and _DATE_LINE.fullmatch(after_b.strip("()（）")):
        return True
    return False


def _double_spaced(lines: List[_Line], content: List[int], footers) -> bool:
    """Every line followed by one blank line (a copy out of some PDF viewers): then a single
    blank line is a line break, and only two or more end a paragraph."""
    gaps = [content[k + 1] - content[k] - 1 for k in range(len(content) - 1)
            if not any(x in footers for x in range(content[k] + 1, content[k + 1]))]
    return len(gaps) >= 2 * MIN_FULL_LINES and sum(1 for g in gaps if g == 1) >= 0.8 * len(gaps)


def unwrap_lines(text: str) -> List[Edit]:
    """Join hard-wrapped lines and drop page footers (see the module docstring)."""
    if "\n" not in text or not (_QUICK_CUT.search(text) or footer_line_re().search(text) or _maybe_wrapped(text)):
        return []  # fast path: nothing to join or drop (most web pages; hostile input)
    lines = _split(text)
    footers = {i for i, ln in enumerate(lines) if ln.text and is_footer(ln.text)}
    content = [i for i, ln in enumerate(lines) if ln.text and i not in footers]
    wide = wrap_width([lines[i].text for i in content])
    spaced = wide is not None and _double_spaced(lines, content, footers)
    edits: List[Edit] = []
    joined = 0
    continued = False  # the current line is the tail of a join
    for k, i in enumerate(content):
        a = lines[i]
        j = content[k + 1] if k + 1 < len(content) else None
        between = range(i + 1, j if j is not None else len(lines))
        page_break = any(x in footers for x in between)
        blank = sum(1 for x in between if not lines[x].text) >= (2 if spaced else 1)
        join = False
        if j is not None and (page_break or not blank):
            b = lines[j]
            after_b = lines[content[k + 2]].text if k + 2 < len(content) else ""
            if _cut_token(a.text, b.text, wide is not None) and not (_SPACE_RUN.search(a.text) or _SPACE_RUN.search(b.text)):
                join = True
            elif wide is not None and not _ends_sentence(a.text) and not _closed(a.text, b.text, after_b):
                full = width(a.text) >= wide - FULL_SLACK
                join = full or continued
        if join:
            sep = " " if _ASCII_WORD_END.search(a.text) and _ASCII_WORD_START.search(lines[j].text) else ""
            edits.append(Edit(a.b, lines[j].a, sep))
            joined += 1
        else:
            # drop the footers between this line and the next (each with its line break)
            for x in between:
                if x in footers:
                    ln = lines[x]
                    if ln.end < len(text):
                        edits.append(Edit(ln.start, ln.end + 1, ""))
                    else:
                        edits.append(Edit(max(0, ln.start - 1), ln.end, ""))
        continued = join
    # footers before the first content line
    if content:
        for x in range(0, content[0]):
            if x in footers:
                ln = lines[x]
                edits.append(Edit(ln.start, min(len(text), ln.end + 1), ""))
    elif footers:
        return []
    if not edits:
        return []
    warnings = []
    if joined:
        warnings.append(f"hard-wrapped lines joined: {joined}")
    return StepEdits(edits, warnings, {"unwrap_joined": joined, "footers_dropped": len(footers)})
