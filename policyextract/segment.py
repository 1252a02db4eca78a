"""Stage 2 — page → documents → lines, with website chrome set aside.

Offsets are into ``Normalized.text``. What counts as chrome is data (``data/boilerplate.tsv``):
``line`` patterns remove single lines (hotlines, click counts, breadcrumbs), ``tail`` patterns
end the article (copyright, related-article lists). Pages holding several documents are split
at the sample headers of ``data/sample_headers.txt`` (范文一, 篇二, …).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

import regex

from .normalize import Normalized
from .resources import (boilerplate, metadata_keys, metadata_re, organ_suffix_re, readout_lead_re,
                        sample_header_re)

# A line longer than this is never tested against chrome patterns (chrome is short).
_MAX_CHROME_LINE = 400


@dataclass
class Line:
    start: int  # offset of the first non-blank char in the normalised text
    end: int    # offset after the last non-blank char
    text: str   # normalised text of the line, stripped


@dataclass
class MetaValue:
    """A value of the site's information table (发文机关：…), normalised offsets."""

    value: str
    start: int
    end: int


@dataclass
class DocSegment:
    norm: Normalized
    lines: List[Line]
    header: Optional[Line] = None  # the sample header that opened it (范文三), if any
    index: int = 0
    metadata: Dict[str, MetaValue] = field(default_factory=dict)  # field → value, from the info table
    page_dates: List[Tuple[int, int, int]] = field(default_factory=list)  # (y, m, d) of the page's publish stamps

    @property
    def start(self) -> int:
        return self.lines[0].start if self.lines else (self.header.start if self.header else 0)

    @property
    def end(self) -> int:
        return self.lines[-1].end if self.lines else (self.header.end if self.header else 0)

    @property
    def text(self) -> str:
        return self.norm.text[self.start:self.end]

    @property
    def page_years(self) -> List[int]:
        """Years of the page's publish stamps (above the article, else below it)."""
        return [y for y, _, _ in self.page_dates]


@dataclass
class PageSegments:
    norm: Normalized
    documents: List[DocSegment]
    chrome: List[Line] = field(default_factory=list)
    preamble: List[Line] = field(default_factory=list)  # page headline/intro before the first of several documents
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


# pieces of one chrome line set apart by a run of spaces or a spaced dash/bar
# ("福建省人民政府门户网站　　今天是：…", "柳州新闻网 - 柳州日报社主办")
_CHROME_PIECES = regex.compile(r"\s{2,}|\s[-–—|｜]\s")


@lru_cache(maxsize=8192)
def is_chrome_line(text: str) -> bool:
    """The whole line is chrome, or every piece of it is (a banner and a date widget side by side)."""
    if len(text) > _MAX_CHROME_LINE:
        return False
    line_re, _ = boilerplate()
    if line_re.fullmatch(text, timeout=0.5) is not None:
        return True
    pieces = [p for p in _CHROME_PIECES.split(text) if p]
    return len(pieces) > 1 and all(line_re.fullmatch(p, timeout=0.5) is not None for p in pieces)


def is_tail_marker(text: str) -> bool:
    _, tail_re = boilerplate()
    return tail_re.match(text[:200]) is not None


_HEADER_TITLE = regex.compile(r"^(?P<head>.{1,20}?[一二三四五六七八九十百\d]{1,4}\s*[】）)]?)\s*[:：]\s*(?P<title>\S.{3,})$")


def _split_header(ln: Line) -> Tuple[Line, Optional[Line]]:
    """"篇三：关于举办职工运动会的通知" → the header 篇三 and a first line holding the title."""
    m = _HEADER_TITLE.match(ln.text)
    if not m:
        return ln, None
    a = m.start("title")
    return (Line(ln.start, ln.start + m.end("head"), m.group("head")),
            Line(ln.start + a, ln.end, m.group("title")))


def is_sample_header(text: str) -> bool:
    return len(text) <= 60 and sample_header_re().fullmatch(text) is not None


_PUBLISH_KEY = regex.compile(r"(?:发布|发表|更新|录入|发稿)(?:时间|日期)\s*[:：]")
_PUBLISH_DATE = regex.compile(r"(?<!\d)((?:19|20)\d{2})\s?[-/.年]\s?(\d{1,2})\s?[-/.月]\s?(\d{1,2})")


def publish_dates(text: str) -> List[Tuple[int, int, int]]:
    """(year, month, day) of every date written in a stamp line (2024-05-20, 2024年05月20日)."""
    return [(int(y), int(m), int(d)) for y, m, d in _PUBLISH_DATE.findall(text[:200])]


def _metadata_line(ln: Line, metadata: Dict[str, MetaValue]) -> bool:
    """An information-table line ("发文机关：国务院办公厅  成文日期：2020年02月03日"): record, drop."""
    if len(ln.text) > 300 or not metadata_re().match(ln.text):
        return False
    fields = metadata_keys()
    for m in metadata_re().finditer(ln.text):
        name, value = fields.get(regex.sub(r"\s+", "", m.group("key")), "-"), m.group("value").strip()
        if name != "-" and value and name not in metadata:
            a = ln.start + m.start("value")
            metadata[name] = MetaValue(value, a, a + len(value))
    return True


