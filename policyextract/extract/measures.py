"""Measures: the numbered items of the body, as a tree.

Levels: 1 一、  2 （一）  3 1. / 1、  4 （1）. Floating enumerations 一是/二是 and 第一，/第二，
take the level where they appear: inside a numbered item's paragraph (or under its bare heading
line) one deeper than that item, otherwise 1; a 一是 list inside a 第一， paragraph is its child.
Labels count at the start of a line, or after a sentence end or colon (。；！？：) — pages whose
line breaks were lost still yield their items; without one, only the next number of a running
sequence, a first child right after its parent's bare heading ("一、严格落实防控措施一是…"), and a
readout's "…，一是…，二是…" count. Numerals listed in a sentence (一、二级, 第3、4季度, 第一、二季度,
一是一、二是二) and references (按照（一）项) are no labels.
``heading`` is the lead phrase up to the first 。；： when the item opens with one; it is omitted
for single-sentence items. A bare heading that ran into its body ("一、高度重视安全生产 各乡镇要…",
"1.本文概述在《…》一文中，…") ends at the space or at a phrase that only opens sentences.
A section title run straight into its body ends at a title word (data/heading_ends.tsv:
"1.…的研究背景改善农村…", "6.结论与展望农村…", "10.结论与展望医院感染防控的重要性：…"). A section head
after a sentence end (data/section_breaks.txt: "…。参考资料：…") closes the items before it, so a
一是 list below it is no child of theirs. In a ；-series "一是…；二是…；三是…。" a following sentence
about the whole list (这些/上述/以上…) is the paragraph's, not the last item's.
An attachment list (附件：…) is skipped up to an attached text printed in full (附件1 on its own
line), whose items count; items end at an attachment list, an attached text, and a regulation's
第X条/第X章 line (articles themselves are not measures: the gold conventions give them no level).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import List, Optional

from functools import lru_cache

import regex

from ..records import Measure
from ..resources import data_lines, data_rows
from .common import DocContext

_re = lru_cache(maxsize=None)(regex.compile)  # hot loops: compiled once, not looked up per call
from .dates import cn_number

_CN = r"[一二三四五六七八九十]{1,3}"
LABEL_RE = regex.compile(
    rf"(?P<l1>{_CN}(?:、(?!、)|[.．](?![、\d.．])))"
    rf"|(?P<l2>[(（]{_CN}[)）])"
    r"|(?P<l3>(?<![\d.])\d{1,2}(?:[.．](?![\d.．])|、))"
    r"|(?P<l4>[(（]\d{1,2}[)）])"
    # 一要/二要 (a readout's "会议强调，一要…。二要…") is a 一是 list: same kind, same rules
    rf"|(?P<f1>{_CN}(?:是|要(?![求素点件害务]))(?=[\p{{Han}}“\"《(（]))"
    rf"|(?P<f2>第{_CN}[,，、](?=[\p{{Han}}“\"《]))"
)
_LEVEL = {"l1": 1, "l2": 2, "l3": 3, "l4": 4}
_BOUNDARY = "。；;！!？?:："  # "现将有关事项通知如下：1.…" on a page whose line breaks were lost
_HEAD_DELIM = regex.compile(r"[。；;：:!?！？]|\.(?=\p{Han})")  # scraped pages use "." as 。
# "附件：1.…" lists, or "附件：" over a list on the lines below; a bare "附件1" heads an attached text
_ATTACHMENT = regex.compile(r"^\s*附\s?件\s?(?:[\d一二三四五六七八九十]{0,2}\s?[:：]\s?\S|[:：]\s*$)")
_INLINE_REACH = 400  # an inline 一是 further than this from the item's label opens its own list
_MAX_HEADING = 40  # gold headings run to 26 chars; a 57-char lead sentence is not a heading


@dataclass
class _Item:
    kind: str
    label: str
    index: int
    start: int          # label start (normalised offset)
    label_end: int
    line_start: int
    line_end: int
    at_line_start: bool
    after_boundary: bool = True
    prev_char: str = ""   # the non-space char before the label on its line ("" at a line start)
    lead: bool = False
    level: int = 0
    end: int = 0
    children: List["_Item"] = field(default_factory=list)
    parent: Optional["_Item"] = None


def _index(kind: str, label: str) -> Optional[int]:
    digits = _re(r"[^\d一二三四五六七八九十]").sub("", label)
    return cn_number(digits) if digits else None


def find_labels(ctx: DocContext, body_start: int, body_end: int,
                barriers: Optional[List[int]] = None) -> List[_Item]:
    """The labels of the body that are items, in order. ``barriers`` (when given) receives the
    starts of lines that close every open item: an attachment list (附件：…, which also ends the
    measures) and a regulation's 第X条/第X章 lines (no measures themselves, see the gold
    conventions, but the （一） items of one article do not run into the next)."""
    items: List[_Item] = []
    in_list = False  # inside an attachment list: skipped up to an attached text ("附件1" on its own line)
    for line in ctx.doc.lines:
        if line.end <= body_start or line.start >= body_end:
            continue
        if _ATTACHMENT.match(line.text):
            if barriers is not None:
                barriers.append(max(line.start, body_start))
            in_list = True
            continue
        if in_list:
            if not _ATTACHED.fullmatch(line.text):
                continue
            in_list = False
        text = line.text
        offset = max(0, body_start - line.start)
        if barriers is not None and (_ARTICLE.match(text, offset) or _ATTACHED.fullmatch(text, offset)):
            barriers.append(line.start + offset)
        if barriers is not None:
            barriers.extend(line.start + b.start("head") for b in _section_break_re().finditer(text, offset))
        stop = len(text)
        if (att := _INLINE_ATTACHMENT.search(text, offset)) is not None:
            # "…报送总结报告。 附件：1.…重点内容 2.…统计表 临沂市应急管理局 2024年3月8日" (line
            # breaks lost): the list is no measures, and it closes the items before it
            stop = att.start()
            if barriers is not None:
                barriers.append(line.start + stop)
            in_list = True
        for m in LABEL_RE.finditer(text, offset, stop):
            kind = m.lastgroup
            pos = m.start()
            at_start = pos == offset and (offset == 0 or body_start > line.start)
            after_boundary = True
            prev_char = ""
            if not at_start:
                prev = text[offset:pos].rstrip()
                if not prev:
                    at_start = True
                else:
                    prev_char = prev[-1]
                    after_boundary = prev_char in _BOUNDARY
            idx = _index(kind, m.group(0))
            if idx is None or idx == 0:
                continue
            if not at_start and _NOT_A_LABEL.get(kind) is not None \
                    and _NOT_A_LABEL[kind].match(text, m.end()):
                continue  # 一、二级医院, 第3、4季度, 一是一、二是二: numerals listed, not labels
            if kind == "l1" and not at_start and not after_boundary and text[m.end():m.end() + 1].isdigit():
                continue  # "…第一、2号…"; a line or sentence may open with "一、2021年工作回顾"
            item = _Item(kind, m.group(0), idx, line.start + pos, line.start + m.end(),
                         line.start, min(line.end, body_end), at_start)
            item.after_boundary = after_boundary
            item.prev_char = prev_char
            item.lead = bool(_LEAD.match(text, m.end()))
            items.append(item)
    return _plausible(items, ctx.norm.text)


# an attachment list run on after the body's last sentence (a page whose line breaks were lost)
_INLINE_ATTACHMENT = regex.compile(r"(?<=[。；;！!？?]\s*|\s)附\s?件\s?[:：]\s?(?=[\d一]\s?[.．、]|《|\p{Han})")
# "附件1" on a line of its own heads an attached text: the items before it end there
_ATTACHED = regex.compile(r"\s*附\s?件\s?[\d一二三四五六七八九十]{0,2}\s?[:：]?\s*")
# a regulation's article/chapter line: 第一条 …, 第二章 总则, 第3条
_ARTICLE = regex.compile(r"\s*第[一二三四五六七八九十百零〇\d]{1,5}[条章节](?:\s|$|[\p{Han}])")


@lru_cache(maxsize=None)
def _section_break_re() -> regex.Pattern:
    """A section head (data/section_breaks.txt: 参考资料, 参考文献, 附录…) at a line start or after a
    sentence end, before a colon: it closes the items before it on a page whose breaks were lost."""
    words = sorted(data_lines("section_breaks.txt"), key=len, reverse=True)
    return regex.compile(r"(?:^|(?<=[。！？!?]))\s*(?P<head>(?:" + "|".join(map(regex.escape, words)) + r"))\s*[:：]")


# after a bracketed label: 按照（一）项, 第（一）至（三）款, （一）、（二）项; not an item opening with
# 及时/项目/目标/条件
_BRACKETED_NOT_A_LABEL = regex.compile(r"项(?!目)|款(?!项)|条(?![件例])|目(?![标的录前])|段|号(?!召)|[和、至到及或]\s?第?[(（]")
# after a mid-line label: a further numeral means a list of numbers (一、二级; 3、4季度; 一是一、二是二)
_NOT_A_LABEL = {
    "l1": regex.compile(r"[一二三四五六七八九十]"),
    "l3": regex.compile(r"\d"),
    "f1": regex.compile(r"[一二三四五六七八九十][、，,是]"),
    "f2": regex.compile(r"[一二三四五六七八九十]"),
    "l2": _BRACKETED_NOT_A_LABEL,  # （一）
    "l4": _BRACKETED_NOT_A_LABEL,  # （1）
}


_LEAD = regex.compile(r"[\p{Han}“\"][^。；;：:!?！？\n]{2,30}[。；;：:](?=\S)")


def _plausible(items: List[_Item], text: str) -> List[_Item]:
    """Which mid-line labels are items.

    At a line start every label counts. After a sentence end, a label counts when it continues a
    sequence (index 1, or after a smaller one of its kind) or opens with a short lead phrase
    ("六、确保轮换和休息到位。…"). With no sentence end before it (line breaks and 。 lost), the
    next number of a running sequence counts; so does a first label right after its parent's
    bare heading ("一、严格落实防控措施一是…", "二、做好物资保障（一）…") when its second follows
    or (numbered) it opens with its own lead phrase ("（三）文明培育1.加强思想道德建设。…");
    and a readout's "…，一是…，二是…" or "…，第一，…" list opened after a comma.
    """
    out: List[_Item] = []
    last_index = {}
    for k, it in enumerate(items):
        prev = last_index.get(it.kind)
        continues = prev is not None and prev < it.index
        if not it.at_line_start:
            if it.after_boundary:
                ok = it.index == 1 or continues or it.lead
                if it.kind in ("f1", "f2") and it.index != 1 and prev is None and not it.lead:
                    ok = False
            else:
                ok = prev is not None and it.index == prev + 1 and (
                    it.kind in ("l1", "l3") or text[it.start - 1].isspace()  # "…物资 （二）保障…": a lost break
                    or (it.kind in ("f1", "f2") and it.prev_char in "，," and _near_last(out, it)))  # 一是…，二是…
                if not ok and it.index == 1:
                    if it.kind in ("f1", "f2") and it.prev_char in "，,":
                        ok = _second_follows(items, k)
                    elif out and _after_bare_heading(out[-1], it, text):
                        # "（三）文明培育1.加强思想道德建设。…": a numbered child opening with its own lead
                        ok = (it.lead and it.kind in _LEVEL) or _second_follows(items, k)
            if not ok:
                continue
        last_index[it.kind] = it.index
        out.append(it)
    return out


_BARE_HEADING = regex.compile(r"\s*[\p{Han}\d“”\"《》、]{4,%d}\s*" % _MAX_HEADING)


def _near_last(out: List[_Item], it: _Item) -> bool:
    """The last item of ``it``'s kind is on its line, within reach."""
    last = next((o for o in reversed(out) if o.kind == it.kind), None)
    return last is not None and last.line_start == it.line_start and it.start - last.start <= _INLINE_REACH


