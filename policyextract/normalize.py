"""Stage 1 — normalise text for the rules, keeping an exact map back to the input.

``normalize(text)`` returns a :class:`Normalized`: ``text`` is what the rules and the model
read (width-folded, simplified, de-spun, pinyin stripped, mojibake repaired) and
``to_original(a, b)`` turns a span of it into a span of the input. Each step is a function
``str -> list[Edit]``; edits are applied and their offset maps composed, so any step may change
lengths without breaking the offsets of the others.
"""
from __future__ import annotations

import csv
import re
from array import array
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Callable, Dict, FrozenSet, List, NamedTuple, Optional, Sequence, Tuple

from .resources import data_lines


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
    if all(e.end - e.start == len(e.new) for e in edits):
        # fast path (width folding, OpenCC, control chars): one-for-one, the map is unchanged
        chars = list(norm.text)
        pos = 0
        for e in edits:
            if e.start < pos:
                continue
            chars[e.start:e.end] = e.new
            pos = e.end
        return Normalized(norm.original, "".join(chars), norm.starts, norm.ends, norm.warnings, norm.counts)
    text, starts, ends = norm.text, norm.starts, norm.ends
    out: List[str] = []
    ns = array("q")
    ne = array("q")
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


class StepEdits(list):
    """A ``list[Edit]`` that may also carry warnings and counters for ``Normalized``.

    Steps keep the plain ``str -> list[Edit]`` signature; one that has something to report
    returns a ``StepEdits`` and :func:`normalize` copies its ``warnings`` and ``counts``.
    """

    def __init__(self, edits=(), warnings=None, counts=None):
        super().__init__(edits)
        self.warnings: List[str] = list(warnings or [])
        self.counts: dict = dict(counts or {})


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


@lru_cache(maxsize=1)
def _opencc_tw():
    import opencc

    return opencc.OpenCC("tw2s")


# share of Han chars t2s changes above which a page counts as written in traditional script
_TRADITIONAL_SHARE = 0.05


def to_simplified(text: str) -> List[Edit]:
    """Traditional → simplified with OpenCC ``t2s``; only char-for-char changes are kept.

    ``t2s`` leaves 著 as it is (隨著 → 随著). On a page written in traditional script, the
    phrase-aware ``tw2s`` conversion decides each 著: 随着/接着/着力 become 着, 显著/著名/著作
    keep 著. (``tw2s`` is not used on simplified pages: it reads 显著 there as 显着.)"""
    conv = _opencc().convert(text)
    if conv == text:
        return []
    if len(conv) != len(text):
        # phrase-level conversions changed the length: fall back to per-char conversion
        cc = _opencc()
        return [Edit(i, i + 1, c) for i, ch in enumerate(text) if not ch.isascii() and (c := cc.convert(ch)) != ch]
    edits = [Edit(i, i + 1, c) for i, (ch, c) in enumerate(zip(text, conv)) if ch != c]
    if "著" in text and len(edits) >= _TRADITIONAL_SHARE * sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff"):
        tw = _opencc_tw().convert(text)
        if len(tw) == len(text):
            edits.extend(Edit(i, i + 1, "着") for i, ch in enumerate(text) if ch == "著" and tw[i] == "着")
            edits.sort(key=lambda e: e.start)
    return edits


# --------------------------------------------------------------------------------------------
# Control characters, NUL, lone surrogates
# --------------------------------------------------------------------------------------------

_CONTROL_RE = re.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f\\ud800-\\udfff\\ufeff\\u200b-\\u200d\\u2028\\u2029]")


def clean_controls(text: str) -> List[Edit]:
    """NUL and other C0 controls → space; lone surrogates → U+FFFD; BOM/zero-width chars are
    dropped; U+2028/2029 → newline. No later step (OpenCC is C++ and stops at NUL, encoders
    reject surrogates) ever sees them.
    """
    edits = StepEdits()
    for m in _CONTROL_RE.finditer(text):
        ch = m.group()
        o = ord(ch)
        if 0xD800 <= o <= 0xDFFF:
            new = "\ufffd"
        elif o in (0x2028, 0x2029):
            new = "\n"
        elif o == 0xFEFF or 0x200B <= o <= 0x200D:
            new = ""  # BOM / zero-width: invisible, would split words
        else:
            new = " "
        edits.append(Edit(m.start(), m.end(), new))
    if edits:
        edits.counts["controls"] = len(edits)
    return edits