def _has_body(kept: List[Line]) -> bool:
    """Text of the article stands above: a toolbar or credit line under the headline
    ("【打印本页】【关闭窗口】", "编辑：王明") ends nothing yet."""
    return any(_BODY_PUNCT.search(k.text) for k in kept) or sum(len(k.text) for k in kept) >= 120


def _classify(ln: Line, kept: List[Line], chrome: List[Line], seen: set, metadata, cut: bool,
              nxt: str = "") -> None:
    """Put ``ln`` into ``kept`` or ``chrome`` (``nxt``: the text of the line after it)."""
    if cut or _metadata_line(ln, metadata) or (_has_body(kept) and is_tail_marker(ln.text)):
        chrome.append(ln)
    elif is_chrome_line(ln.text) and not _signed_iso_date(ln.text, kept):
        chrome.append(ln)
    # a headline repeated at the top of the article, or a line doubled in place
    elif len(ln.text) < 100 and (ln.text in seen or (kept and kept[-1].text == ln.text)) \
            and not _signature(ln.text, nxt):
        chrome.append(ln)
    else:
        if len(kept) < 3:
            seen.add(ln.text)
        kept.append(ln)


_ISO_DATE_LINE = regex.compile(r"(?:19|20)\d{2}-\d{1,2}-\d{1,2}")


def _signed_iso_date(text: str, kept: List[Line]) -> bool:
    """"2024-05-20" alone on the line under an organ line is a signature's date, not an upload
    stamp (the chrome rule for bare ISO dates would drop it)."""
    return bool(kept) and _ISO_DATE_LINE.fullmatch(text) is not None \
        and organ_suffix_re().search(kept[-1].text) is not None and len(kept[-1].text) <= 40 \
        and not kept[-1].text.endswith(("。", "；", "：", ":"))


_SIGNED_DATE = regex.compile(r"(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s?年\s?[\d一二三四五六七八九十]{1,2}\s?月"
                             r"\s?[\d一二三四五六七八九十]{1,3}\s?日")


def _signature(text: str, nxt: str) -> bool:
    """An organ line with a full date under it signs the document ("洛阳市人民政府 / 2024年4月3日"),
    even where the site prints the same name in its banner or footer."""
    return len(text) <= 40 and organ_suffix_re().search(text) is not None \
        and _SIGNED_DATE.fullmatch(nxt.strip("()（）")) is not None


# a signature date or a doc number also printed in the 印发 footer is no site name
_DATE_OR_NUMBER = regex.compile(r"(?:19|20)\d{2}\s?年\s?\d{1,2}\s?月|[〇○零一二三四五六七八九]{4}年|[〔\[［(（](?:19|20)\d{2}[〕\]］)）]")


_ARTICLE_LINK = regex.compile(r"(?:上一|下一)(?:篇|条|页)\s*[:：]|[·•●▪]")


def _drop_site_names(kept: List[Line], chrome: List[Line]) -> List[Line]:
    """Short lines that recur inside chrome lines (the site's name in a breadcrumb or footer)."""
    # (a link to another article, "上一篇：宁远县人民政府常务会议纪要〔2024〕4号", quotes a title, not the site)
    chrome_text = "\n".join(c.text for c in chrome if not _ARTICLE_LINK.match(c.text))
    out = []
    for k, ln in enumerate(kept):
        nxt = kept[k + 1].text if k + 1 < len(kept) else ""
        if len(ln.text) <= 20 and not ln.text.endswith(("。", ":", "：")) and ln.text in chrome_text \
                and not any(ln.text == c.text for c in chrome) and not _DATE_OR_NUMBER.search(ln.text) \
                and not _signature(ln.text, nxt):
            chrome.append(ln)
            continue
        out.append(ln)
    return out


_HEADLINE_END = ("。", "；", ";", "：", ":", "，", ",", "！", "？", "、")
_ITEM_START = regex.compile(r"[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]|第[一二三四五六七八九十\d]{1,3}[条章节]")
_BODY_PUNCT = regex.compile(r"[。；！？]")


def _headline_like(text: str) -> bool:
    """A short line that can head an article: no sentence ending, no item label, some words."""
    return len(text) <= 60 and not text.endswith(_HEADLINE_END) and not _ITEM_START.match(text) \
        and len(regex.findall(r"\p{Han}", text)) >= 6 and not _PUBLISH_DATE.match(text)