def _second_follows(items: List[_Item], k: int) -> bool:
    """Whether label ``k`` (an index 1) is followed, on its line and near, by index 2 of its kind."""
    it = items[k]
    for i in range(k + 1, len(items)):
        j = items[i]
        if j.line_start != it.line_start or j.start - it.start > _INLINE_REACH:
            return False
        if j.kind == it.kind and j.index == 2:
            return True
    return False


def _after_bare_heading(parent: _Item, it: _Item, text: str) -> bool:
    """``it`` follows ``parent``'s label on the same line with only a bare heading between
    (no punctuation), and ``it`` is of a deeper kind."""
    if parent.line_start != it.line_start or parent.kind in ("f1", "f2"):
        return False
    if it.kind in _LEVEL and _LEVEL[it.kind] <= _LEVEL[parent.kind]:
        return False
    return bool(_BARE_HEADING.fullmatch(text, parent.label_end, it.start))


def build_tree(items: List[_Item], body_end: int, text: str,
               barriers: Optional[List[int]] = None) -> List[_Item]:
    roots: List[_Item] = []
    stack: List[_Item] = []
    groups: dict = {}  # kind (f1/f2) → parent (None: top level) of its running 一是/第一， list
    walls = sorted(barriers or [])
    for it in items:
        if it.kind in ("f1", "f2"):
            if it.index > 1 and it.kind in groups:
                parent = groups[it.kind]
            else:
                parent = _float_host(it, stack, text, walls)
                groups[it.kind] = parent
            it.level = parent.level + 1 if parent else 1
            for kind in [k for k, g in groups.items() if k != it.kind and (g.level + 1 if g else 1) > it.level]:
                del groups[kind]  # 第二， closes the 一是 list nested in 第一，
            while stack and stack[-1] is not parent and stack[-1].level >= it.level:
                stack.pop()
            if parent is None:
                stack.clear()
        else:
            it.level = _LEVEL[it.kind]
            # an inline 一是/第一， ends with its line: it holds no numbered item on a later line
            # ("答：一是…；三是…。" then "1.创业担保贷款。…" below)
            while stack and (stack[-1].level >= it.level or (
                    stack[-1].kind in ("f1", "f2") and not stack[-1].at_line_start
                    and stack[-1].line_start != it.line_start)):
                stack.pop()
            parent = stack[-1] if stack else None
            groups.clear()
        it.parent = parent
        (parent.children if parent else roots).append(it)
        stack.append(it)
    _ends(roots, body_end, walls, text)
    return roots


