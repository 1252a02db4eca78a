"""Dates: every calendar date of a document, ISO, with the year inferred where it is not written.

Year inference for "1月25日", in order: the nearest year stated before it in the document
(full dates, "2021年", "2021年1-12月"); the document's own number (〔2020〕) or issue date;
"M月D日，农历正月初一" (data/spring_festival.tsv); for a news dateline ("北京2月9日电") the
page's publish time; the nearest year stated after it; the page's publish time above the
article (single-document pages); last, era terms (data/era_anchors.tsv). A date whose year cannot be inferred is kept for meetings but not reported.
"同日"/"当日" take the date in force.
"""
from __future__ import annotations

import datetime as _dt
from typing import List, Optional, Sequence, Tuple

import regex

from ..records import DateMention
from ..resources import era_anchors, spring_festivals
from ..segment import publish_dates
from .common import DateHit, DocContext

_CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "O": 0, "0": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_YEAR = r"(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4}|二[0O〇○零][一二三四五六七八九〇○零0O]{2})"  # 二0二四: a common typing

DATE_RE = regex.compile(
    rf"(?P<full>(?P<y>{_YEAR})\s?年\s?(?P<m>{_NUM}|元)\s?月\s?(?P<d>{_NUM})(?:\s?[-—~～至到]\s?(?P<d2>\d{{1,2}}))?\s?[日号])"
    rf"|(?P<iso>(?<![\d.])(?P<iy>(?:19|20)\d{{2}})(?P<sep>[-/.])(?P<im>\d{{1,2}})(?P=sep)(?P<id>\d{{1,2}})(?![\d.]))"
    rf"|(?P<md>(?<![\d.])(?<![^今去前明上当同该次翌]年)(?P<mm>{_NUM}|(?<!单)元)\s?月\s?(?P<md1>{_NUM})(?:\s?[-—~～至到]\s?(?P<md2>\d{{1,2}}))?\s?[日号](?!元)(?!\d(?!\d?\s?(?:时|点|[:：]\d))))"
    r"|(?P<same>同日|当日|同一天|当天)"
)
# the end of a range written with its year: "12月30日至2024年1月1日"
_RANGE_TO_FULL = regex.compile(r"\s?[至到—\-~～]\s?(?P<y>(?:19|20)\d{2})\s?年\s?(?P<m>\d{1,2})\s?月")

# a paragraph opening with a day alone, news style: "27日上午，…" (the month is the one written last)
_BARE_DAY = regex.compile(r"(?P<d>[1-3]?\d)日(?:上午|下午|晚上|晚间|晚|早上|凌晨|中午|傍晚)?[，,]")
_BARE_DAY_MID = regex.compile(r"(?<=[。！？；!?;][ \u3000]?)(?P<d>[1-3]?\d)日(?:上午|下午|晚上|晚间|晚|早上|凌晨|中午|傍晚)?[，,]")

# A stated year that sets the context for later month-day dates ("2021年，…", "2021年1-12月").
# Not the end of a range or a target ("（2026—2028年）" in a plan's name, "到2025年"): that is no
# time of writing.
YEAR_RE = regex.compile(rf"(?<![\d《])(?<![—–\-－~～至到]\s?)(?P<y>(?:19|20)\d{{2}})\s?年(?![度代版])")
LUNAR_NEW_YEAR_RE = regex.compile(rf"(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日\s?[,，]?\s?(?:农历)?(?:正月初一|春节|大年初一)")
DOCNUM_YEAR_RE = regex.compile(r"[〔\[［(（]\s?((?:19|20)\d{2})\s?[〕\]］)）]")


# The page's own stamps: "发布时间：2024-05-20", "2024年05月20日 10:30 来源：人民网", "【发布日期：…】".
# They set the year context like any date but are not dates of the document (never reported).
_STAMP_KEY = regex.compile(r"(?:(?:发布|更新|发稿|录入|上传|发表|编辑|生成|修改|撰稿)(?:时间|日期)|发布于)\s?[:：]?\s?[【\[]?\s?$|今天是\s?[:：]\s?$")  # 今天是：… a site banner
_BARE_KEY = regex.compile(r"^[【\[]?\s?(?:时间|日期)\s?[:：]\s?$")
_CLOCK_AFTER = regex.compile(r"\s{0,3}\d{1,2}:\d{2}")
_PAPER_BEFORE = regex.compile(r"(?:日报|晚报|商报|时报|报》|网|新华社|客户端)\s?[|｜/－—\-]?\s?[(（]?\s?$")
_EDITION_AFTER = regex.compile(r"\s?第?\s?\d{1,2}\s?版")
_SOURCE_WORDS = regex.compile(r"来源|作者|编辑|浏览|点击|阅读|字号|分享|打印|原创")  # 原创: a WeChat byline