# --------------------------------------------------------------------------------------------
# Character commonness (used by the mojibake scorer and by decode.py to pick an encoding)
# --------------------------------------------------------------------------------------------

COMMON_PUNCT = frozenset("，。、；：？！“”‘’（）《》〈〉【】—…·「」『』〔〕％～－　")


@lru_cache(maxsize=1)
def _char_tiers() -> Tuple[FrozenSet[str], FrozenSet[str]]:
    """(common, less common) ideographs, simplified and traditional forms.

    common = GB2312 level 1 (the 3,755 most frequent hanzi) and their traditional forms;
    less common = GB2312 level 2 and theirs. Built from the codecs, no data file needed.
    """

    def level(lo: int, hi: int) -> set:
        out = set()
        for a in range(lo, hi + 1):
            for b in range(0xA1, 0xFF):
                try:
                    out.add(bytes([a, b]).decode("gb2312"))
                except UnicodeDecodeError:
                    pass
        return out

    l1, l2 = level(0xB0, 0xD7), level(0xD8, 0xF7)
    cjk = "".join(chr(i) for i in range(0x4E00, 0xA000))
    simp = _opencc().convert(cjk)
    if len(simp) == len(cjk):
        for t, s in zip(cjk, simp):
            if t != s:
                if s in l1:
                    l1.add(t)
                elif s in l2:
                    l2.add(t)
    return frozenset(l1), frozenset(l2 - l1)


_BADNESS: Dict[str, float] = {}


def char_badness(ch: str) -> float:
    """How unlikely ``ch`` is in a Chinese notice: 0 common … 3 private-use (mojibake sign)."""
    try:
        return _BADNESS[ch]
    except KeyError:
        pass
    b = _char_badness(ch)
    if len(_BADNESS) < 100_000:
        _BADNESS[ch] = b
    return b


def _char_badness(ch: str) -> float:
    o = ord(ch)
    if o < 0x80:
        return 0.0 if (ch.isalnum() or ch in " \n\t.,;:!?()%-/") else 0.5
    if 0xE000 <= o <= 0xF8FF:
        return 3.0
    if o == 0xFFFD:
        return 1.0
    common, less = _char_tiers()
    if ch in common or ch in COMMON_PUNCT:
        return 0.0
    if ch in less:
        return 0.6
    if 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF:
        return 1.0
    if 0xFF01 <= o <= 0xFF5E or ch.isspace() or 0x2460 <= o <= 0x24FF or 0x2160 <= o <= 0x217F:
        return 0.0  # full-width ASCII, NBSP and other spaces, ①⑴⒈ Ⅰ
    return 1.0  # bopomofo, greek, box drawing, ⊥ … rare in notices, common in GBK mojibake


def text_badness(text: str) -> float:
    """Mean :func:`char_badness` over ``text`` (0 = reads like a notice)."""
    if not text:
        return 0.0
    return sum(char_badness(c) for c in text) / len(text)


# --------------------------------------------------------------------------------------------
# Mojibake: a GB18030 byte stream decoded one byte out of step
# --------------------------------------------------------------------------------------------

_MOJI_WINDOW = 4      # how far left of a suspect cluster the garbled run may start
_MOJI_LOOKAHEAD = 24  # how far right of the cluster we look for the point where bytes re-align
_MOJI_PROBE = 4000    # longest cluster (longer ones are split)
_MOJI_PROBE_CHARS = 24  # chars each candidate start is first read over (a good one reads on)
_MOJI_READ_ON = 8192    # how far a good reading goes on in one piece (longer runs: next piece
                        # starts where this one stops, losing the one char straddling the cut)