def _float_host(it: _Item, stack: List[_Item], text: str, walls: List[int]) -> Optional[_Item]:
    """The parent of a 一是/第一， that opens a list: the numbered item whose paragraph it sits in
    (inline, near its label) or whose bare heading line it follows; a 一是 list also nests in a
    第一， paragraph ("第一，压实责任。一是…二是…"). A new list after another of its kind is a sibling.
    Nothing holds it across a barrier (an attachment, an article line, a 参考资料： section head)."""
    host = stack[-1] if stack else None
    while host is not None and host.kind in ("f1", "f2"):
        if host.kind == "f2" and it.kind == "f1" and it.index == 1 and _holds(host, it, text, walls):
            return host
        host = host.parent  # a new 一是 list after another: a sibling list, not a child
    if host is not None and _holds(host, it, text, walls):
        return host
    return None


def _holds(host: _Item, it: _Item, text: str, walls: List[int] = ()) -> bool:
    k = bisect.bisect_right(walls, host.start)
    if k < len(walls) and walls[k] <= it.start:
        return False  # a section break (参考资料：…) or an attachment lies between them
    if not it.at_line_start and host.line_start == it.line_start and it.start - host.start <= _INLINE_REACH:
        return True  # inline in a numbered paragraph
    return it.at_line_start and _heading_only(host, text) and host.line_end <= it.line_start  # under a heading line