# an info table printed one cell a line: "发布日期：" on the line above the date
_KEY_ABOVE = regex.compile(r"(?:^|\n)[^\n]{0,8}(?:日期|时间)\s?[:：]\s*\n\s*$")


def _is_stamp(t: str, m, top: bool = True) -> bool:
    """Whether the date match ``m`` in line ``t`` is the page's publish/update stamp (``top``:
    the line is among the document's first lines, where a site prints its stamp)."""
    before = t[max(0, m.start() - 24):m.start()]  # a key stands right before its value (bounded: no O(n²) on long lines)
    if _STAMP_KEY.search(before):
        return True
    clock = _CLOCK_AFTER.match(t, m.end()) is not None
    if m.start() <= 8 and _BARE_KEY.match(t[:m.start()]) and (m.group("iso") or (clock and top)):
        return True  # "时间：2024-05-20 10:30" (a meeting's 时间：5月28日上午9:00 or 9:00 in the body stays)
    short = len(t) <= 80 and not any(c in t for c in "。，；,;")
    if short and _PAPER_BEFORE.search(before) and (_EDITION_AFTER.match(t, m.end()) or not t[m.end():].strip("）) ")):
        return True  # a byline: "人民网－人民日报 2024年05月20日", "《人民日报》（2024年05月20日 第01版）"
    return short and (clock or m.group("iso") is not None) and _SOURCE_WORDS.search(t) is not None


# "5月20日至22日", "2024年9月19日—20日": the second day of the same month.
# a clock time may sit between ("10月26日22时至27日9时", "2024年10月26日22:00至27日9:00")
RANGE_TAIL_RE = regex.compile(
    rf"(?:\s?(?:上午|下午|晚上|凌晨|中午|早上)?\s?(?:\d{{1,2}}[:：]\d{{2}}|\d{{1,2}}\s?[时点](?:\d{{1,2}}\s?分|半)?))?"
    rf"\s?[-—~～至到、和及]\s?(?P<day>(?P<d>{_NUM})\s?[日号])(?!月)(?!\d(?!\d?\s?(?:时|点|[:：]\d)))")


def _range_tails(t: str, m):
    """"5月20日至22日", "5月20日、21日和22日": the further days of the same month."""
    out = []
    if m.group("d2") or m.group("md2"):
        return out
    pos = m.end()
    while len(out) < 31 and (tail := RANGE_TAIL_RE.match(t, pos)):
        out.append(tail)
        pos = tail.end()
    return out


def cn_number(s: str) -> Optional[int]:
    """'25' → 25, '二十五' → 25, '十' → 10, '二〇二〇' → 2020."""
    if s.isdigit():
        return int(s)
    if s == "元":  # 元月 = January
        return 1
    if all(c in _CN_DIGIT for c in s) and len(s) == 4:
        return int("".join(str(_CN_DIGIT[c]) for c in s))
    if "十" in s:
        left, _, right = s.partition("十")
        tens = _CN_DIGIT.get(left, 0) if left else 1
        ones = _CN_DIGIT.get(right, 0) if right else 0
        if (left and left not in _CN_DIGIT) or (right and right not in _CN_DIGIT):
            return None
        return tens * 10 + ones
    if len(s) == 1 and s in _CN_DIGIT:
        return _CN_DIGIT[s]
    return None


def _iso(y: Optional[int], m: Optional[int], d: Optional[int]) -> Optional[str]:
    if y is None or m is None or d is None:
        return None
    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _year_contexts(text: str, base: int) -> List[Tuple[int, int]]:
    """(offset, year) of every year statement in ``text`` (offsets shifted by ``base``)."""
    return [(base + m.start(), int(m.group("y"))) for m in YEAR_RE.finditer(text)]