@lru_cache(maxsize=65536)
def _gb_bytes(ch: str) -> Optional[bytes]:
    """The GB18030 bytes ``ch`` came from when a GB18030-2000 decoder produced it.

    Python's codec follows GB18030-2005, where A989–A995 decode to U+303E, U+2FF0–U+2FFB; the
    2000 table (still used by many converters) maps them to PUA U+E7E7–U+E7F3.
    """
    o = ord(ch)
    if o == 0xFFFD:
        return None  # bytes already lost: nothing to re-read
    if 0xE7E7 <= o <= 0xE7F3:
        return bytes([0xA9, 0x89 + o - 0xE7E7])
    try:
        return ch.encode("gb18030")
    except UnicodeEncodeError:
        return None


def _next_unit(data: bytearray, p: int, n: int, final: bool) -> int:
    """Length of the GB18030 code unit at ``data[p]`` (1, 2 or 4; 1 for an invalid byte), or 0
    when more than ``n`` bytes are needed to tell and more may come (``final`` False)."""
    b = data[p]
    if b < 0x81 or b == 0xFF:
        return 1
    if p + 1 >= n:
        return 1 if final else 0
    c = data[p + 1]
    if 0x30 <= c <= 0x39:
        if p + 3 >= n:
            return 1 if final else 0
        return 4 if (0x81 <= data[p + 2] <= 0xFE and 0x30 <= data[p + 3] <= 0x39) else 1
    if 0x40 <= c <= 0xFE and c != 0x7F:
        return 2
    return 1


def _decode_unit(piece: bytes) -> Optional[str]:
    """One GB18030 unit of a re-read stream, or None when its byte is lost (a lone lead byte, or
    bytes that do not decode)."""
    if len(piece) == 1 and piece[0] >= 0x80:
        return None
    try:
        return piece.decode("gb18030")
    except UnicodeDecodeError:
        return None


def _shifted_repair(text: str, s: int, min_end: int, limit: int) -> Optional[Tuple[int, str, int, bool]]:
    """Re-read ``text[s:limit]`` one byte later: ``(end, repaired, lost, closed)`` or None.

    The chars' GB18030 bytes are re-split starting at byte 1 (the first byte belongs to a char
    lost before the run); ``end`` is the first char boundary at or after ``min_end`` where the
    re-split and the original split meet again (the stream is back in step there): ``closed``.
    When they do not meet before ``limit`` the reading so far is returned with ``closed`` False
    (the caller may read on); the end of the text, a line break or a char with no GB18030 bytes
    end the stream for good. Reads char by char and stops at the re-alignment, so the cost is
    the length of the run, not of the window.
    """
    first = _gb_bytes(text[s]) if s < limit else None
    if first is None or len(first) < 2:
        return None  # nothing to read, or a run cannot start on a one-byte char
    data = bytearray()
    out: List[str] = []
    ends: List[int] = []  # byte offset after each piece of ``out``
    bounds: List[int] = []  # byte offset after each char read
    lost = 0
    p = 1  # next unread byte of the shifted stream
    k = s
    hard_end = False
    while True:
        if k >= limit:
            hard_end = limit >= len(text) or text[limit] == "\n"
            break
        b = _gb_bytes(text[k])
        if b is None:
            hard_end = True
            break
        data += b
        k += 1
        n = len(data)
        bounds.append(n)
        while p < n:
            m = _next_unit(data, p, n, False)
            if m == 0:
                break
            ch = _decode_unit(bytes(data[p:p + m]))
            p += m
            if ch is None:
                lost += 1
            else:
                out.append(ch)
                ends.append(p)
        if p == n and k >= min_end:
            return k, "".join(out), lost, True
    n = len(data)
    if hard_end:
        while p < n:  # flush: the stream ends here
            m = _next_unit(data, p, n, True)
            ch = _decode_unit(bytes(data[p:p + m]))
            p += m
            if ch is None:
                lost += 1
            else:
                out.append(ch)
        return k, "".join(out), lost, True
    # not re-aligned within the window: return what was read up to the last whole unit that
    # ends inside a char boundary we can cut at (the char before the straddling unit)
    if k - 1 <= s:
        return None
    # cut after the last-but-one char read: keep the pieces that end before that boundary; the
    # piece straddling it loses its first byte (as at the edges of a closed run)
    boundary = bounds[-2]
    keep = 0
    while keep < len(ends) and ends[keep] <= boundary:
        keep += 1
    return k - 1, "".join(out[:keep]), lost + 1, False