def _heading_only(item: _Item, text: str) -> bool:
    own = text[item.label_end:item.line_end].strip()
    return 0 < len(own) <= 40 and not _HEAD_DELIM.search(own)


def _ends(siblings: List[_Item], limit: int, barriers: List[int], text: str = "") -> None:
    for k, it in enumerate(siblings):
        nxt = siblings[k + 1].start if k + 1 < len(siblings) else limit
        k_b = bisect.bisect_right(barriers, it.start)
        if k_b < len(barriers) and barriers[k_b] < nxt:
            nxt = barriers[k_b]  # an attachment list or the next article closes the item
        it.end = nxt
        if it.kind in ("f1", "f2") and not it.at_line_start:
            it.end = min(nxt, it.line_end)
            if k > 0 and (k + 1 == len(siblings) or siblings[k + 1].kind != it.kind) and not it.children:
                _close_series(siblings[:k + 1], it, text)
        _ends(it.children, it.end, barriers, text)


_SENTENCE_END = regex.compile(r"[。！？!?]")
# a sentence about the whole list before it: 这些问题的存在…, 上述措施…, 以上…, 综上所述…
_ABOUT_THE_LIST = regex.compile(r"\s*(?:这些|上述|以上|总之|综上|总的来看|总体来看|由此可见)")


