"""Meetings: date, name, chair and attendees (issue 4).

A meeting is reported when the text says it was convened — "X主持召开Y会议", "Y召开会议",
"在京召开电视电话会", "X主持会议", "Y会议在京召开" — or places something "在1月25日和2月3日两次
中央政治局常委会会议上" (one meeting per date). Inspections and visits (考察, 检查, 看望) have no
meeting noun and no convening verb, so they never become meetings; a bare reference ("会议精神",
"两次召开会议", "要召开…") is not one either. Patterns are data: ``data/meeting_patterns.txt``.

* ``date``: the date written in the sentence before the verb, else the date opening a sentence
  earlier in the same paragraph, else the diary heading in force ("2月2日" on its own line dates
  the entries under it); ``null`` when that date has no year (``DateHit.value`` is None). A meeting
  with neither a date (or a time word: 近日, 日前, 上午) nor a chair is a generic statement
  ("局党组召开专题会议") and is dropped.
* ``chair``: the person whose name (with its titles) is the subject of 主持/召开 in that clause —
  "他/她" is the person the entry is about; ``null`` when an organ convenes it ("国务院联防联控机制在京
  召开电视电话会") and nobody is said to chair it.
* ``attendees``: the names enumerated before 出席/参加/列席/参会 (role as written, 视频连线 for
  video links) in a sentence after the meeting, within the same diary entry; "参加上述活动" counts
  when the entry's activities include a meeting.
* one record per meeting: a headline and its body, or "召开会议 … 主持会议", are merged within an
  entry (same date, compatible chairs); across the document, same date and same chair.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

import regex

from ..records import Attendee, Meeting
from ..resources import data_rows
from .common import DateHit, DocContext

_re = lru_cache(maxsize=None)(regex.compile)  # hot loops: compiled once, not looked up per call
from .people import PersonMention, _post_end_re, find_people, is_dotted_name, is_name

_SENT_END = "。！？；!?;"
_MAX_SENT = 400
_MAX_CLAUSE = 150
_LOOKBACK = 64
_CLAUSE_END = _SENT_END + "，,：:"
_DATE_ONLY = regex.compile(r"[\s\p{P}\p{S}]*(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日(?:\s*[(（]?(?:星期|周)[一二三四五六日天][)）]?)?[\s\p{P}\p{S}]*")
_DATE_TXT = r"(?:(?:19|20)\d{2}\s?年\s?)?\d{1,2}\s?月\s?\d{1,2}\s?日"


@dataclass
class _Patterns:
    nouns: Tuple[str, ...]
    convene: Dict[str, str]
    attend: Dict[str, str]
    future: Tuple[str, ...]
    after: Tuple[str, ...]
    convene_re: regex.Pattern = None
    passive_re: regex.Pattern = None
    attend_re: regex.Pattern = None
    dated_re: regex.Pattern = None
    future_re: regex.Pattern = None


@lru_cache(maxsize=None)
def patterns() -> _Patterns:
    nouns, convene, attend, future, after = [], {}, {}, [], []
    for row in data_rows("meeting_patterns.txt"):
        kind, value = row[0].strip(), row[1].strip()
        extra = row[2].strip() if len(row) > 2 else ""
        if kind == "noun":
            nouns.append(value)
        elif kind == "convene":
            convene[value] = extra
        elif kind == "attend":
            attend[value] = extra or value
        elif kind == "future":
            future.append(value)
        elif kind == "after":
            after.append(value)
    alt = lambda xs: "|".join(map(regex.escape, sorted(xs, key=len, reverse=True)))  # noqa: E731
    # 常委会 is also an organ: a meeting noun only where no 会议 follows in the clause
    # ("主持召开省委常委会，…" but "主持召开全国人大常委会第二十九次委员长会议"), never the subject
    # of a passive 召开/举行 ("全国人大常委会举行宪法宣誓仪式")
    organ_like = ("常委会",)
    def alt_nouns(xs):  # noqa: E306
        return "|".join(regex.escape(x) + (r"(?![^，,。；;：:、\s]{0,30}?会议)" if x in organ_like else "")
                        for x in sorted(xs, key=len, reverse=True))
    noun = rf"(?:{alt_nouns(nouns)})(?!议|会)"  # not 会 of 会议, not 常委会 of 常委会会议
    passive_noun = rf"(?:{alt_nouns([n for n in nouns if n not in organ_like])})(?!议|会)"
    p = _Patterns(tuple(nouns), convene, attend, tuple(future), tuple(after))
    # quotes may sit inside a name (全国“三夏”生产工作现场推进会)
    p.convene_re = regex.compile(rf"(?P<verb>{alt(convene)})了?(?P<name>[^，,。；;：:、\s]{{0,40}}?{noun})(?!{alt(after)})")
    p.passive_re = regex.compile(rf"(?P<name>[^，,。；;：:、\s“”\"]{{1,40}}?{passive_noun})(?!{alt(after)})(?P<gap>[^，,。；;：:]{{0,16}}?)(?P<verb>召开|举行|(?<=[京区会场堂馆]|隆重)开幕)(?![^，,。；;：:]{{0,40}}?{noun})")
    # a minutes' header may space its labels out ("列　　席：", "参 加 人 员：")
    sp = r"[ \u3000\xa0]*"
    spaced = "|".join(sp.join(map(regex.escape, v)) for v in sorted(attend, key=len, reverse=True))
    p.attend_re = regex.compile(rf"(?P<via>通过视频(?:连线)?(?:方式)?|以视频(?:连线)?方式)?(?P<verb>{spaced})了?(?P<obj>视频连线|上述活动|[^，,。；;：:]{{0,30}}?{noun}|活动)?(?P<tail>的(?:领导|同志|人员)?(?:还)?有[：:]?|的?(?:{sp}人{sp}员|领导|同志)?(?:名单)?{sp}[：:])?")
    # a dated meeting the text refers to was held on that date: "在1月25日…会议上", "按照5月10日全市
    # 防汛工作电视电话会议部署", "经2月2日国务院第25次常务会议通过", "听取了7月8日…会商会有关情况汇报",
    # an adoption note in brackets "（2024年6月27日…常务委员会第二十次会议通过）"
    p.dated_re = regex.compile(
        rf"(?:在|按照|根据|依据|贯彻落实|落实|贯彻|经|听取了?|(?<=[（(]))(?P<dates>{_DATE_TXT}(?:[和、及与至]{_DATE_TXT})*)(?:[两三四五六七八九十\d]+次)?"
        rf"(?P<name>[^，,。；;：:]{{0,30}}?{noun})(?:[上中]|的?(?:部署|精神|要求|安排|决定|审议|研究|通过)|(?:有关|相关)?(?:情况)?的?汇报)")
    # a plan, a rule, a request or a count anywhere between the subject and the verb
    # ("各地要召开", "请各地于2月10日前召开", "两次召开"); 应 of 应对/应急 is no modal
    fut = "|".join(regex.escape(w) if w != "应" else r"应(?![对急用])" for w in sorted(future, key=len, reverse=True))
    p.future_re = regex.compile(rf"(?:{fut})|于[^，,。；;]{{1,12}}前|[两几多屡数\d一二三四五六七八九十]+次$")
    return p


@dataclass
class _Event:
    pos: int
    block: int
    date: Optional[str]
    chair: Optional[str]
    name: Optional[str]
    span: Tuple[int, int]
    attendees: List[Tuple[str, str, int, int]] = field(default_factory=list)  # name, role, a, b
    first: int = -1  # where the meeting is first mentioned (``pos`` moves to its latest mention)
    tod: Optional[str] = None  # 上午/下午/晚上 written in its sentence before the verb

    def __post_init__(self):
        if self.first < 0:
            self.first = self.pos


# a time word that makes "X召开Y" one event even without a full date ("近日，省卫健委召开党组会议")
_WHEN = regex.compile(r"近日|日前|近期|今天|今日|昨天|昨日|当天|当日|同日|\d{1,2}日|[上下]午|晚上|上周|本周")
_CHAIRED_BY = regex.compile(r"由([^，,。；;]{2,40}?)主持(?!人)")
_SPEECH = regex.compile(r"(?:指出|强调|要求|表示|认为|提出|说|讲话中指出|介绍)[，,：:]")


def _in_speech(ctx: DocContext, text: str, sa: int, v: int) -> bool:
    """True when ``v`` lies in reported speech ("李克强指出，…召开各方面座谈会") with no date of
    its own after the speech verb."""
    last = None
    for sp in _SPEECH.finditer(text, sa, v):
        last = sp
    if last is None:
        return False
    return not _hits(ctx, last.end(), v)


_CHAIR_ONLY = regex.compile(r"(?P<verb>主持(?!人))(?:会议|了会议)?(?=[。；;，,！!]|$|并)|在[^，,。；;]{2,40}?(?P<verb>主持)下")


def _hits(ctx: DocContext, a: int, b: int) -> List[DateHit]:
    """Date mentions starting in [a, b) (``ctx.dates`` is in text order)."""
    starts = ctx.__dict__.get("_meeting_date_starts")
    if starts is None or len(starts) != len(ctx.dates):
        starts = ctx.__dict__["_meeting_date_starts"] = [h.start for h in ctx.dates]
    return ctx.dates[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]


def _is_heading(text: str) -> bool:
    return len(text) <= 40 and text[-1] not in "。！？；!?;，,：:" and "。" not in text


def _blocks(ctx: DocContext) -> Tuple[List[int], List[Tuple[int, DateHit]]]:
    """Entry index of every line (a diary date line or a headline after body text opens a new
    entry) and the heading dates ``(line start, hit)``."""
    out, heads = [], []
    block, prev_body = 0, True
    for i, ln in enumerate(ctx.doc.lines):
        head = _is_heading(ln.text)
        date_line = _DATE_ONLY.fullmatch(ln.text.strip()) is not None
        if i and ((head and prev_body) or date_line):
            block += 1
        out.append(block)
        prev_body = not head
        if head:
            for h in _hits(ctx, ln.start, ln.end):
                if h.start == ln.start or (date_line and ln.start <= h.start < ln.end):
                    heads.append((ln.start, h))
                    break
    return out, heads


def _sentences(text: str, a: int, b: int) -> List[Tuple[int, int]]:
    """Sentences of a line; a run without sentence punctuation is cut every ``_MAX_SENT`` chars
    (keeps every look-up local on hostile input)."""
    out, s = [], a
    for i in range(a, b):
        if text[i] in _SENT_END or i + 1 - s >= _MAX_SENT:
            out.append((s, i + 1))
            s = i + 1
    if s < b:
        out.append((s, b))
    return out


def _clause_start(text: str, pos: int, floor: int) -> int:
    s = pos
    floor = max(floor, pos - _MAX_CLAUSE)
    while s > floor and text[s - 1] not in _CLAUSE_END:
        s -= 1
    return s


def _date_for(ctx: DocContext, text: str, pos: int, sent: Tuple[int, int], line_start: int,
              heads: List[Tuple[int, DateHit]]) -> Tuple[bool, Optional[str]]:
    """(found, ISO value or None) of the date a meeting at ``pos`` took place."""
    inside = _hits(ctx, sent[0], pos)
    if inside:
        return True, inside[-1].value
    for h in reversed(_hits(ctx, line_start, pos)[-_LOOKBACK:]):
        if h.start == line_start or text[h.start - 1] in _SENT_END + "】]":
            return True, h.value
    before = [h for s, h in heads if s <= pos]
    if before:
        return True, before[-1].value
    seg = text[sent[0]:pos]
    if "同日" in seg or "当日" in seg or "当天" in seg:
        # "同日，…", "当天下午，…": the last date written before
        prev = _hits(ctx, max(0, pos - 2000), pos)
        if prev:
            return True, prev[-1].value
    return False, None


class _Index:
    """Person mentions sorted by where their title chain starts, for range look-ups."""

    def __init__(self, mentions: List[PersonMention]):
        self.items = sorted(mentions, key=lambda m: m.ext_start)
        self.keys = [m.ext_start for m in self.items]

    def between(self, a: int, b: int) -> List[PersonMention]:
        """Mentions whose (title chain) start lies in [a, b)."""
        return self.items[bisect.bisect_left(self.keys, a):bisect.bisect_left(self.keys, b)]


def _subject_at(mentions: _Index, text: str, cs: int, v: int) -> Optional[PersonMention]:
    """The person whose mention ends right before ``v`` in the clause starting at ``cs``."""
    best = None
    for m in mentions.between(cs, v):
        if m.ext_end <= v:
            gap = text[m.ext_end:v]
            if len(gap) <= 14 and "的" not in gap and "、" not in gap and not _re(r"[和与及]$").search(gap):
                best = m
    return best


def _opens_clause(text: str, m: PersonMention, floor: int) -> bool:
    cs = _clause_start(text, m.ext_start, floor)
    lead = text[cs:m.ext_start]
    return _re(rf"(?:{_DATE_TXT}|同日|当日|当天|随后|此前|[上下]午|晚上)?").fullmatch(lead) is not None


def extract_meetings(ctx: DocContext) -> List[Meeting]:
    p = patterns()
    text = ctx.norm.text
    people = find_people(ctx)
    mentions = _Index(people.mentions)
    block_of, heads = _blocks(ctx)
    events: List[_Event] = []
    principal: Dict[int, PersonMention] = {}

    by_block: Dict[int, List[_Event]] = {}

    def last_event(block: int, pos: int, date: Optional[str]) -> Optional[_Event]:
        """The meeting an attendance at ``pos`` belongs to: the last one of the entry, preferring
        one held on the date in force (not one recalled in the body, "1月25日，…主持…会议")."""
        cands = [e for e in by_block.get(block, [])[-_LOOKBACK:] if e.first <= pos]
        same = [e for e in cands if e.date == date]
        return (same or cands or [None])[-1]

    def add_event(ev: _Event) -> _Event:
        ev.tod = ev.tod or _time_of_day(text, ev.pos)
        same = by_block.setdefault(ev.block, [])
        for x in same[-_LOOKBACK:]:
            if _same_meeting(x, ev):
                x.chair = x.chair or ev.chair
                x.tod = x.tod or ev.tod
                x.date = x.date or ev.date
                if ev.name and (not x.name or len(ev.name) > len(x.name)):
                    x.name = ev.name
                x.pos = max(x.pos, ev.pos)
                x.first = min(x.first, ev.first)
                same.remove(x)
                same.append(x)
                return x
        same.append(ev)
        events.append(ev)
        return ev

    for li, ln in enumerate(ctx.doc.lines):
        blk = block_of[li]
        # minutes' header "主持人：市长李华" (no convening verb anywhere): the meeting recorded
        hm = _CHAIR_LABEL.match(text, ln.start, ln.end)
        if hm:
            who = [x for x in mentions.between(hm.end(), ln.end) if x.end <= ln.end]
            if not who and (bn := _LABEL_NAME.match(text, hm.end(), ln.end)) and \
                    (is_name(bn.group("n")) or is_dotted_name(bn.group("n"))):
                # "主 持 人：孙伟（县长）": a bare name, its post in brackets
                who = [PersonMention(bn.start("n"), bn.end("n"), bn.group("n"))]
            if who:
                when = _labelled_date(ctx, text, ln.start)
                ev = events[-1] if events else None
                if when is not None and ev is not None and ev.date != when:
                    # "会议时间：3月27日上午 / 主 持 人：孙伟（县长）" after another meeting's
                    # readout: a meeting of its own (its 列席 list is not the one before's)
                    ev = next((e for e in reversed(events) if e.date == when and e.chair in (None, who[0].name)), None)
                    if ev is None:
                        add_event(_Event(hm.start(), blk, when, who[0].name, "会议", (hm.start(), who[0].end)))
                        continue
                if ev is None:
                    if when is not None:
                        add_event(_Event(hm.start(), blk, when, who[0].name, "会议", (hm.start(), who[0].end)))
                elif ev.chair is None:
                    ev.chair = who[0].name
        for sa, sb in _sentences(text, ln.start, ln.end):
            # who the entry is about (for 他/她)
            for m in mentions.between(sa, sb):
                if _opens_clause(text, m, sa):
                    principal[blk] = m
            found: List[Tuple[int, _Event]] = []
            sent = text[sa:sb]
            has_noun = "会" in sent  # every meeting noun holds 会 (cheap pre-filter)
            # "在1月25日和2月3日两次中央政治局常委会会议上", "按照5月10日…电视电话会议部署"
            for m in (p.dated_re.finditer(text, sa, sb) if has_noun and "日" in sent else ()):
                a, b = m.span("dates")
                for h in _hits(ctx, a, b):
                    found.append((m.start(), _Event(m.start(), blk, h.value, None, m.group("name"),
                                                    (m.start(), m.end()))))
            # "X主持召开Y会议", "Y召开会议", "他召开…会议"
            for m in (p.convene_re.finditer(text, sa, sb) if has_noun else ()):
                v = m.start("verb")
                name = m.group("name")
                cs = _clause_start(text, v, sa)
                subj = _subject_at(mentions, text, cs, v)
                gap_from = subj.ext_end if subj else cs
                if p.future_re.search(text[max(gap_from, v - 20):v]) or _re(r"[\d一二两三四五六七八九十几多]+[次场]").match(name):
                    continue
                chair = subj.name if subj else None
                if chair is None:
                    lead = text[cs:v]
                    if _re(r"(?:^|[并还又后])[他她]$").search(lead) or lead in ("他", "她"):
                        chair = principal[blk].name if blk in principal else None
                    elif _re(r"(?:并|随后|然后|后|还|又|同时)?").fullmatch(lead):
                        # the sentence's subject: "X赴…，并召开…"; an organ subject means no chair
                        first = [x for x in mentions.between(sa, cs) if _opens_clause(text, x, sa)
                                 and _clause_start(text, x.ext_start, sa) == _first_clause(text, sa, sb)]
                        if first:
                            chair = first[0].name
                if (name in p.nouns or _re(r"第[\d一二三四五六七八九十百]+次").match(name)) and not subj:
                    organ = _re(rf"^(?:{_DATE_TXT}|同日|当日)|(?:{_DATE_TXT}|在[^，,。]{{1,6}})$").sub("", text[cs:v])
                    if 2 <= len(organ) <= 30 and _re(r"\p{Han}+").fullmatch(organ) and not _re(r"[他她并]|同志").search(organ):
                        name = organ + name
                if chair is None:  # "…会议，会议由副市长X主持"
                    chair = _chaired_by(mentions, text, m.end(), sb)
                keep, value = _dated_or_chaired(ctx, text, v, (sa, sb), ln.start, heads, chair)
                if not keep:
                    continue
                a = subj.ext_start if subj else v
                found.append((v, _Event(v, blk, value, chair, name, (a, m.end()))))
            # "Y会议在京召开", "Y会议于3月4日举行"
            for m in (p.passive_re.finditer(text, sa, sb) if has_noun and ("召开" in sent or "举行" in sent or "开幕" in sent) else ()):
                v = m.start("verb")
                if any(abs(e.pos - v) < 2 for _, e in found):
                    continue
                if any(x.start < v and x.end > m.start("name") for x in mentions.between(m.start("name") - 50, v)):
                    continue
                cs = _clause_start(text, m.start("name"), sa)
                name = _re(rf"^(?:{_DATE_TXT}|同日|当日)").sub("", text[cs:m.end("name")])
                if p.future_re.search(text[max(cs, v - 12):v]) or not name or name in p.nouns:
                    continue
                chair = _chaired_by(mentions, text, m.end(), sb)
                keep, value = _dated_or_chaired(ctx, text, v, (sa, sb), ln.start, heads, chair)
                if not keep:
                    continue
                found.append((v, _Event(v, blk, value, chair, name, (cs, m.end()))))
            stored = [(pos, add_event(ev)) for pos, ev in sorted(found, key=lambda t: t[0])]
            # "会议由副市长X主持", "省长X主持": a chair for the meeting already reported
            for m in (_CHAIR_ONLY.finditer(text, sa, sb) if "主持" in sent else ()):
                v = m.start("verb")
                if any(e.span[0] <= v < e.span[1] for _, e in found):
                    continue
                cs = _clause_start(text, v, sa)
                subj = _subject_at(mentions, text, cs, v)
                if subj is None:
                    continue
                date = _date_for(ctx, text, v, (sa, sb), ln.start, heads)[1]
                ev = last_event(blk, v, date)
                if text.startswith("主持下", v):
                    # "在X同志主持下，省委常委会召开会议": the meeting follows in the sentence
                    ev = next((e for pos, e in stored if pos > v), None)
                    if ev is None:
                        continue
                if ev is None:
                    # "市长办公会议由市长李明主持", "会议由…马晓伟主持": a held meeting, when dated
                    by = _re(r"(?:^|[，,])(?P<name>[^，,。；;：:]{0,40}?)由$").search(text, cs, subj.ext_start)
                    name = _re(rf"^[\s(（【\[]*(?:{_DATE_TXT}|同日|当日)?[\s)）】\]]*").sub("", by.group("name")) if by else ""
                    if by and name.endswith(p.nouns) and _held(ctx, text, v, (sa, sb), ln.start, heads)[0]:
                        add_event(_Event(v, blk, date, subj.name, name, (by.start("name"), m.end())))
                    continue
                if ev.chair is None:
                    ev.chair = subj.name
                    ev.attendees = [t for t in ev.attendees if t[0] != subj.name]
            # attendees
            for m in p.attend_re.finditer(text, sa, sb):
                v = m.start("verb")
                obj = m.group("obj") or ""
                role = p.attend[_re(r"[ \u3000\xa0]").sub("", m.group("verb"))]
                if obj == "视频连线" or m.group("via"):
                    role = "视频连线"
                if obj and obj not in ("上述活动", "活动", "视频连线") and not any(obj.endswith(n) for n in p.nouns):
                    continue
                if not obj and _NOT_A_MEETING.match(text, m.end()):
                    continue  # "参加调研", "出席会见": an inspection or a visit, not the meeting
                ev = last_event(blk, v, _date_for(ctx, text, v, (sa, sb), ln.start, heads)[1])
                cs = _clause_start(text, v, sa)
                if ev is None and m.group("tail") and not text[ln.start:v].strip() and events:
                    # a minutes' closing list on its own line ("出席：李明、张军"): the meeting
                    # the minutes record, under whatever headings came between
                    ev = events[-1]
                if ev is None:
                    # "钟南山院士、李兰娟院士出席座谈会": attending a meeting, dated, says it was held
                    # the meeting noun ends the object ("出席座谈会。", "出席会议并讲话"), not
                    # "参加…会议江苏代表团审议"
                    if not obj.endswith(p.nouns) or p.future_re.search(text[max(cs, v - 20):v]) or \
                            not _re(r"[，,。；;！!、）)]|并|时|$").match(text, m.end("obj")):
                        continue
                    held, value = _held(ctx, text, v, (sa, sb), ln.start, heads)
                    if not held:
                        continue
                    new = _Event(v, blk, value, None, obj, (v, m.end()))
                who = [x for x in mentions.between(cs, v) if x.end <= v]
                while cs > sa and text[cs - 1] in "，,":
                    # "省长A，省委常委、市委书记B出席", "省领导A、B，省直有关部门负责同志参加会议":
                    # clauses that only name people belong to the enumeration
                    ps = _clause_start(text, cs - 1, sa)
                    prev = [x for x in mentions.between(ps, cs - 1) if x.end <= cs - 1]
                    if not prev and (bare := _bare_named(text, ps, cs - 1)) is not None:
                        prev = [bare]  # "驻村第一书记、县农业农村局干部刘佳(女)，…参加会议"
                    rest = text[ps:cs - 1]
                    for x in prev:
                        rest = rest.replace(text[x.ext_start:x.ext_end], "")
                    if not prev and len(rest) <= 12 and _post_end_re().search(rest):
                        cs = ps  # "省长王凯，省委常委，…出席": a collective role in between
                        continue
                    if not prev or len(_re(r"[、和及与等]").sub("", rest)) > 4:
                        break
                    who = prev + who
                    cs = ps
                if m.group("tail"):
                    # "出席会议的有A、B、C"; the list may start on the next line ("出席会议的有：" then
                    # one "省应急管理厅厅长马国庆，" a line, up to the 。)
                    who = mentions.between(m.end(), sb)
                    if not text[m.end():sb].strip():
                        who = _list_below(ctx, mentions, text, li)
                    elif who and sb == ln.end and m.group("tail").rstrip()[-1] in "：:" \
                            and text[sb - 1] not in _SENT_END:
                        # a minutes' header "出　　席：唐立新　县委常委、常务副县长" with one
                        # "邓雪梅　副县长" a line below, up to the next label ("列　　席：")
                        who = who + _list_below(ctx, mentions, text, li, labelled=True)
                if ev is None:
                    if not who:  # nobody named ("张某某、李某参加会议"): no evidence of a meeting
                        continue
                    ev = add_event(new)
                for x in who:
                    if x.name != ev.chair and all(x.name != n for n, *_ in ev.attendees):
                        ev.attendees.append((x.name, role, x.start, x.end))
    # one record per meeting across the document: same date, same chair
    merged: List[_Event] = []
    for ev in events:
        twin = next((x for x in merged if ev.chair and x.chair == ev.chair and _same_time(x, ev) and
                     not _kinds_differ(x.name, ev.name) and
                     (x.date == ev.date or (None in (x.date, ev.date) and x.name == ev.name))), None)
        if twin is None:
            merged.append(ev)
            continue
        twin.date = twin.date or ev.date
        if ev.name and (not twin.name or len(ev.name) > len(twin.name)):
            twin.name = ev.name
        for att in ev.attendees:
            if all(att[0] != n for n, *_ in twin.attendees):
                twin.attendees.append(att)
    out = []
    for ev in merged:
        out.append(Meeting(
            date=ev.date, name=ev.name, chair=ev.chair,
            attendees=[Attendee(name=n, role=r, **ctx.loc(a, b)) for n, r, a, b in ev.attendees],
            **ctx.loc(*ev.span)))
    return out


def _list_below(ctx: DocContext, mentions: "_Index", text: str, li: int,
                labelled: bool = False) -> List[PersonMention]:
    """The people listed on the lines after line ``li`` (a list cue that ends its line), up to
    the first sentence end or a line that names nobody. ``labelled``: the cue's line already
    lists one ("出　　席：唐立新　县委常委…"); each line below must open with a person, and a line
    opening with a label of its own ("列　　席：…") ends the list."""
    out: List[PersonMention] = []
    for ln in ctx.doc.lines[li + 1:li + 1 + _LIST_LINES]:
        end = next((i + 1 for i in range(ln.start, ln.end) if text[i] in _SENT_END), ln.end)
        got = [x for x in mentions.between(ln.start, end) if x.end <= end]
        if labelled:
            lead = len(text[ln.start:ln.end]) - len(text[ln.start:ln.end].lstrip())
            if _LABEL_LINE.match(text, ln.start, ln.end) or not got or got[0].ext_start != ln.start + lead:
                break
        if not got:
            # bare names one or a few a line ("马国庆、周敏，"): names only, or the list has ended
            items = [(x.start(), x.end()) for x in _re(r"[^、，,。；;\s]+").finditer(text, ln.start, end)]
            if not items or not all(is_name(text[a:b]) or is_dotted_name(text[a:b]) for a, b in items):
                break
            got = [PersonMention(a, b, text[a:b]) for a, b in items]
        out.extend(got)
        if end < ln.end or text[end - 1] in _SENT_END:
            break
    return out


_LIST_LINES = 30  # the most lines a list below its cue runs
_LABEL_LINE = regex.compile(r"\s*\p{Han}[\p{Han} \u3000\xa0]{0,10}[：:]")
# a bare name closing a clause of posts the people extractor did not take for one ("驻村第一书记、
# 县农业农村局干部刘佳(女)"): the text before it ends with a post or 干部


def _bare_named(text: str, a: int, b: int) -> Optional[PersonMention]:
    """A person named at the end of the clause ``text[a:b]`` after the posts before it."""
    for k in (2, 3):
        m = _re(r"(?P<n>\p{Han}{%d})(?:[（(][男女][）)])?\s*$" % k).search(text, a, b)
        if m is None or not is_name(m.group("n")):
            continue
        prefix = text[a:m.start()]
        if len(prefix) >= 2 and _re(rf"(?:{_post_end_re().pattern}|干部)$").search(prefix):
            return PersonMention(m.start("n"), m.end("n"), m.group("n"), ext_start=a, ext_end=m.end("n"))
    return None


def _chaired_by(mentions: "_Index", text: str, start: int, end: int) -> Optional[str]:
    """The person of "会议由X主持" between ``start`` and ``end``, if any."""
    by = _CHAIRED_BY.search(text, start, end)
    if not by:
        return None
    who = _subject_at(mentions, text, by.start(1), by.end(1))
    return who.name if who else None


def _dated_or_chaired(ctx: DocContext, text: str, v: int, sent: Tuple[int, int], line_start: int,
                      heads, chair: Optional[str]) -> Tuple[bool, Optional[str]]:
    """(keep, date) of a meeting candidate at ``v``: not inside reported speech, and with a
    chair, a date or a time word (an organ's undated "召开会议" is a reference, not an event)."""
    sa, _ = sent
    if _in_speech(ctx, text, sa, v):
        return False, None
    found_date, value = _date_for(ctx, text, v, sent, line_start, heads)
    return bool(chair is not None or found_date or _WHEN.search(text, sa, v)), value


_NOT_A_MEETING = regex.compile(r"了?(?:调研|考察|视察|检查|慰问|看望|会见|会谈|走访|陪同|签约|仪式|开幕式)")
# labels may be spaced out to the width of the longest ("主 持 人：", "时　　间：")
_CHAIR_LABEL = regex.compile(r"\s*(?:会议)?主\s*持\s*(?:人\s*)?[：:]\s*")
_LABEL_NAME = regex.compile(r"(?P<n>[\p{Han}·•]{2,12}?)\s*(?:[（(][^）)]{1,40}[）)])?\s*$")
_TIME_LABEL = regex.compile(r"\s*(?:会议)?(?:时\s*间|日\s*期)\s*[：:]")


def _labelled_date(ctx: DocContext, text: str, pos: int) -> Optional[str]:
    """The date on a "会议时间：…" line among the few lines before ``pos`` (a minutes' header)."""
    lines = [ln for ln in ctx.doc.lines if ln.start < pos][-6:]
    for ln in reversed(lines):
        if _TIME_LABEL.match(text, ln.start, ln.end):
            hits = [h for h in _hits(ctx, ln.start, ln.end) if h.value]
            if hits:
                return hits[0].value
    return None


def _held(ctx: DocContext, text: str, v: int, sent: Tuple[int, int], line_start: int,
          heads) -> Tuple[bool, Optional[str]]:
    """(held, date) of a meeting only attended or chaired at ``v`` ("…出席座谈会", "会议由X主持"):
    not in reported speech, and with a date or a time word."""
    if _in_speech(ctx, text, sent[0], v):
        return False, None
    found_date, value = _date_for(ctx, text, v, sent, line_start, heads)
    return bool(found_date or _WHEN.search(text, sent[0], v)), value


_TOD = regex.compile(r"上午|下午|中午|晚上|晚间|凌晨")


def _time_of_day(text: str, pos: int) -> Optional[str]:
    """The last 上午/下午/晚上 written in the sentence before ``pos``."""
    floor = max(0, pos - 80)
    seg = text[floor:pos]
    if "午" not in seg and "晚" not in seg and "凌晨" not in seg:
        return None
    s = max(text.rfind(ch, floor, pos) for ch in _SENT_END + "\n") + 1 or floor
    last = None
    for m in _TOD.finditer(text, s, pos):
        last = m.group(0)
    return {"晚间": "晚上"}.get(last, last)


def _same_time(x: "_Event", ev: "_Event") -> bool:
    """No two different times of day (上午 … ；下午 …, two meetings the same chair held)."""
    return x.tod is None or ev.tod is None or x.tod == ev.tod


@lru_cache(maxsize=4096)
def _kind(name: str) -> str:
    """The meeting noun a name ends with, 议 dropped ("省政府常务会议" → "常务会"); "" for a
    plain 会议."""
    noun = next((n for n in _nouns_longest_first() if name.endswith(n)), "")
    return "" if noun in ("会议", "") else noun.rstrip("议")


@lru_cache(maxsize=None)
def _nouns_longest_first() -> Tuple[str, ...]:
    return tuple(sorted(patterns().nouns, key=len, reverse=True))


def _kinds_differ(a: Optional[str], b: Optional[str]) -> bool:
    """Two names of different kinds of meeting ("省政府常务会议" and "专题会议"): not one meeting."""
    if not a or not b or a in b or b in a:
        return False
    ka, kb = _kind(a), _kind(b)
    return bool(ka and kb and ka != kb)


def _same_meeting(x: "_Event", ev: "_Event") -> bool:
    """Two mentions in one entry of the same meeting: same date (or one undated, as a headline
    above its dated body is), chairs that do not disagree, and no two times of day."""
    if not _same_time(x, ev) or _kinds_differ(x.name, ev.name):
        return False
    if x.date == ev.date:
        return x.chair is None or ev.chair is None or x.chair == ev.chair
    if None in (x.date, ev.date):
        return bool(x.chair and x.chair == ev.chair) or bool(x.name and x.name == ev.name)
    return False


def _first_clause(text: str, sa: int, sb: int) -> int:
    """Start of the sentence's first clause that is not just a date or 同日."""
    s = sa
    while s < sb:
        e = s
        while e < sb and text[e] not in _CLAUSE_END:
            e += 1
        if not _re(rf"\s*(?:{_DATE_TXT}|同日|当日|当天|随后)?\s*").fullmatch(text[s:e]):
            return s
        s = e + 1
    return sa