def _suspect_clusters(text: str) -> List[Tuple[int, int, float]]:
    """Clusters of improbable chars: (start, end, badness sum) with at least one PUA char or
    three rare chars at density ≥ 0.4."""
    clusters = []
    cur_s = cur_e = -1
    bad = 0.0
    strong = 0
    n_bad = 0
    for i, ch in enumerate(text):
        if ch.isascii():
            if ch == "\n" and cur_s >= 0 and i - cur_e > 0:
                pass
            continue
        b = char_badness(ch)
        if b < 0.6:
            continue
        if cur_s >= 0 and i - cur_e <= 3 and (i - cur_s) < _MOJI_PROBE:
            cur_e = i + 1
        else:
            if cur_s >= 0:
                clusters.append((cur_s, cur_e, bad, strong, n_bad))
            cur_s, cur_e, bad, strong, n_bad = i, i + 1, 0.0, 0, 0
        bad += b
        n_bad += 1
        strong += b >= 3.0
    if cur_s >= 0:
        clusters.append((cur_s, cur_e, bad, strong, n_bad))
    out = []
    for s, e, bad, strong, n_bad in clusters:
        if strong or (n_bad >= 3 and n_bad / (e - s) >= 0.4):
            out.append((s, e, bad))
    # A '?' glued to an ideograph is what a GBK decoder writes for a byte pair it cannot read:
    # the run right after it is a candidate even without rare chars (学??筛鶕 → 学校可根據).
    for m in _QMARK_RE.finditer(text):
        i = m.end()
        out.append((i, i + 1, -1.0))  # -1: a trigger, not evidence (not reported if unrepaired)
    out.sort()
    return out


_QMARK_RE = re.compile(r"\?+[;:,.!]?(?=[^\x00-\x7f\s])")


def repair_mojibake(text: str) -> List[Edit]:
    """Repair runs of GB18030 text decoded one byte out of step (seed 004's ``?！锻ㄖ\\ue000诽岢?``
    is ``。《通知》提出`` read from the second byte: re-encoding the run and decoding it from its
    second byte gives ``《通知》提``).

    Suspect clusters (private-use chars, or dense runs of rare chars) are tried from each start
    up to ``_MOJI_WINDOW`` chars to their left (never across ASCII: the run's first char must be
    two bytes), re-read one byte later up to where the bytes fall back in step, and the best
    reading by :func:`char_badness` is kept when it is clearly better than the text as is. Bytes
    lost at the run's edges (the ``?`` the first decoder wrote) stay lost; clusters that no
    reading improves are reported in the warnings.
    """
    edits = StepEdits()
    repaired = unrepaired = lost_total = 0
    last_end = 0
    # work budget in chars read: keeps the step linear on hostile input (a page of random
    # hanzi or private-use chars is one long "cluster"); clusters past it are left as they are
    budget = 3 * len(text) + 50_000
    tried: set = set()
    for gs, ge, evidence in _suspect_clusters(text):
        if gs < last_end:
            continue
        if budget <= 0:
            unrepaired += evidence >= 0
            continue
        line_start = text.rfind("\n", 0, gs) + 1
        nl = text.find("\n", ge)
        line_end = len(text) if nl < 0 else nl
        lo = max(last_end, line_start, gs - _MOJI_WINDOW)
        hi = min(line_end, ge + _MOJI_LOOKAHEAD)
        best = None
        # candidate starts: the cluster's first chars and up to _MOJI_WINDOW chars to its left
        # (not across ASCII); the cluster may begin with debris of the lost char (``ù)`` of a
        # pinyin note written over it) before the shifted run proper.
        starts = [k for k in range(gs, min(hi, gs + _MOJI_WINDOW)) if not text[k].isascii()]
        k = gs - 1
        while k >= lo and not text[k].isascii():
            starts.append(k)
            k -= 1
        for s in starts:
            if budget <= 0:
                break
            if s in tried:
                continue
            tried.add(s)
            probe_hi = min(hi, gs + _MOJI_WINDOW + _MOJI_PROBE_CHARS)  # one right edge for all starts
            res = _shifted_repair(text, s, min(ge, probe_hi), probe_hi)
            if res is None:
                budget -= 16
                continue
            e, new, lost, closed = res
            budget -= 16 + e - s
            old = text[s:e]
            old_bad = sum(map(char_badness, old))
            new_bad = sum(map(char_badness, new)) + lost * 1.0
            score = (new_bad - old_bad, -(e - s))  # lower is better; prefer the longer run on ties
            if best is None or score <= best[0]:
                best = (score, s, e, new, lost, old_bad, new_bad, closed)
        if best is not None:
            _, s, e, new, lost, old_bad, new_bad, closed = best
            if old_bad >= 1.0 and new and new_bad <= 0.5 * old_bad and text_badness(new) < 0.5 and (
                len(new) >= 2 or new_bad == 0
            ):
                if not closed:
                    # a long run: read on, in one linear pass, to where the bytes fall back in step
                    read_to = min(line_end, e + _MOJI_READ_ON)
                    budget -= read_to - s
                    res = _shifted_repair(text, s, e, read_to)
                    if res is not None and text_badness(res[1]) < 0.5:
                        e, new, lost, _ = res
                edits.append(Edit(s, e, new))
                repaired += 1
                lost_total += lost
                last_end = e
                continue
        if evidence >= 0:
            unrepaired += 1
    if repaired:
        msg = f"mojibake repaired: {repaired} run(s) re-read as GB18030 one byte later"
        if lost_total:
            msg += f" ({lost_total} byte(s) lost at run edges)"
        edits.warnings.append(msg)
        edits.counts["mojibake_runs"] = repaired
    if unrepaired:
        edits.warnings.append(f"possible mojibake not repaired: {unrepaired} run(s) of improbable characters")
        edits.counts["mojibake_unrepaired"] = unrepaired
    return edits