def _close_series(before: List[_Item], last: _Item, text: str) -> None:
    """"一是…；二是…；三是…。这些问题的存在，…": an inline list whose items end with ；is one
    sentence; when the sentence after its 。 speaks of the whole list (这些/上述/以上/综上…), that
    sentence is the paragraph's and the last item ends at the 。 (a new instruction after it,
    "…；三是做好扑火准备，确保…到位。市林业局要…", stays with the item, as the gold has it)."""
    series = []
    for it in reversed(before[:-1]):
        if it.kind != last.kind or it.line_start != last.line_start or it.at_line_start:
            break
        series.append(it)
    if not series or not all(text[s.start:s.end].rstrip()[-1:] in ("；", ";") for s in series):
        return
    m = _SENTENCE_END.search(text, last.label_end, last.end)
    if m is not None and text[m.end():last.end].strip() and _ABOUT_THE_LIST.match(text, m.end(), last.end):
        last.end = m.end()


# a bare heading, a space, then the body on the same line (the heading's line break lost)
# (4+ chars: "1.张三 市卫健委主任" in a list of names is no heading; the body is a sentence)
_SPACED_HEAD = regex.compile(
    r"(?P<head>[\p{Han}“\"《][^\s。；;：:!?！？]{3,%d}?)[ \t\u3000\xa0]+(?=[\p{Han}“\"《][^\s]*?[，,。；;])" % _MAX_HEADING)


# Where a bare heading ran into its body with no punctuation ("一、加强组织领导各地要…",
# "1.本文概述在《…》一文中，…"): the body's first sentence opens with a phrase that only starts
# sentences: an adverbial closed by a comma (在…下/中/期间，随着/根据/按照…，以…为指导，为深入…，
# 到2025年，2021年，截至6月底，3月5日，当前，) or a subject 各地/各医疗卫生单位… with a modal 要/应/须.
# Only a bare phrase (hanzi, digits, 、“”《》) of 4–40 chars before it is a heading.
_RUN_ON_OPENER = regex.compile(
    r"(?:在[^，,。；;：:、]{2,30}?(?:下|中|期间|之际|以来|背景下|过程中|基础上|前提下)"
    r"|(?:随着|随著|根据|按照|依照|依据|为了|近年来|今年以来)[^，,。；;：:]{0,30}?"
    r"|以[^，,。；;：:]{2,30}?为(?:指导|引领|统领|主线|核心|根本|目标|抓手)"
    r"|为(?:深入|切实|进一步|全面|认真|有效|加快|更好|贯彻|落实|做好|推动|确保)[^，,。；;：:]{0,40}?"
    r"|(?:力争)?到20\d\d年(?:底|末)?(?:前)?"
    r"|(?:截至|截止)?(?:20\d\d年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日)"
    r"(?:底|末|以来|上半年|下半年|前三季度)?"
    r"|(?:当前|目前|近期|近日|日前|同时|此外|其中))[，,]"
    r"|各[\p{Han}、]{1,12}?(?:要(?![素求点件])|应(?![用急对当])|应当|须(?!知)|务必)"
)
# "社区卫生服务中心根据疫情需要，…" is one sentence whose subject comes first, not a heading
_RUN_ON_SUBJECT = regex.compile(
    r"(?:机构|单位|部门|中心|医院|卫生院|企业|公司|银行|学校|机关|政府|委员会|委|局|厅|办|站|所|组|村|社区"
    r"|街道|乡镇|人员|群众|患者|干部|我们|人们|大家)$"
)
# a parallel heading "提高政治站位，坚决克服形式主义" keeps its one comma (each half 4+ chars)
_RUN_ON_HEAD = regex.compile(
    r"[\p{Han}\d“”\"《》、]{3,%d}[\p{Han}”》\"](?:[，,][\p{Han}“\"《][\p{Han}\d“”\"《》、]{2,20}[\p{Han}”》\"])?"
    % (_MAX_HEADING - 1))
