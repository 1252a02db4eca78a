"""Header and signature block: title, doc_type, doc_number, issuers, recipients, issue_date.

- title: the first short line that reads as a document title (ends with a document type from
  data/doc_types.txt, or holds 关于…) — or, on a single-document page, the headline; a title
  wrapped over 2–3 lines is joined; a web headline "X发布/印发关于…" / "X：关于…" gives issuer X
  and title "关于…"; a page <title>'s "_栏目_网站" suffix, a 【栏目】 tag and a site name line
  above the headline are dropped; a series header ("X公告 / 2024年第3号") yields to the 关于
  title below it; a line whose breaks were lost gives title, number and 主送 from one line.
- doc_number: a 发文字号 line near the title (机关代字〔年份〕序号号, or "2020年第1号"), or the
  number printed after the title, or the site's information table.
- recipients: the 主送 line (ends in ：; may wrap, may follow 主送：, may run into the body)
  before the body; split only where separate bodies are listed (not "X兵团民政局、教育局").
- issuers: from the title, red header, info table and organ lines of the signature block
  ("（代章）/（公章）" dropped; organ lines that segmentation set aside as a site name are read
  back); a short form of another issuer is reported once, in the full form.
- issue_date: the date of the signature block (成文日期) — also when a plan is printed in full
  below it without a 附件 head — Arabic or Chinese numerals; else a date under a document title,
  else the info table's 成文日期.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import List, Optional, Tuple

import regex

from ..records import Organ
from ..resources import doc_types, organ_suffix_re
from .common import DocContext, ner_entities
from .dates import _KEY_ABOVE, DATE_RE, DOCNUM_YEAR_RE, cn_number, _iso

_TITLE_MAX = 100
_HEADER_LINES = 10  # an information table printed one cell a line stands above the title
_SIGNATURE_LINES = 6

# the series header of a 公告/通告/令 printed on its own line above its number
_SERIES_HEAD = regex.compile(r"[\p{Han}、 ]{2,40}(?:公告|通告|令)")
DOCNUM_RE = regex.compile(
    r"(?P<num>[\p{Han}A-Za-z]{1,20}\s?[〔\[［【(（]\s?(?:19|20)\d{2}\s?[〕\]］】)）]\s?第?\s?\d{1,5}\s?号"
    r"|(?:19|20)\d{2}\s?年\s?第\s?\d{1,5}\s?号"
    r"|(?<=^[(（]?)第\s?\d{1,5}\s?号(?=[)）]?$)"  # 通告/令 numbered on their own line: （第1号）
    r"|(?<=^\s?)[〔\[［【]\s?(?:19|20)\d{2}\s?[〕\]］】]\s?第?\s?\d{1,5}\s?号(?=\s?$))"  # a 纪要's "〔2023〕第17号"
)
# a title printed with its number: "国务院关于…的通知 国发〔2024〕7号", "…的通知（国发〔2024〕7号）"
TITLE_NUM_RE = regex.compile(
    r"(?<=\S)\s*[(（]?\s?(?P<num>[\p{Han}A-Za-z]{1,20}\s?[〔\[［【(（]\s?(?:19|20)\d{2}\s?[〕\]］】)）]\s?第?\s?\d{1,5}\s?号)\s?[)）]?$")
# "X公告 2024年第10号", "X令 第777号", "X通告（第1号）" on one line
SERIES_NUM_RE = regex.compile(
    r"(?<=令|公告|通告)\s*[(（]?\s?(?P<num>(?:(?:19|20)\d{2}\s?年\s?)?第\s?\d{1,5}\s?号)\s?[)）]?$")


def _title_number(text: str):
    """The number printed at the end of a title line, as a match with group "num", or None."""
    if "关于" in text and (m := TITLE_NUM_RE.search(text)) and m.start() >= 6:
        return m
    if (m := SERIES_NUM_RE.search(text)) and m.start() >= 2:
        return m
    return None


HEADLINE_RE = regex.compile(
    r"^(?:【[^】]{1,8}】)?(?P<org>[^关于，,。:：]{2,60}?)"
    r"(?:(?P<verb>(?:联合)?(?:发布|印发|发出|下发|公布|出台|发文))\s?[:：]?\s?|\s?[:：]\s?)(?P<title>关于.{2,}|《.+》)$")


def headline(text: str):
    """A web headline "X印发《关于…》" / "X发布关于…" / "X：关于…" as a match (groups org, title),
    or None. Without a verb the part before the colon must read as an organ ("附件：《…》" is no headline)."""
    m = HEADLINE_RE.match(text)
    if m and not m.group("verb"):
        org = m.group("org").strip()
        if not (is_organ(org) or all(is_organ(p) for p in _split_joint(org))):
            return None
    return m
_TAG_RE = regex.compile(r"^【[^】]{1,8}】\s?(?=\S{6})")  # "【政策】国务院办公厅关于…": a site's column tag
_AND_OTHERS = regex.compile(r"等\s?(?:[\d一二三四五六七八九十两]{1,3}\s?个?)?(?:部门|部委|单位|机构|家单位)$")
ISSUED_AS_RE = regex.compile(r"^(?P<org>[^，,。《关]{2,40}?)(?:第?\d{1,4}号)?(?:令|公告|通告)$")
FORMAL_RE = regex.compile(r"^(?P<org>[^，,。《]{2,60}?)关于.{2,}$")
SEAL_RE = regex.compile(r"[(（](?:代章|盖章|印章|公章|签章|章|印)[)）]$")
_PUNCT_END = ("。", "；", ";", "！", "？", "，", ",")
_TRAILING = "”\"'》」』)）"
_TITLE_WORDS = regex.compile(r"(?:组长|副组长|成员|主任|副主任|书记|委员|主席|部长|局长|联系人|电话|地址)$")


@dataclass
class Header:
    title: Optional[str] = None
    title_span: Optional[Tuple[int, int]] = None
    doc_type: Optional[str] = None
    doc_number: Optional[str] = None
    doc_number_span: Optional[Tuple[int, int]] = None
    issuers: List[Organ] = field(default_factory=list)
    recipients: List[Organ] = field(default_factory=list)
    issue_date: Optional[str] = None
    body_start: int = 0   # normalised offset where the body (measures) begins
    body_end: int = 0     # normalised offset where the signature block begins
    year_hints: List[int] = field(default_factory=list)


_EDITION = regex.compile(r"[(（](?:试行|暂行|修订|修正|草案|征求意见稿|送审稿|全文|附全文|摘要|节选|(?:19|20)\d{2}\s?[-—–~～至]\s?(?:19|20)?\d{2}\s?年?|(?:(?:19|20)\d{2}年)?修订版?|(?:19|20)\d{2}年(?:修订|修正|版)?)[)）]$")


def doc_type_of(title: str) -> Optional[str]:
    t = _EDITION.sub("", title.rstrip("”\"'》」』")).rstrip(_TRAILING)  # 办法（试行） is a 办法
    for word in doc_types():
        if t.endswith(word):
            return word
    return None


def is_organ(text: str) -> bool:
    text = SEAL_RE.sub("", text).strip()
    return 2 <= len(text) <= 60 and not any(p in text for p in "。，,；;：:") and organ_suffix_re().search(text) is not None


def _title_like(text: str, formal_only: bool) -> bool:
    if len(text) > _TITLE_MAX or text.endswith(_PUNCT_END) or text.endswith((":", "：")):
        return False
    if DATE_RE.fullmatch(text) or DOCNUM_RE.fullmatch(text):
        return False
    typed = _ends_with_type(text) or (doc_type_of(text) is not None and headline(text) is not None)
    formal = typed and ("关于" in text or len(text) <= 40)
    if formal:
        return True
    return not formal_only and len(text) <= 60 and "。" not in text and len(regex.findall(r"\p{Han}", text)) >= 4


def extract_header(ctx: DocContext) -> Header:
    doc = ctx.doc
    lines = doc.lines
    h = Header(body_start=doc.start, body_end=doc.end)
    if not lines:
        return h
    multi = doc.header is not None  # one of several documents on a page: only formal titles count
    i = 0
    title_text = None
    consumed = 0
    # --- title: a formal title among the first lines, else the page's headline ---
    k_title, n_title = _find_title(lines, multi)
    m = _COLLAPSED.match(lines[0].text) if not multi else None
    if k_title is None and not multi and _collapsed_notice(h, ctx, lines[0]):
        i = -1  # a notice whose line breaks were lost: title, number and 主送 read from one line
    elif k_title is None and m:
        # a title run into the body: "…的思考1.本文概述…"
        ln = lines[0]
        h.title, h.title_span = m.group("title"), ctx.loc(ln.start, ln.start + m.end("title"))["span"]
        h.doc_type = doc_type_of(h.title)
        h.body_start = ln.start + m.end("title")
        i = -1
    elif k_title is not None:
        _set_title(h, ctx, _Joined(lines[k_title:k_title + n_title]))
        consumed = k_title + n_title
        title_text = "".join(x.text for x in lines[k_title:consumed])
        _red_header(h, ctx, lines[:k_title])
        _table_by_lines(h, ctx, lines[:k_title + n_title + 3])
    if i != -1:
        # --- doc number, recipients: the lines right after the title ---
        j = consumed
        while j < min(len(lines), consumed + 4):
            text = lines[j].text
            m = DOCNUM_RE.search(text)
            if m and len(text) <= 40 and (h.doc_number is None or h.doc_number == m.group("num").replace(" ", "")):
                h.doc_number = m.group("num").replace(" ", "")
                h.doc_number_span = ctx.loc(lines[j].start + m.start("num"), lines[j].start + m.end("num"))["span"]
                j += 1
                continue
            if _date_line(text) and len(text) <= 20:
                if h.issue_date is not None:
                    j += 1
                    continue
                if (h.doc_type or text.startswith(("(", "（"))) and not _KEY_ABOVE.search(
                        ctx.norm.text, max(0, lines[j].start - 16), lines[j].start):  # not 发布日期：/ 2024年…
                    h.issue_date = _date_line(text)  # under a news headline: its publish date
                j += 1
                continue
            if title_text and text == title_text and j > consumed - 1:
                j += 1  # the title printed again below the site's information table
                continue
            if title_text and j + 1 < len(lines) and len(text) < len(title_text) \
                    and text + lines[j + 1].text == title_text:
                j += 2  # … and again wrapped on two lines
                continue
            if (m := _ADOPTION_NOTE.fullmatch(text)) and h.issue_date is None:
                # "（2024年6月27日福州市第十六届人民代表大会常务委员会第二十次会议通过）": adopted that day by that body
                h.issue_date = _date_line(m.group("date"))
                org = _SESSION_NO.sub("", m.group("org"))
                if is_organ(org) and not h.issuers:
                    a = lines[j].start + m.start("org")
                    h.issuers.append(Organ(name=org, **ctx.loc(a, lines[j].start + m.end("org"))))
                j += 1
                continue
            if h.doc_number is None and j + 1 < len(lines) and _SERIES_HEAD.fullmatch(text) \
                    and DOCNUM_RE.fullmatch(lines[j + 1].text.strip()):
                j += 1  # "X公告" / "2024年第3号" under a web headline: the number is the document's
                if (m := ISSUED_AS_RE.match(text)) and is_organ(m.group("org")):  # and so is X, in full
                    _add_issuers(h, ctx, lines[j - 1].start, text, m.group("org"))
                continue
            if not h.recipients and (got := _recipients_at(lines, j)):
                rec, n = got
                h.recipients = _split_recipients(ctx, rec, rec.text)
                if n == 0:  # "各区人民政府：现将…" (line breaks lost): the body starts after the colon
                    h.body_start = rec.lines[-1].end + 1
                    i = -2
                j += n
                break
            break
        if i != -2:
            h.body_start = lines[j].start if j < len(lines) else doc.end
    # --- signature block: organ lines and a date line at the end ---
    sig_lines = _with_dropped_organs(ctx, lines)
    stop = _attachment_start(sig_lines, h.body_start)  # the signature stands before attachments
    sig_issuers, sig_date, sig_start = _scan_signature(ctx, sig_lines, stop, h.body_start)
    if sig_start is None and (h.recipients or "关于" in (h.title or "")) \
            and (anchor := _signature_anchor(sig_lines, h.body_start, stop)) is not None:
        # "国务院办公厅 / 2022年5月4日 / 新污染物治理行动方案 / 一、…": the plan printed in full with no 附件 head
        stop = anchor + 1
        sig_issuers, sig_date, sig_start = _scan_signature(ctx, sig_lines, stop, h.body_start)
    if sig_start is None and (above := _distribution_start(sig_lines, h.body_start, stop)) < stop:
        # "…办公室 / 2024年3月20日 / 发送：… / 抄送：… / …2024年3月20日印发": the signature above the 版记
        stop = above
        sig_issuers, sig_date, sig_start = _scan_signature(ctx, sig_lines, stop, h.body_start)
    if sig_start is None and sig_lines and (tail := _collapsed_signature(ctx, sig_lines[stop - 1] if stop else None)):
        sig_issuers, sig_date, sig_start = tail
    if sig_start is not None:
        h.body_end = sig_start
    if sig_date and (sig_issuers or h.doc_type):  # a lone date closing a news story is no 成文日期
        h.issue_date = sig_date  # the signed date, over a date under the title
    if stop < len(sig_lines):
        h.body_end = doc.end  # an attached plan's numbered items are measures of the page's document
    _apply_metadata(h, ctx)
    h.issuers = _merge_issuers(h.issuers + sig_issuers)
    if h.doc_number and (m := DOCNUM_YEAR_RE.search(h.doc_number)):
        h.year_hints.append(int(m.group(1)))
    elif h.doc_number and (m := regex.match(r"((?:19|20)\d{2})年", h.doc_number)):
        h.year_hints.append(int(m.group(1)))
    if h.issue_date:
        h.year_hints.append(int(h.issue_date[:4]))
    return h


def _about_title(lines, k: int) -> Optional[Tuple[int, int]]:
    """The first formal 关于 title among the header lines from ``k``."""
    for j in range(k, min(_HEADER_LINES, len(lines))):
        n = _wrapped(lines, j)
        text = "".join(x.text for x in lines[j:j + n])
        if "关于" in text and _title_like(text, formal_only=True):
            return j, n
    return None


def _titled_below(lines, k: int, doc_type: Optional[str]) -> Optional[Tuple[int, int]]:
    """"国家税务总局公告 / 2024年第3号 / 国家税务总局关于…的公告": the series header above is
    not the title; the 关于 line of the same type below it is."""
    for j in range(k, min(k + 2, len(lines))):
        text = lines[j].text
        if DOCNUM_RE.search(text) and len(text) <= 40:
            continue
        n = _wrapped(lines, j)
        joined = "".join(x.text for x in lines[j:j + n])
        if "关于" in joined and doc_type_of(joined) == doc_type and _title_like(joined, formal_only=True):
            return j, n
        return None
    return None


class _Joined:
    """A title written over one or more lines (a long title wraps): ``text`` is the lines
    joined without the breaks; ``at(i)`` maps an index of ``text`` to a normalised offset."""

    def __init__(self, lines):
        self.lines = list(lines)
        self.text = "".join(ln.text for ln in self.lines)
        self.start = self.lines[0].start

    def at(self, i: int) -> int:
        for ln in self.lines:
            if i < len(ln.text):
                return ln.start + i
            i -= len(ln.text)
        return self.lines[-1].end + i

    def span(self, a: int, b: int) -> Tuple[int, int]:
        """Normalised (start, end) of ``text[a:b]``."""
        return self.at(a), self.at(b - 1) + 1 if b > a else self.at(a)


_WRAP_MAX = 3
_ITEM_LABEL = regex.compile(r"[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．]|第[一二三四五六七八九十]{1,3}[条章]")
_CONT_START = ("的", "《", "“", "\"", "（", "(", "暨", "和", "及", "与")


def _wrapped(lines, k: int) -> int:
    """How many lines from ``k`` make one title: a long title wraps onto the next line
    ("国务院办公厅关于进一步优化支付服务提升支付便利性" / "的意见"). The lines join when the
    first does not end a title by itself (no type word at its end, or the next line opens
    with 的/《/“), and the joined text ends with a document type."""
    first = lines[k].text
    if first.endswith(_PUNCT_END) or first.endswith((":", "：")) or RED_HEADER_RE.match(first) \
            or len(first) < 4 or DOCNUM_RE.search(first) or _date_line(first) or "_" in first:
        return 1
    text, n = first, 1
    while n < _WRAP_MAX and k + n < len(lines):
        nxt = lines[k + n].text
        if len(nxt) > 50 or nxt.endswith(_PUNCT_END) or nxt.endswith((":", "：")) or _date_line(nxt) \
                or DOCNUM_RE.search(nxt) or ("关于" in nxt and "关于" in text) or headline(nxt) \
                or _ITEM_LABEL.match(nxt) or nxt.startswith(first):
            break  # (a banner "长沙市公安局" over "长沙市公安局关于…的通告" is no first half of it)
        joined = text + nxt
        if len(joined) > _TITLE_MAX:
            break
        if doc_type_of(text) is not None and not nxt.startswith(_CONT_START):
            break  # the line is a whole title already
        if headline(joined) or (_ends_with_type(joined) and (
                "关于" in first or nxt.startswith("的") or _organ_line(first))):
            return n + 1
        if doc_type_of(nxt) is not None:
            break  # the next line ends a title that is not a continuation of this one
        text, n = joined, n + 1
    return 1


def _ends_with_type(text: str) -> bool:
    """The text itself ends with a document type ("…的意见", "…办法（试行）"), not a quotation
    that does ("审议通过《…的意见》" is a headline about a document)."""
    return not text.endswith(("》", "”", "\"", "」", "』")) and doc_type_of(text) is not None


def _find_title(lines, multi: bool) -> Tuple[Optional[int], int]:
    """(index of the title's first line, number of lines it spans) or (None, 1)."""
    for k, ln in enumerate(lines[:_HEADER_LINES]):
        n = _wrapped(lines, k)
        text = "".join(x.text for x in lines[k:k + n])
        text = text[:num.start()] if (num := _title_number(text)) else text
        if not _title_like(text, formal_only=True):
            continue
        nxt = lines[k + n].text if k + n < len(lines) else ""
        if k == 0 or n > 1 or "关于" in text or headline(text) or DOCNUM_RE.search(nxt[:40]) \
                or nxt.endswith((":", "：")) or _date_line(nxt):
            if (ISSUED_AS_RE.match(text) or ("关于" not in text and DOCNUM_RE.fullmatch(nxt.strip()))) \
                    and (later := _titled_below(lines, k + n, doc_type_of(text))):
                return later  # a series header or a masthead ("X专题会议纪要 / 〔2023〕第17号 / 关于…的会议纪要")
            if k == 0 and len(text) <= 8 and "关于" not in text and (later := _about_title(lines, 1)):
                return later  # "通知公告" / "政府公告": the site's column name above the title
            return k, n
    if multi:
        return None, 1
    # a site's name, or an organ's name alone (the banner "望奎县人民政府"), over the headline
    k0 = 1 if len(lines) > 1 and (_SITE_NAME.match(lines[0].text) or is_organ(lines[0].text)) \
        and _title_like(lines[1].text, False) else 0
    if _title_like(lines[k0].text, formal_only=False):
        head = _SITE_SUFFIX.sub("", lines[k0].text)
        if head != lines[k0].text:  # "标题_滚动新闻_中国政府网": the headline printed again below
            for k, ln in enumerate(lines[k0 + 1:_HEADER_LINES], k0 + 1):
                if ln.text == head:
                    return k, 1
        return k0, 1
    return None, 1


# a site's name above the headline: "中国政府网", "某某市人民政府门户网站", "人民网"
_SITE_NAME = regex.compile(r"^.{1,12}(?:网|网站|门户|客户端|频道|在线|官网)$")


# a page's <title>: "headline_column_site" / "headline - site" / "headline|site"
_SITE_SUFFIX = regex.compile(
    r"(?:\s?[_|｜]\s?|\s[-–—]\s)[^_|｜]{2,30}(?:(?:\s?[_|｜]\s?|\s[-–—]\s)[^_|｜]{2,30}){0,3}$"
    r"|[-－][^-－_|｜\s]{1,12}(?:网|网站|文库|门户|平台|在线|官网)$")


def _collapsed_notice(h: Header, ctx: DocContext, ln) -> bool:
    """"国务院办公厅关于…的意见国办发〔2021〕8号各省、自治区…：为贯彻…" (one line): the title
    ends at a document type followed by the number or the 主送 line, and holds 关于."""
    text = ln.text
    if len(text) <= _TITLE_MAX:
        return False
    for m in _TYPE_END_RE().finditer(text[:_TITLE_MAX + 10]):
        end = m.end()
        title = text[:end]
        if "关于" not in title or title.count("《") != title.count("》"):
            continue
        pos = end
        skip = regex.match(r"\s*", text[pos:pos + 8]).end()  # "…的通知 临应急发〔2024〕15号 各县…"
        num = DOCNUM_RE.match(text, pos + skip)
        if num and num.group("num"):
            pos = num.end()
        rec = _RUN_ON_RECIPIENTS.match(text, pos)
        if not (rec and _recipient_line(rec.group("rec"))) and not num:
            continue
        _set_title(h, ctx, _Joined([_cut(ln, 0, end)]))
        if num:
            h.doc_number = num.group("num").replace(" ", "")
            h.doc_number_span = ctx.loc(ln.start + num.start("num"), ln.start + num.end("num"))["span"]
        if rec and _recipient_line(rec.group("rec")):
            h.recipients = _split_recipients(ctx, _Joined([_cut(ln, rec.start("rec"), rec.end("rec"))]), rec.group("rec"))
            pos = rec.end()
        h.body_start = ln.start + pos
        return True
    return False


@lru_cache(maxsize=None)
def _TYPE_END_RE():
    return regex.compile("(?:" + "|".join(map(regex.escape, doc_types())) + ")")


_RUN_ON_RECIPIENTS = regex.compile(r"(?P<rec>[^:：。，,]{2,40}(?:[,，;；][^:：。]{2,60}){0,4}?)[:：]")
_TAIL_SIGNATURE = regex.compile(  # after a sentence, or after a space (an inline 附件 list: "…2.检查情况统计表 临沂市应急管理局 2024年3月8日")
    r"(?:(?<=[。！；;!])(?P<org>[^。！；;，,：:]{2,40}?)|(?<=\s)(?P<org>[^\s。！；;，,：:]{2,40}?))\s?(?P<date>(?:19|20)\d{2}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日"
    r"|[〇○零一二三四五六七八九0O]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)$")


def _collapsed_signature(ctx: DocContext, ln):
    """"…各地要抓好落实。国务院办公厅2021年4月20日" (a signature run onto the last sentence)."""
    if ln is None or (m := _TAIL_SIGNATURE.search(ln.text[-80:])) is None:
        return None
    off = max(0, len(ln.text) - 80)
    org = m.group("org").strip()
    if not _organ_line(org):
        return None
    start = ln.start + off + m.start("org")
    return _signature_organs(ctx, start, m.group("org")), _date_line(m.group("date")), start


def _scan_signature(ctx: DocContext, lines, stop: int, body_start: int):
    """Organ lines and the date line right above ``lines[stop]``, read upwards:
    (issuers, 成文日期 or None, normalised start of the block or None when there is none)."""
    issuers: List[Organ] = []
    date = None
    start = None
    k = stop - 1
    lo = max(0, stop - _SIGNATURE_LINES)
    while k >= lo and lines[k].start >= body_start:
        ln = lines[k]
        text = ln.text
        d = _date_line(text)
        m = SIGNED_DATE_RE.match(text)
        if d:
            date = date or d
        elif m and is_organ(m.group("org").strip()) and _date_line(m.group("date")):
            date = date or _date_line(m.group("date"))
            issuers[:0] = _signature_organs(ctx, ln.start, m.group("org").rstrip())
        elif _organ_line(text):
            issuers[:0] = _signature_organs(ctx, ln.start, text)
        elif orgs := model_organs(ctx, ln.start, text):
            issuers[:0] = orgs
        else:
            break
        start = ln.start
        k -= 1
    return issuers, date, start


@lru_cache(maxsize=1)
def _distribution_re():
    """``data/distribution_lines.txt``: the lines of a 版记 (抄送：…, X办公室 2024年3月20日印发)."""
    from ..resources import data_lines
    return regex.compile("|".join(f"(?:{p})" for p in data_lines("distribution_lines.txt")))


def _distribution_start(lines, body_start: int, stop: int) -> int:
    """Index of the first line of the 版记 that ends the document above ``lines[stop]`` (``stop`` if none)."""
    k = stop
    while k > 0 and lines[k - 1].start > body_start and _distribution_re().match(lines[k - 1].text):
        k -= 1
    return k


# a 题注 under the title: the day and the body that adopted it ("（2024年6月27日福州市第十六届人民代表大会
# 常务委员会第二十次会议通过）"); the body's name is given without its 届 ("第十六届")
_ADOPTION_NOTE = regex.compile(
    r"[(（]\s*(?P<date>(?:19|20)\d{2}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日)\s*"
    r"(?P<org>\p{Han}{2,40}?)第[一二三四五六七八九十百\d]{1,4}次(?:全体)?会议(?:审议)?(?:通过|批准|决定)\s*[)）]")
_SESSION_NO = regex.compile(r"第[一二三四五六七八九十百\d]{1,4}届")


def _organ_line(text: str) -> bool:
    return is_organ(text) or all(is_organ(p) for p in _split_signature(text))


def _signature_anchor(lines, body_start: int, stop: int) -> Optional[int]:
    """Index of the date line of a signature block followed by more text (an attached plan
    printed in full without a 附件 head): the first full-date line right below an organ line."""
    for k in range(1, stop - 1):
        if lines[k - 1].start >= body_start and _date_line(lines[k].text) and _organ_line(lines[k - 1].text):
            return k
    return None


def _with_dropped_organs(ctx: DocContext, lines):
    """``lines`` plus organ-only lines inside the document that segmentation set aside as a
    site name (the signature "国务院办公厅" also printed in the site's information table or
    in a footer such as "国务院办公厅 2024年5月20日印发"). Chrome and info-table lines stay out."""
    from ..resources import metadata_re
    from ..segment import Line, is_chrome_line

    doc = ctx.doc
    if not lines:
        return lines
    have = {ln.start for ln in lines}
    text = ctx.norm.text
    extra = []
    pos = doc.start
    for raw in text[doc.start:doc.end].split("\n"):
        a = pos + len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        pos += len(raw) + 1
        if not stripped or a in have or len(stripped) > 60:
            continue
        if is_chrome_line(stripped) or metadata_re().match(stripped) or not _organ_line(stripped):
            continue
        extra.append(Line(a, a + len(stripped), stripped))
    if not extra:
        return lines
    return sorted(list(lines) + extra, key=lambda ln: ln.start)


ATTACHMENT_HEAD_RE = regex.compile(r"^附\s?件\s?[\d一二三四五六七八九十]{0,2}\s?[:：]?$")


def _attachment_start(lines, body_start: int) -> int:
    """Index of the line that opens an attachment printed in full after the signature ("附件1")."""
    for k, ln in enumerate(lines):
        if ln.start > body_start and ATTACHMENT_HEAD_RE.match(ln.text):
            return k
    return len(lines)


RED_HEADER_RE = regex.compile(r"^(?P<org>.{2,40}?)\s?文件$")


def _red_header(h: Header, ctx: DocContext, before) -> None:
    """Lines above the title of an official layout: "国务院办公厅文件" (发文机关标志), the 发文字号."""
    for ln in before:
        m = DOCNUM_RE.search(ln.text)
        if m and len(ln.text) <= 40 and h.doc_number is None:
            h.doc_number = m.group("num").replace(" ", "")
            h.doc_number_span = ctx.loc(ln.start + m.start("num"), ln.start + m.end("num"))["span"]
            continue
        m = RED_HEADER_RE.match(ln.text)
        if m and is_organ(m.group("org")):
            _add_issuers(h, ctx, ln.start, ln.text, m.group("org"))


def _table_by_lines(h: Header, ctx: DocContext, head) -> None:
    """An information table printed one cell a line ("成文日期：" / "2022年05月04日"): the key line
    is set aside as chrome, its value stays a line; read the value by the key above it."""
    from ..resources import metadata_keys

    keys = metadata_keys()
    text = ctx.norm.text
    for ln in head:
        a = text.rfind("\n", 0, max(0, ln.start - 1))
        above = regex.sub(r"\s+", "", text[a + 1:ln.start])
        if not above.endswith((":", "：")) or len(above) > 12:
            continue
        field = keys.get(above[:-1])
        if field == "issue_date" and h.issue_date is None:
            h.issue_date = _date_line(ln.text)
        elif field == "doc_number" and h.doc_number is None and (m := DOCNUM_RE.search(ln.text)):
            h.doc_number = m.group("num").replace(" ", "")
            h.doc_number_span = ctx.loc(ln.start + m.start("num"), ln.start + m.end("num"))["span"]
        elif field == "issuer" and _organ_line(ln.text):
            _add_issuers(h, ctx, ln.start, ln.text, ln.text)


def _apply_metadata(h: Header, ctx: DocContext) -> None:
    """Fill what the site's information table states and the text did not (发文机关, 成文日期, …)."""
    meta = ctx.doc.metadata
    if "title" in meta and h.title is None:
        v = meta["title"]
        h.title, h.title_span = v.value, ctx.loc(v.start, v.end)["span"]
        h.doc_type = doc_type_of(v.value)
    if "doc_number" in meta and h.doc_number is None:
        v = meta["doc_number"]
        h.doc_number, h.doc_number_span = v.value.replace(" ", ""), ctx.loc(v.start, v.end)["span"]
    if "issue_date" in meta and h.issue_date is None:
        h.issue_date = _date_line(meta["issue_date"].value)
    if "issuer" in meta:
        v = meta["issuer"]
        _add_issuers(h, ctx, v.start, v.value, v.value)


_COLLAPSED = regex.compile(r"^(?P<title>[^。，,；;：:!?！？]{6,60}?)(?=(?:1[.．、]|一、)[\p{Han}])")


def _set_title(h: Header, ctx: DocContext, ln: "_Joined") -> None:
    if (tag := _TAG_RE.match(ln.text)) and ln.lines:
        first = ln.lines[0]
        ln = _Joined([_cut(first, tag.end(), len(first.text))] + ln.lines[1:])
    if len(ln.lines) == 1 and regex.fullmatch(r"《[^《》]{4,}》", ln.text):  # a headline in 《》: the title inside
        ln = _Joined([_cut(ln.lines[0], 1, len(ln.text) - 1)])
    text, start = ln.text, ln.start
    m = headline(text)
    if m:
        org = m.group("org").strip()
        org = org[:_AND_OTHERS.search(org).start()] if _AND_OTHERS.search(org) else org  # 工信部等十部门
        if is_organ(org) or all(is_organ(p) for p in _split_joint(org)):
            _add_issuers(h, ctx, ln, text, org)
        else:
            h.issuers.extend(model_organs(ctx, ln.at(m.start("org")), org))
        a, b = m.span("title")
        if text[a] == "《" and text[b - 1] == "》":  # 印发《关于…的意见》: the title is the inner one
            a, b = a + 1, b - 1
        h.title = text[a:b]
        h.title_span = ctx.loc(*ln.span(a, b))["span"]
    else:
        if (cut := _SITE_SUFFIX.search(text)) and cut.start() >= 6:
            text = text[:cut.start()]
        if num := _title_number(text):
            if h.doc_number is None:
                h.doc_number = num.group("num").replace(" ", "")
                h.doc_number_span = ctx.loc(*ln.span(*num.span("num")))["span"]
            text = text[:num.start()]
        h.title = text
        h.title_span = ctx.loc(*ln.span(0, len(text)))["span"]
        if (m := ISSUED_AS_RE.match(text)) and is_organ(m.group("org")):  # 国家税务总局公告, X指挥部通告
            _add_issuers(h, ctx, ln, text, m.group("org"))
        m = FORMAL_RE.match(text)
        if m and is_organ(m.group("org")):
            _add_issuers(h, ctx, ln, text, m.group("org"))
        elif m:
            h.issuers.extend(model_organs(ctx, start, m.group("org")))
    h.doc_type = doc_type_of(h.title)


def _add_issuers(h: Header, ctx: DocContext, start, text: str, org: str) -> None:
    """Issuers named in ``org`` (a part of ``text``); ``start`` is the normalised offset of
    ``text`` or a ``_Joined`` that maps its indexes."""
    pos = 0
    for part in _split_joint(org):
        a = text.index(part, pos)
        pos = a + len(part)
        span = start.span(a, pos) if isinstance(start, _Joined) else (start + a, start + pos)
        h.issuers.append(Organ(name=part, **ctx.loc(*span)))


SIGNED_DATE_RE = regex.compile(r"^(?P<org>.{2,60}?)\s+(?P<date>(?:19|20)\d{2}\s?年.{3,8}日|(?:[〇○零一二三四五六七八九]{4}|二[0O〇○零][〇○零0O一二三四五六七八九]{2})年.{2,6}日)$")


def _split_signature(text: str) -> List[str]:
    return [p for p in regex.split(r"\s{2,}|、|\s(?=\S{2,}(?:部|委|局|厅|院|办公室|政府)$)", text) if p]


def _signature_organs(ctx: DocContext, start: int, text: str) -> List[Organ]:
    parts = _split_signature(text) if not is_organ(text) or regex.search(r"\s{2,}", text) else [text]
    if len(parts) == 1 and len(spaced := [SEAL_RE.sub("", p) for p in regex.split(r"\s+|、", text) if p]) > 1 \
            and all(is_organ(p) for p in spaced):
        parts = spaced  # "教育部 国家卫生健康委": one space between joint signers
    out = []
    pos = 0
    for part in parts:
        name = SEAL_RE.sub("", part).strip()
        if not is_organ(name):
            continue
        a = text.index(name, pos)
        pos = a + len(name)
        out.append(Organ(name=name, **ctx.loc(start + a, start + a + len(name))))
    return out


_NOT_AN_ORGAN_LINE = regex.compile(r"[。，,；;：:！？!?《》“”\d]")


def model_organs(ctx: DocContext, start: int, text: str) -> List[Organ]:
    """Organs in ``text`` (at normalised offset ``start``) by the NER model, for a place where
    an organ is expected (signature line, title prefix) but the organ-suffix rule did not
    recognise one (共青团中央, 全国妇联, 中国残联, foreign bodies). The text is split at spaces
    and 、 (joint signatures); each part must be covered by the model's ORG entities, or
    nothing is returned. [] as well when the model is unavailable."""
    name = SEAL_RE.sub("", text).rstrip()
    if not 2 <= len(name) <= 60 or _NOT_AN_ORGAN_LINE.search(name) or _date_line(name):
        return []
    parts = [(m.start(), m.group()) for m in regex.finditer(r"[^\s、]+", name)]
    got = ner_entities([p for _, p in parts], labels=("ORG",))
    if not got:
        return []
    out = []
    for (off, part), ents in zip(parts, got):
        if sum(b - a for a, b, _ in ents) != len(part):
            return []
        out.extend(Organ(name=part[a:b], **ctx.loc(start + off + a, start + off + b))
                   for a, b, _ in sorted(ents))
    return out


def _split_joint(org: str) -> List[str]:
    """"教育部、财政部" → two issuers; a name that is one organ stays whole."""
    for sep in (r"[、,，]|\s+", r"[、,，]|\s+|[和及与]"):  # "国家卫健委和国家中医药局" (工业和信息化部 stays whole)
        parts = [p for p in regex.split(sep, org) if p]
        if len(parts) > 1 and all(is_organ(p) for p in parts):
            return parts
    return [org]


def _date_line(text: str) -> Optional[str]:
    t = text.strip("()（） ")
    m = DATE_RE.fullmatch(t)
    if not m:
        return None
    if m.group("full"):
        return _iso(cn_number(m.group("y")), cn_number(m.group("m")), cn_number(m.group("d")))
    if m.group("iso"):
        return _iso(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    return None


_REGION_ONLY = regex.compile(r"^(?:各)?(?:省|自治区|直辖市|市|县|区|州|盟|旗|乡|镇|地|市州|县市区|计划单列市|副省级城市)$")


def _recipient_line(text: str) -> bool:
    if len(text) > 200 or "。" in text or _TITLE_WORDS.search(text) or text.startswith("各位"):
        return False  # "各位代表：" opens a speech
    return text.startswith("各") or is_organ(regex.split(r"[,，;；]", text)[-1].strip())


ZHUSONG_RE = regex.compile(r"^主送(?:单位|机关)?\s?[:：]\s?")


def _recipients_at(lines, j: int):
    """The 主送 line at ``lines[j]`` as (``_Joined`` of the recipients' text, lines used), or None:
    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：", the same wrapped over two lines,
    or "主送：各处室、各直属单位"."""
    ln = lines[j]
    if (m := ZHUSONG_RE.match(ln.text)) and len(ln.text) > m.end():
        rec = _Joined([_cut(ln, m.end(), len(ln.text.rstrip(":：")))])
        return (rec, 1) if _recipient_line(rec.text) else None
    for n in (1, 2):
        if j + n > len(lines):
            break
        part = lines[j:j + n]
        text = "".join(x.text for x in part)
        if any(x.text.endswith(_PUNCT_END[:3]) or x.text.endswith((":", "：")) for x in part[:-1]):
            break
        if n == 2 and ("关于" in part[0].text or _ends_with_type(part[0].text)):
            break  # a title above the 主送 line is not part of it
        if text.endswith((":", "：")):
            if _recipient_line(text[:-1]):
                return _Joined(part[:-1] + [_cut(part[-1], 0, len(part[-1].text) - 1)]), n
            break
    # the 主送 line run into the body: "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：经国务院同意，…"
    m = regex.match(r"(?P<rec>[^:：。]{2,120}?)[:：](?=\S)", ln.text)
    if m and m.end() < len(ln.text) and (m.group("rec").startswith("各") or _organ_line(m.group("rec"))) \
            and _recipient_line(m.group("rec")) and not ZHUSONG_RE.match(ln.text):
        return _Joined([_cut(ln, 0, m.end("rec"))]), 0
    return None


def _cut(ln, a: int, b: int):
    """``ln`` narrowed to ``ln.text[a:b]``."""
    return type(ln)(ln.start + a, ln.start + b, ln.text[a:b])


def _split_recipients(ctx: DocContext, start, text: str) -> List[Organ]:
    out = []
    pos = 0
    for chunk in _split_outside_parens(text, ",，;；"):
        pieces = _place_prefixes_joined(_split_outside_parens(chunk, "、"))
        if len(pieces) > 1 and all(is_organ(p) and not _REGION_ONLY.match(p) for p in pieces):
            parts = pieces
        else:
            parts = [chunk]
        for p in parts:
            p = p.strip()
            if not p:
                continue
            a = text.index(p, pos)
            pos = a + len(p)
            span = start.span(a, pos) if isinstance(start, _Joined) else (start + a, pos + start)
            out.append(Organ(name=p, **ctx.loc(*span)))
    return out


def _place_prefixes_joined(pieces: List[str]) -> List[str]:
    """"各省、自治区、直辖市教育厅（教委）、财政厅（局）": the places enumerated before the first body
    ("各省", "自治区", "直辖市…", no organ of their own) belong to it; every body after is separate
    (教育厅, 财政厅 — "新疆生产建设兵团教育局、财政局" is two recipients too)."""
    out: List[str] = []
    carry = ""
    for p in pieces:
        if not is_organ(p) or _REGION_ONLY.match(p):
            carry += p + "、"
            continue
        out.append(carry + p)
        carry = ""
    if carry:
        out.append(carry[:-1])
    return out


def _split_outside_parens(text: str, seps: str) -> List[str]:
    out, depth, cur = [], 0, []
    for ch in text:
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        if ch in seps and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out


_STATE_PREFIXES = ("中华人民共和国", "中国")


_PLACE_DROPPED = regex.compile(r"(?:省|市|县|区|州|自治区|自治州|盟|旗)\p{Han}{2,}")


def is_short_form(short: str, full: str) -> bool:
    """国务院联防联控机制 is a short form of 国务院应对…联防联控机制: same head, same tail, in order."""
    if len(short) >= len(full):
        return False
    if full.endswith(short) and full[:len(full) - len(short)] in _STATE_PREFIXES and len(short) >= 2:
        return True  # 财政部 for 中华人民共和国财政部
    for f in (full, full.replace("人民政府", "政府")):  # 省政府办公厅 for 江西省人民政府办公厅 too
        if f.endswith(short) and _PLACE_DROPPED.match(short) and regex.fullmatch(r"\p{Han}{2,6}", f[:len(f) - len(short)]):
            return True  # 省人民政府办公厅 for 河北省人民政府办公厅, 市政府 for 北京市政府 (a site's own province/city)
    if len(short) < 4:
        return False
    tail = 2
    if full.endswith("委员会") and short.endswith("委") and not short.endswith("党委"):
        full, tail = full[:-3] + "委", 1  # 国家卫生健康委 / 国家卫健委 / 国家发改委 for …委员会
    if short == full:
        return True
    if short[:2] != full[:2] or short[-tail:] != full[-tail:]:
        return False
    it = iter(full)
    return all(c in it for c in short)


def _merge_issuers(issuers: List[Organ]) -> List[Organ]:
    out: List[Organ] = []
    for org in issuers:
        if any(o.name == org.name or is_short_form(org.name, o.name) for o in out):
            continue
        out = [o for o in out if not is_short_form(o.name, org.name)]
        out.append(org)
    return out