_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{2,}")


def repair_utf8_as_gbk(text: str) -> List[Edit]:
    """Repair UTF-8 text that was decoded as GBK/GB18030 (``鍥藉姟闄㈠姙鍏`` → ``国务院办公``).

    Such a decoder leaves ASCII alone, so each maximal non-ASCII run is one garbled stretch: a
    run that reads badly (:func:`text_badness` ≥ 0.3) is re-encoded as GB18030 and decoded as
    UTF-8; the reading is kept when it is clearly better and mostly whole (chars whose bytes the
    first decoder turned into U+FFFD are lost and stay U+FFFD).
    """
    edits = StepEdits()
    lost = 0
    for m in _NON_ASCII_RUN.finditer(text):
        run = m.group()
        old_bad = text_badness(run)
        if old_bad < 0.3:
            continue
        # U+FFFD: bytes the first decoder dropped; 0xFF (never in UTF-8) keeps them lost
        data = b"".join(b"\xff" if ch == "\ufffd" else (_gb_bytes(ch) or b"\xff") for ch in run)
        new = re.sub("\ufffd+", "\ufffd", data.decode("utf-8", errors="replace"))  # one per gap
        if not new or new == run:
            continue
        bad_new = new.count("\ufffd")
        if bad_new * 3 > len(new) or text_badness(new.replace("\ufffd", "")) > 0.4 * old_bad:
            continue
        edits.append(Edit(m.start(), m.end(), new))
        lost += bad_new
    if edits:
        msg = f"mojibake repaired: {len(edits)} run(s) of UTF-8 read as GBK"
        if lost:
            msg += f" ({lost} char(s) lost)"
        edits.warnings.append(msg)
        edits.counts["utf8_as_gbk_runs"] = len(edits)
    return edits