_RUN_ON_TAIL = "的了和与及并或对在把将被向从为以于等"  # a heading does not end on a function word


def _run_on_heading(own: str, first_delim: int) -> Optional[str]:
    """The heading of ``own`` (an item's text after its label) when it ran into the body, else None."""
    for m in _RUN_ON_OPENER.finditer(own, 4, min(len(own), first_delim + 1, _MAX_HEADING + 40)):
        if m.start() > _MAX_HEADING:
            break
        head = own[:m.start()].rstrip()
        if _RUN_ON_HEAD.fullmatch(head) and len(head) <= _MAX_HEADING and head[-1] not in _RUN_ON_TAIL \
                and not _RUN_ON_SUBJECT.search(head) and not _RUN_ON_OPENER.search(head):  # 各地要加强统筹在…期间，
            return head
        break  # only the first opener is tried
    return None


@lru_cache(maxsize=None)
def _title_words() -> tuple:
    """(pattern of the words that end a section title, the strong ones, pattern of the verbs that
    open a clause) from data/heading_ends.tsv."""
    rows = [(w.strip(), k.strip()) for w, k in data_rows("heading_ends.tsv")]
    words = sorted({w for w, k in rows if k != "verb"}, key=len, reverse=True)
    verbs = sorted({w for w, k in rows if k == "verb"}, key=len, reverse=True)
    return (regex.compile("|".join(map(regex.escape, words))), frozenset(w for w, k in rows if k == "strong"),
            regex.compile("|".join(map(regex.escape, verbs))))


# what cannot open the body after a title: a clause going on (的/要/是…), a join, a place word, a list
_TITLE_GOES_ON = set("的地得了着过之要应须需是将已不都也还可能会和与及或等中上下里内外时后前并而就较很更最仍均又才方，,、")
_MIN_BODY_CLAUSE = 6  # the body's first clause (up to a comma) after a run-on title


_MODAL = regex.compile(r"(?<![重主需必])要(?![求素点性务害])|应(?![用急对当])|须|必须|务必")