def find_dates(ctx: DocContext) -> List[DateHit]:
    """All date mentions of the document, in text order, years inferred."""
    norm = ctx.norm
    hits: List[DateHit] = []
    years: List[Tuple[int, int]] = []
    lunar_year: Optional[int] = None
    era_text = []
    openers: List[DateHit] = []  # dates that open a sentence: the narrative's running date
    for n_line, line in enumerate(ctx.doc.lines):
        t = line.text
        years.extend(_year_contexts(t, line.start))
        if lunar_year is None:
            for m in LUNAR_NEW_YEAR_RE.finditer(t):
                cands = spring_festivals().get((int(m.group("m")), int(m.group("d"))))
                if cands:
                    lunar_year = cands[0]
                    break
        era_text.append(t)
        key_above = len(t) <= 24 and _KEY_ABOVE.search(norm.text, max(0, line.start - 16), line.start) is not None
        line_first = len(hits)
        run = next((h for h in reversed(openers) if h.value), None) or (hits[-1] if hits else None)
        if (bd := _BARE_DAY.match(t)) and run and run.value and run.kind in ("md", "full", "iso"):
            # "27日上午，…" opening a paragraph after "11月26日至27日": the month of the narrative,
            # i.e. of the last date opening a sentence ("6日上午，…" after "11月5日至6日" and a
            # "今年6月18日开工" inside the story between)
            pm, pd = (int(x) for x in run.value.split("-")[-2:])
            d = int(bd.group("d"))
            if pd <= d <= 31:
                hits.append(DateHit(line.start, line.start + bd.end("d") + 1, bd.group(0).rstrip("，,"),
                                    f"?-{pm:02d}-{d:02d}", True, "md"))
                openers.append(hits[-1])
        n_before = len(hits)
        for m in DATE_RE.finditer(t):
            a, b = line.start + m.start(), line.start + m.end()
            if not m.group("same") and (key_above or _is_stamp(t, m, n_line < 4)):
                if m.group("full") or m.group("iso"):
                    y = cn_number(m.group("y")) if m.group("full") else int(m.group("iy"))
                    v = _iso(y, cn_number(m.group("m")), cn_number(m.group("d"))) if m.group("full") \
                        else _iso(y, int(m.group("im")), int(m.group("id")))
                    if v:
                        hits.append(DateHit(a, b, m.group(0), v, False, "stamp"))
                        years.append((a, y))
                continue
            if m.group("full"):
                y, mo = cn_number(m.group("y")), cn_number(m.group("m"))
                days = [cn_number(m.group("d"))] + ([int(m.group("d2"))] if m.group("d2") else [])
                for d in days:
                    if (v := _iso(y, mo, d)):
                        hits.append(DateHit(a, b, m.group(0), v, False, "full"))
                for tail in _range_tails(t, m):
                    if v := _iso(y, mo, cn_number(tail.group("d"))):
                        hits.append(DateHit(line.start + tail.start("d"), line.start + tail.end(), tail.group("day"), v, False, "full"))
                if y:
                    years.append((a, y))
            elif m.group("iso"):
                v = _iso(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
                if v:
                    hits.append(DateHit(a, b, m.group(0), v, False, "iso"))
                    years.append((a, int(m.group("iy"))))
            elif m.group("md"):
                mo = cn_number(m.group("mm"))
                days = [cn_number(m.group("md1"))] + ([int(m.group("md2"))] if m.group("md2") else [])
                if mo is None or not 1 <= mo <= 12:
                    continue
                for d in days:
                    if d is None or not 1 <= d <= 31:
                        continue
                    hits.append(DateHit(a, b, m.group(0), f"?-{mo:02d}-{d:02d}", True, "md"))
                for tail in _range_tails(t, m):
                    if 1 <= (d := cn_number(tail.group("d")) or 0) <= 31:
                        hits.append(DateHit(line.start + tail.start("d"), line.start + tail.end(), tail.group("day"),
                                            f"?-{mo:02d}-{d:02d}", True, "md"))
            else:
                hits.append(DateHit(a, b, m.group(0), None, True, "same_day"))
        for h in hits[n_before:]:
            if h.kind in ("md", "full", "iso") and _opens_sentence(norm.text, line.start, h.start) \
                    and _NARRATIVE_AFTER.match(norm.text, h.end):
                openers.append(h)
        # "…。6日下午，…" inside a paragraph: a day alone opening a sentence, as above
        mids = []
        for bm in (_BARE_DAY_MID.finditer(t) if "日" in t else ()):
            pos = line.start + bm.start("d")
            run = next((h for h in reversed(openers) if h.start < pos and h.value), None)
            if run is None or run.kind not in ("md", "full", "iso"):
                continue
            pm, pd = (int(x) for x in run.value.split("-")[-2:])
            d = int(bm.group("d"))
            if pd <= d <= 31:
                mids.append(DateHit(pos, line.start + bm.end("d") + 1, bm.group("d") + "日", f"?-{pm:02d}-{d:02d}", True, "md"))
                openers.append(mids[-1])
                openers.sort(key=lambda h: h.start)
        if mids:
            hits[line_first:] = sorted(hits[line_first:] + mids, key=lambda h: h.start)
    years.sort()
    eras = [(y, lo, hi) for term, y, lo, hi in era_anchors() if any(term in t for t in era_text)]
    hints = ctx.year_hints
    page_years = ctx.doc.page_years or _stamp_years(ctx)
    publish_month = ctx.doc.page_dates[0][1] if ctx.doc.page_dates else None
    writing = _writing_date(ctx)
    last = None
    prev_year = None  # the year inferred for the month-day before (a dateline's year carries on)
    for h in hits:
        if h.kind == "md":
            _, mo, d = h.value.split("-")
            dateline = norm.text[h.end:h.end + 1] == "电"  # 新华社北京2月9日电: published that day
            y = _infer_year(h.start, int(mo), years, hints, lunar_year, eras, page_years, dateline, prev_year,
                            publish_month)
            if y and page_years and y == page_years[0] and _EVENT_AFTER.match(norm.text, h.end):
                # "12月31日上午，…主持召开…" on a page published 2026-01-04 after "2026年2月1日起实施"
                # or "2026年元旦春节期间": an event reported, so the turn of the year holds whatever
                # year the text stated last (deadlines, "12月31日前", stay in the year of writing)
                y = _from_publish_year(y, int(mo), publish_month)
            if y and writing and y > writing.year and (src := _context_year_pos(h.start, years)) is not None \
                    and not _same_sentence(norm.text, src, h.start):
                # a later year stated in another sentence is a target or a period the document
                # plans for ("计划于2025年6月30日前全容量并网", "享受待遇时间为2025年1月1日至…"):
                # the month-day is the one nearest the time of writing, this year or next
                y = _nearest_year(writing, int(mo), int(d), y)
            if rng := _RANGE_TO_FULL.match(norm.text, h.end):
                # "12月30日至2024年1月1日": the start's year is the end's (one less across New Year)
                ey, em = int(rng.group("y")), int(rng.group("m"))
                y = ey - 1 if int(mo) > em else ey
            rel = _RELATIVE_YEAR.search(norm.text, max(0, h.start - 3), h.start)
            if rel and rel.group(1) in _RELATIVE_OFFSET:  # 去年12月1日: a year before the year of writing
                base = (hints or page_years or [y])[0]
                y = base + _RELATIVE_OFFSET[rel.group(1)] if base else None
            elif rel and last is not None:  # 同年8月3日: the year of the date just before (次年: the next)
                y = int(last.value[:4]) + (1 if rel.group(1) in ("次年", "翌年") else 0)
            h.value = _iso(y, int(mo), int(d)) if y else None
            prev_year = y if h.value else prev_year
        elif h.kind == "same_day":
            h.value = last.value if last else None
        if h.value:
            last = h
    return hits


def _writing_date(ctx: DocContext) -> Optional[_dt.date]:
    """When the document was written: its 成文日期, else the page's publish date."""
    if ctx.issue_date:
        try:
            return _dt.date.fromisoformat(ctx.issue_date)
        except ValueError:
            pass
    if ctx.doc.page_dates:
        y, m, d = ctx.doc.page_dates[0]
        try:
            return _dt.date(y, m, d)
        except ValueError:
            return None
    return None


def _context_year_pos(pos: int, years) -> Optional[int]:
    """Where the stated year that sets a month-day's year stands: the nearest before, else the
    nearest after (:func:`_infer_year`'s order for text years)."""
    before = [p for p, _ in years if p < pos]
    if before:
        return before[-1]
    after = [p for p, _ in years if p > pos]
    return after[0] if after else None


def _same_sentence(text: str, a: int, b: int) -> bool:
    """No sentence end or line break between offsets ``a`` and ``b``."""
    lo, hi = min(a, b), max(a, b)
    return not any(c in "。！？；!?;\n" for c in text[lo:hi])


def _nearest_year(writing: _dt.date, month: int, day: int, latest: int) -> int:
    """The year (the year of writing or the next, never past ``latest``) that puts month-day
    nearest the time of writing."""
    best = None
    for y in range(writing.year, min(latest, writing.year + 1) + 1):
        try:
            gap = abs((_dt.date(y, month, day) - writing).days)
        except ValueError:
            continue
        if best is None or gap < best[0]:
            best = (gap, y)
    return best[1] if best else latest


# what follows a date that dates the story told ("11月5日至6日，", "5日上午，", "3月4日上午9时，"), not
# a rule's start or a deadline ("7月1日起，", "6月30日前")
_NARRATIVE_AFTER = regex.compile(
    r"(?:\s?[-—~～至到、和及]\s?\d{1,2}\s?[日号])?\s?(?:上午|下午|中午|晚上|晚间|傍晚|凌晨|早上|晚)?"
    r"(?:\d{1,2}\s?[时点](?:\d{1,2}分|半)?|\d{1,2}[:：]\d{2})?[，,]")


def _opens_sentence(text: str, line_start: int, pos: int) -> bool:
    """Whether the date at ``pos`` opens its line or a sentence (only blanks or brackets between)."""
    i = pos
    while i > line_start and text[i - 1] in " \t\u3000（(【[":
        i -= 1
    return i == line_start or text[i - 1] in "。！？；!?;"


def _stamp_years(ctx: DocContext) -> List[int]:
    """Years of a publish stamp that segmentation set aside inside the top of the document
    ("标题 / 副标题 / 2024-05-20 19:38 来源：新华社"): hit lines of the doc's first eight lines
    that are not among its kept lines."""
    doc = ctx.doc
    if not doc.lines:
        return []
    kept = {ln.start for ln in doc.lines}
    text = ctx.norm.text
    top = doc.lines[min(len(doc.lines), 8) - 1].end
    pos = doc.start
    for raw in text[doc.start:top].split("\n"):
        a = pos + len(raw) - len(raw.lstrip())
        pos += len(raw) + 1
        if raw.strip() and a not in kept and (ds := publish_dates(raw)):
            return [y for y, _, _ in ds]
    return []


# what follows a month-day that dates an event reported ("12月31日上午，", "12月30日，")
_EVENT_AFTER = regex.compile(r"(?:上午|下午|中午|晚上|晚间|傍晚|凌晨|早上)?[，,]")
_RELATIVE_YEAR = regex.compile(r"(今年|去年|上年|前年|明年|同年|当年|该年|次年|翌年)\s?$")
_RELATIVE_OFFSET = {"今年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}


def _from_publish_year(year: int, month: int, publish_month: Optional[int]) -> int:
    """A year equal to the publish year, for a month-day the text gives no year before, goes
    back one across the turn of the year: a readout published 2026-01-04 reports a meeting of
    12月30日 in 2025 (a November/December month-day on a page published in January/February). Elsewhere a later month-day is as likely to be a
    deadline or an announced date (3月15日前完成) as a past event, so the year stays."""
    if publish_month is not None and publish_month <= 2 and month >= 11:
        return year - 1
    return year


def _infer_year(pos: int, month: int, years, hints: Sequence[int], lunar_year, eras, page_years=(),
                dateline: bool = False, prev_year: Optional[int] = None,
                publish_month: Optional[int] = None) -> Optional[int]:
    before = [y for p, y in years if p < pos]
    if before:
        return before[-1]
    if prev_year:  # no year stated yet: the one inferred for the month-day before
        return prev_year
    if hints:
        return hints[0]
    if lunar_year:
        return lunar_year
    y = _year_from_page(pos, month, years, eras, page_years, dateline)
    if y is not None and page_years and y == page_years[0]:
        y = _from_publish_year(y, month, publish_month)
    return y


def _year_from_page(pos: int, month: int, years, eras, page_years, dateline: bool) -> Optional[int]:
    """The last resorts, when the text states no year before the month-day: the publish year for
    a dateline, the nearest year stated after, the publish year, an era term."""
    if dateline and page_years:  # a news dateline is the publish day: a year stated later is a target
        return page_years[0]
    after = [y for p, y in years if p > pos]
    if after:
        return after[0]
    if page_years:  # the page's publish time (a readout is published the day it reports)
        return page_years[0]
    for y, lo, hi in eras:
        if lo <= month <= hi:
            return y
    return None


def date_records(ctx: DocContext) -> List[DateMention]:
    """Reported dates: every mention that resolves to a day (同日 adds nothing new)."""
    out = []
    for h in ctx.dates:
        if h.value and h.kind not in ("same_day", "stamp"):
            out.append(DateMention(value=h.value, text=h.text, inferred_year=h.inferred_year, **ctx.loc(h.start, h.end)))
    return out