# --------------------------------------------------------------------------------------------
# Pinyin annotations: 醫(yī)療 → 醫療
# --------------------------------------------------------------------------------------------

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_RE = re.compile(
    "(?<=[\u3400-\u9fff\uf900-\ufaff])"          # right after an ideograph
    "[(（]"
    f"(?=[a-zü{_TONED}]{{1,7}}[)）])"              # one lowercase syllable …
    f"[a-zü]{{0,6}}[{_TONED}][a-zü{_TONED}]{{0,6}}"  # … carrying a tone mark
    "[)）]"
)


# a word's reading: 北京(běi jīng), 医疗(yī liáo), or tone numbers: 医(yi1), 北京(bei3 jing1)
_SYL = f"[a-zü{_TONED}]{{1,7}}"
_PINYIN_WORD_RE = re.compile(
    "(?<=[\u3400-\u9fff\uf900-\ufaff]{2})[(（]"
    f"(?=[^)）]{{0,60}}[{_TONED}])"                  # at least one tone mark …
    f"{_SYL}(?:[ '’]{_SYL}){{1,7}}[)）]"             # … over several syllables
)
_NUMBERED = "[bcdfghjklmnpqrstwxyz]{1,3}[aeiouüv][a-zü]{0,4}[1-5]"
_PINYIN_NUMBERED_RE = re.compile(
    f"(?<=[\u3400-\u9fff\uf900-\ufaff])[(（]{_NUMBERED}(?: {_NUMBERED}){{0,7}}[)）]"
)

# debris of a note whose "(" went into a lost byte: 當?shù)疫情 (seed 004, 8×)
_PINYIN_DEBRIS_RE = re.compile(f"(?<=\\?)[a-zü]{{0,6}}[{_TONED}][a-zü{_TONED}]{{0,6}}[)）]")


def strip_pinyin(text: str) -> List[Edit]:
    """Remove a pinyin reading in brackets right after an ideograph (``構(gòu)`` → ``構``).

    Removed: one lowercase syllable with a tone mark (``醫(yī)``); several after a word, one
    of them with a tone mark (``北京(běi jīng)``); syllables with tone numbers (``医(yi1)``).
    ``(COVID19)``, ``(一)``, ``(a)``, ``(Xi Jinping)`` and ``(以下簡稱《通知》)`` stay.
    """
    edits = StepEdits(Edit(m.start(), m.end(), "") for m in _PINYIN_RE.finditer(text))
    edits.extend(Edit(m.start(), m.end(), "") for rx in (_PINYIN_WORD_RE, _PINYIN_NUMBERED_RE)
                 for m in rx.finditer(text))
    edits.extend(Edit(m.start(), m.end(), "") for m in _PINYIN_DEBRIS_RE.finditer(text))
    if edits:
        edits.counts["pinyin"] = len(edits)
    return edits


# --------------------------------------------------------------------------------------------
# Synonym-spun text: 东谈主 → 人, 专揽 → 主持, …
# --------------------------------------------------------------------------------------------

class SpinEntry(NamedTuple):
    spun: str
    original: str
    note: str


SPUN_MIN_MARKERS = 2   # distinct signature markers a page must show …
SPUN_MIN_HITS = 4      # … with at least this many marker occurrences in all


@lru_cache(maxsize=1)
def spinner_map() -> Tuple[SpinEntry, ...]:
    """``data/spinner.tsv``: spun<TAB>original<TAB>note (``#`` comments, blank lines ignored).

    A note starting with ``marker`` makes the spun form a signature marker (never written by a
    person: 东谈主, 作念好, 政事局 …); one starting with ``before-name`` is undone only where a
    personal name or a list of them follows (市率领刘志远、赵文斌列席 → 市领导…).
    """
    path = resources.files("policyextract") / "data" / "spinner.tsv"
    out = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or not row[0].strip() or row[0].startswith("#"):
                continue
            spun, original = row[0].strip(), row[1].strip()
            note = row[2].strip() if len(row) > 2 else ""
            out.append(SpinEntry(spun, original, note))
    return tuple(out)