def _titled_head(own: str, stop: int, clause_min: int = _MIN_BODY_CLAUSE, run_on: bool = True) -> Optional[str]:
    """A section title that ran into its body with no punctuation, ended by a title word
    (data/heading_ends.tsv): "农村人居环境整治的研究背景改善农村人居环境，是…" → …的研究背景.
    Only the first title word is tried (a join of title words, 对策建议/监测与评价, reads as one);
    a "noun" word ends a title only in a nominal phrase (的 before it, or a 与/和/及 join), and the
    body must open a clause of its own (6+ chars up to its first comma, not 的/要/是/和…)."""
    pat, strong, verbs = _title_words()
    limit = min(stop, _MAX_HEADING)
    pos = 0
    while True:
        m = pat.search(own, pos, limit)
        if m is None:
            return None
        end, words = m.end(), [m.group(0)]
        joined = m.start() > 1 and own[m.start() - 1] == "与"  # 监测与评价 (not 工作机制和措施保障…)
        while True:  # 对策建议, 问题与对策, 结论与展望
            n = pat.match(own, end, stop)
            if n is None and own[end:end + 1] in ("与", "和", "及"):
                n = pat.match(own, end + 1, stop)
                joined = joined or n is not None
            if n is None:
                break
            end = n.end()
            words.append(n.group(0))
        if end < 4:
            pos = m.end()  # "问题导向原则…": too short to be a title, the next word may end it
            continue
        break
    head = own[:end]
    body = own[end:]
    if end > _MAX_HEADING or not body or body[0] in _TITLE_GOES_ON or body[0].isspace():
        return None
    clause = regex.split(r"[，,。；;：:!?！？]", body, maxsplit=1)[0]
    if len(clause) < clause_min:
        return None
    if not (joined or (words[-1] in strong and not verbs.match(head))):
        # "…的改进措施取消浸泡设备。": a 的-phrase ends a title only on a run-on page (label mid-line),
        # and not before a predicate ("对排查发现的问题隐患要建立台账")
        if "的" not in head or not run_on or _MODAL.search(clause):
            return None
    if not _RUN_ON_HEAD.fullmatch(head) or _RUN_ON_OPENER.search(head) or _RUN_ON_SUBJECT.search(head):
        return None
    return head


def _heading(it: _Item, text: str) -> Optional[str]:
    own_end = it.children[0].start if it.children else it.end
    own = text[it.label_end:min(own_end, it.line_end if it.line_end > it.label_end else own_end)]
    own = own.strip()
    if not own:
        return None
    m = _HEAD_DELIM.search(own)
    sp = _SPACED_HEAD.match(own)
    if sp and (m is None or m.start() > sp.end("head")) and _RUN_ON_HEAD.fullmatch(sp.group("head")):
        return sp.group("head")  # "一、高度重视安全生产 各乡镇要…": the line break became a space
    run_on = _run_on_heading(own, m.start() if m else len(own))
    if run_on:
        return run_on
    if m is None or m.start() > _MAX_HEADING:
        titled = _titled_head(own, m.start() if m else len(own), run_on=not it.at_line_start)
        if titled and (m is not None or text[it.line_end:it.end].strip() or it.children):
            return titled  # "1.…的研究背景改善农村人居环境，是…": a title word ends it
    if m is None:
        # a heading line of its own ("一、生活保障") when the item goes on below it
        rest = text[it.line_end:it.end].strip()
        if len(own) <= _MAX_HEADING and (rest or it.children):
            return own.rstrip()
        return None
    head = own[:m.start()].strip()
    # something must follow the lead phrase: more text of the item, or its children
    more = own[m.end():].strip() or text[min(own_end, it.end):it.end].strip() or it.children
    if not more and own[m.start()] in "：:":
        # "一、决定任命：" with its list on the lines below
        more = text[max(it.line_end, it.label_end):it.end].strip()
    if not head or len(head) > _MAX_HEADING or not more:
        return None
    # a title run into its first sentence: "10.结论与展望医院感染防控的重要性：…", "1.研究背景与意义乡村
    # 振兴战略是…。", and on a run-on page "5.…的改进措施取消浸泡设备。…"
    titled = _titled_head(own, m.start(), clause_min=4, run_on=not it.at_line_start)
    if titled and len(titled) < len(head):
        return titled
    return head


def _record(it: _Item, ctx: DocContext) -> Measure:
    text = ctx.norm.text
    body = text[it.start:it.end].strip()
    return Measure(
        level=it.level, label=it.label, index=it.index, heading=_heading(it, text),
        text=body, children=[_record(c, ctx) for c in it.children],
        **ctx.loc(it.start, it.start + len(text[it.start:it.end].rstrip())),
    )


def extract_measures(ctx: DocContext, body_start: int, body_end: Optional[int] = None) -> List[Measure]:
    end = ctx.doc.end if body_end is None else body_end
    barriers: List[int] = []
    items = find_labels(ctx, body_start, end, barriers)
    roots = build_tree(items, end, ctx.norm.text, barriers)
    return [_record(r, ctx) for r in roots]