def _stamp_line(text: str) -> bool:
    """A publish stamp ("发布时间：2024-03-05 16:20　来源：…", "2024-03-05 16:20 来源：…")."""
    return is_chrome_line(text) and (_PUBLISH_KEY.search(text) is not None
                                    or regex.match(r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}", text) is not None)


def _column_headlines(lines: List[Line]) -> List[int]:
    """Indexes of the headlines of a column page holding several articles (a county's 常务会议 series:
    "县政府召开第二十一次常务会议 / 发布时间：… / 3月4日，…主持召开…", and again for the next one).
    A headline counts when its own publish stamp follows it, or when its text opens as a meeting
    readout does (``data/readout_leads.txt``) and no sentence of text stands above the first such
    headline (a diary's or a long article's dated sections follow its title and intro: one document);
    each needs body text (sentences) before the next. An ordinary article has one: the page is split
    only at two or more."""
    chrome = [is_chrome_line(ln.text) for ln in lines]
    stamped, led = [], []
    for i, ln in enumerate(lines):
        if chrome[i] or not _headline_like(ln.text) or organ_suffix_re().search(ln.text):
            continue  # (an organ line over a date signs a document: "某市人民政府 / 2024-03-05")
        j = i + 1
        stamp = False
        while j < len(lines) and chrome[j]:
            stamp = stamp or _stamp_line(lines[j].text)
            j += 1
        if j >= len(lines):
            continue
        if stamp:
            stamped.append(i)
        elif readout_lead_re().match(lines[j].text):
            led.append(i)
    if led and any(not chrome[j] and _BODY_PUNCT.search(lines[j].text) for j in range(led[0])):
        led = []
    if led and any(i < led[0] for i in stamped):
        # a page title with its own publish stamp over dated readout sections that have none (a 镇
        # work diary: "新添镇工作日志（2025年11月） / 发布时间：… / 11月3日 / 镇党委召开… / 11月3日上午，…主持召开"):
        # the sections belong to that one article; a column page gives each readout a stamp or none
        led = []
    heads = sorted(stamped + led)
    out = []
    for k, i in enumerate(heads):
        stop = heads[k + 1] if k + 1 < len(heads) else len(lines)
        if any(not chrome[j] and _BODY_PUNCT.search(lines[j].text) for j in range(i + 1, stop)):
            out.append(i)
    return out if len(out) >= 2 else []


def segment_page(norm: Normalized) -> PageSegments:
    lines = split_lines(norm)
    chrome: List[Line] = []
    # 1. documents: split at sample headers when the page holds several of them
    headers = [i for i, ln in enumerate(lines) if is_sample_header(ln.text)]
    groups: List[tuple] = []  # (header line or None, lines)
    preamble: List[Line] = []
    if len(headers) >= 2:
        preamble = lines[:headers[0]]
        for k, h in enumerate(headers):
            stop = headers[k + 1] if k + 1 < len(headers) else len(lines)
            head, first = _split_header(lines[h])
            groups.append((head, ([first] if first else []) + lines[h + 1:stop]))
    elif len(columns := _column_headlines(lines)) >= 2:
        # a column page of several articles under their own headlines: the page's chrome above the first
        preamble = lines[:columns[0]]
        for k, h in enumerate(columns):
            groups.append((None, lines[h:columns[k + 1] if k + 1 < len(columns) else len(lines)]))
    else:
        groups.append((None, lines))
    # 2. chrome inside each document: single lines, then the tail after an end-of-article marker
    documents = []
    for header, group in groups:
        kept: List[Line] = []
        seen = set()
        cut = False
        metadata: Dict[str, MetaValue] = {}
        page_dates: List[Tuple[int, int, int]] = []
        below: List[int] = []
        for k, ln in enumerate(group):
            n_chrome = len(chrome)
            was_cut = cut
            _classify(ln, kept, chrome, seen, metadata, cut, group[k + 1].text if k + 1 < len(group) else "")
            if len(chrome) > n_chrome:
                cut = cut or (_has_body(kept) and is_tail_marker(ln.text))
                if header is None and len(kept) < 3:  # a publish time above the article
                    page_dates.extend(publish_dates(ln.text))
                elif header is None and not was_cut and _PUBLISH_KEY.search(ln.text):
                    # "发布时间：2024-04-30 19:05" printed below the text, before any related-article
                    # list (whose dates are other articles'): used only if none stands above
                    below.extend(publish_dates(ln.text))
        page_dates = page_dates or below
        kept = _drop_site_names(kept, chrome)
        if kept or header is not None:
            documents.append(DocSegment(norm, kept, header, len(documents), metadata, page_dates))
    if len(groups) > 1:
        chrome.extend(preamble)
        # the page's publish stamp above the first of several articles dates those without their own
        page_stamps = [d for ln in preamble if _stamp_line(ln.text) for d in publish_dates(ln.text)]
        for doc in documents:
            if doc.header is None and not doc.page_dates:
                doc.page_dates = list(page_stamps)
    warnings = []
    if chrome:
        warnings.append(f"boilerplate removed: {len(chrome)} lines")
    if len(documents) > 1:
        warnings.append(f"page holds {len(documents)} documents")
    return PageSegments(norm, documents, chrome, preamble, warnings)