@lru_cache(maxsize=1)
def _name_list_ahead() -> str:
    """Lookahead for rows noted ``before-name``: one or more personal names (a surname from
    ``data/person_surnames.txt`` and one or two chars) joined by 、/，/和/及, then a list
    separator, 等 or an attendance verb ("市率领|刘志远、赵文斌列席" but not "市率领|指导组赴")."""
    single = sorted({w.strip() for w in data_lines("person_surnames.txt") if len(w.strip()) == 1})
    name = "[" + "".join(map(re.escape, single)) + "][\u4e00-\u9fff]{1,2}"
    end = "(?:[、，,]|等|出席|列席|参加|参会|陪同|一同|主持|到会|视频连线)"
    return f"(?={name}(?:(?:[、，,]|和|及){name})*{end})"


@lru_cache(maxsize=1)
def _spin_tables():
    entries = spinner_map()
    table: Dict[str, str] = {e.spun: e.original for e in entries}
    markers = sorted({e.spun for e in entries if e.note.startswith("marker")}, key=len, reverse=True)
    # a row noted "before-name" undoes the spin only where a name (list) follows it
    ahead = {e.spun: _name_list_ahead() for e in entries if e.note.startswith("before-name")}
    alt = "|".join(re.escape(k) + ahead.get(k, "") for k in sorted(table, key=len, reverse=True))
    return table, re.compile(alt), re.compile("|".join(re.escape(m) for m in markers))


def spun_signature(text: str) -> Tuple[int, int]:
    """(distinct markers, marker occurrences) of the spinner's signature in ``text``."""
    _, _, marker_re = _spin_tables()
    seen: Dict[str, int] = {}
    for m in marker_re.finditer(text):
        seen[m.group()] = seen.get(m.group(), 0) + 1
    return len(seen), sum(seen.values())


def is_spun(text: str) -> bool:
    distinct, hits = spun_signature(text)
    return distinct >= SPUN_MIN_MARKERS and hits >= SPUN_MIN_HITS


def despin(text: str) -> List[Edit]:
    """Undo a synonym spinner, only on pages that carry its signature (:func:`is_spun`).

    Longest spun form first, left to right; every substitution maps back to the whole spun
    span. Clean pages are never touched, so a notice that writes 服务 or 率领 keeps them. On a
    spun page every listed form is reversed: a genuine 服务/率领 there is turned into 工作/领导
    too (the known residual; the spinner itself writes 服务 as 办事, so real ones are rare).
    """
    edits = StepEdits()
    if not is_spun(text):
        return edits
    table, alt_re, _ = _spin_tables()
    for m in alt_re.finditer(text):
        new = table[m.group()]
        if new != m.group():
            edits.append(Edit(m.start(), m.end(), new))
    edits.counts["despun"] = len(edits)
    edits.warnings.append(f"spun text detected: {len(edits)} substitutions undone")
    return edits


def identity(text: str) -> Normalized:
    n = len(text)
    # compact int arrays, not lists: 16 bytes a char instead of ~70 (5M-char pages stay small)
    return Normalized(text, text, array("q", range(n)), array("q", range(1, n + 1)))


def default_steps() -> List[Step]:
    """The steps :func:`normalize` runs, in order.

    Order matters: control chars first (so no later step sees NUL or surrogates), mojibake
    before pinyin (a repaired run may end in a char whose pinyin follows it), width folding and
    OpenCC before de-spinning (the spinner map is written in simplified characters).
    """
    from .unwrap import unwrap_lines  # hard-wrapped (PDF) lines joined, page footers dropped: last, on folded text

    return [clean_controls, repair_utf8_as_gbk, repair_mojibake, strip_pinyin, fold_width, to_simplified, despin,
            unwrap_lines]


def normalize(text: str, steps: Sequence[Step] | None = None) -> Normalized:
    """Run every normalisation step over ``text`` and return the composed result.

    Warnings of the steps (mojibake repaired, spun text detected, …) end up in
    ``Normalized.warnings``; counters (substitutions per step) in ``Normalized.counts``.
    """
    norm = identity(text)
    for step in steps if steps is not None else default_steps():
        edits = step(norm.text)
        norm.warnings.extend(getattr(edits, "warnings", ()))
        for k, v in getattr(edits, "counts", {}).items():
            norm.counts[k] = norm.counts.get(k, 0) + v
        norm = apply_edits(norm, edits)
    return norm
