"""Officials written the way personnel notices write them (used by ``extract/people.py``).

1. Appointment and removal items of a 任免通知, inline or as a block under a head line::

       任命王建军为洛阳市发展和改革委员会主任；免去赵志刚的洛阳市…主任职务。
       决定：王某任…局长；免去其…副局长职务。
       任命：                                  免去：
       王建军为洛阳市发展和改革委员会主任；    赵志刚的洛阳市发展和改革委员会主任职务；
       郭永峰为…副局长（试用期一年）；        周海涛的…副秘书长职务，另有任用；

   Both the post given and the post taken away are titles of the person (gold convention:
   "the titles written next to the name"). Verbs, links (为/任/兼任) and words after a post
   (职务, 人选) are in ``data/appointment_words.txt``.
2. A post given to a name by 任/担任/兼任 after it ("由副县长杨明任组长、…局长刘红任副组长"):
   :func:`link_titles_at` reads the post; ``people.py`` adds it to the name before.
3. Name lists, one person a line, the post after a space ("王志华　成都市应急管理局…处处长",
   "刘　洋　自贡市应急管理局党委书记、局长", "吉克阿呷（女，彝族）　昭觉县应急管理局局长").

A name must pass ``people.is_name`` (surname lexicon, no generic word), or be the NER model's PER
span, or a name found elsewhere in the document; a post must end with a ``titles.txt`` post. The
rules work alone (``parse(ner=False)``); the model only settles where a name ends when nothing
written after it does (免去赵志刚洛阳市…职务, no 的).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, FrozenSet, List, Optional, Sequence, Set, Tuple

import regex

from ..resources import data_rows, organ_suffix_re

Span = Tuple[int, int]


@dataclass
class Hit:
    """A person (normalised offsets) and the posts written for them here."""

    start: int
    end: int
    name: str
    titles: List[str]
    spans: List[Span]
    how: str


# --------------------------------------------------------------------------- lexicon

@lru_cache(maxsize=None)
def words() -> Dict[str, Tuple[str, ...]]:
    """kind -> words of ``data/appointment_words.txt``, longest first."""
    out: Dict[str, set] = {k: set() for k in ("appoint", "remove", "resign", "link", "tail", "note", "profile")}
    for row in data_rows("appointment_words.txt"):
        out[row[0].strip()].add(row[1].strip())
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _alt(ws: Sequence[str]) -> str:
    return "(?:" + "|".join(map(regex.escape, ws)) + ")"


@lru_cache(maxsize=None)
def _verb_re() -> regex.Pattern:
    """Appointment and removal verbs, longest first (同意免去 before 同意); :func:`_verb_kind`."""
    w = words()
    return regex.compile(_alt(sorted(w["appoint"] + w["remove"] + w["resign"], key=len, reverse=True)))


def _verb_kind(verb: str) -> str:
    w = words()
    return "remove" if verb in w["remove"] else "resign" if verb in w["resign"] else "appoint"


@lru_cache(maxsize=None)
def _link_re(with_wei: bool) -> regex.Pattern:
    """Link words (longest first, an optional 了 after: "兼任了总经理"); a bare 任 not right after
    a char that makes it part of a word (历任, 担任, 现任: "于辉历任…" is 于辉 + 历任). Without
    ``with_wei``, 为 and 兼 (too common as verbs outside an appointment item) are left out."""
    links = sorted((x for x in words()["link"] if with_wei or x not in ("为", "兼")), key=len, reverse=True)
    alts = [rf"(?<![{_REN_WORD_BEFORE}])任" if x == "任" else regex.escape(x) for x in links]
    return regex.compile("(?:" + "|".join(alts) + ")了?")


# chars that make a 任 after them part of a word (历任, 现任, 担任 …), not a link after a name
_REN_WORD_BEFORE = "现曾时历担兼作调改转原前"


@lru_cache(maxsize=None)
def _tail_re() -> regex.Pattern:
    """What may close a post without being part of it: 职务/人选, brackets (试用期一年), spaces."""
    return regex.compile(rf"(?:{_alt(words()['tail'])}|[（(][^）)]{{0,30}}[）)]|\s)+$")


@lru_cache(maxsize=None)
def _note_re() -> regex.Pattern:
    """Brackets after a listed name that show a person: （女，彝族）, （挂职）."""
    return regex.compile(rf"[（(](?:(?:{_alt(words()['note'])}|\p{{Han}}{{1,4}}族)[，,、\s]*)+[）)]")


def _people():
    from . import people  # noqa: WPS433 (people.py imports this module)

    return people


# --------------------------------------------------------------------------- posts

# a 任 that is no link word: 主任, 责任, 担任/兼任 (read as a whole), 现任/时任/曾任 …
_NOT_LINK_REN = "主责信担兼现时曾历继原前升出委聘选留续离到上就赴首连改"
_STOP = "，,。；;：:\n（()）“”\"《》！!？?的 \u3000\t"


def _piece_ok(piece: str) -> bool:
    """A stretch between 、 that can be (part of) a post: no link word that would make it a
    clause of another person ("县医疗保障局局长刘红任副组长")."""
    if not piece or len(piece) > 40 or "为" in piece:
        return False
    return regex.search(rf"(?<![{_NOT_LINK_REN}])任", piece) is None


def split_titles(text: str, s: int, e: int) -> List[Span]:
    """Posts in ``text[s:e]``: split at 、 where each piece ends with a post (a piece that does
    not, an organ sharing the next post, joins it: "中共中央台办、国务院台办主任"), and at 兼
    ("…局长兼…主任"); a last piece with no post is left out."""
    P = _people()
    post_end = P._post_end_re()
    out: List[Span] = []
    a = s
    for k in range(s, e + 1):
        if (k == e or text[k] == "、") and k > a:
            if post_end.search(text[a:k]):
                out.extend(P._split_concurrent(text, a, k))
                a = k + 1
            elif not P._is_organ_piece(text[a:k].split("、")[-1]):
                a = k + 1  # "先后任教育长、副校长": a piece that is neither a post nor an organ
    return out


def read_titles(text: str, s: int, end: int) -> Optional[Tuple[List[Span], int]]:
    """The posts written from ``s`` (right after a link word) up to a stop: "组长、县医…" →
    [组长]; "洛阳市教育局局长（试用期一年）；" → [洛阳市教育局局长]; pieces after 、 that are
    posts too join ("局长、党组书记"). Returns (spans, end of the last post) or None when the
    text there ends in no post."""
    post_end = _people()._post_end_re()
    k = s
    while k < end and text[k] not in _STOP:
        k += 1
    m = _re_tail_cut().match(text, s, k)
    body = m.group("body") if m else ""
    good_end, pos = None, s
    for pc in body.split("、"):
        if not _piece_ok(pc):
            break
        if post_end.search(pc):
            good_end = pos + len(pc)
        pos += len(pc) + 1
    if good_end is None:
        return None
    spans = split_titles(text, s, good_end)
    return (spans, good_end) if spans else None


@lru_cache(maxsize=None)
def _re_tail_cut() -> regex.Pattern:
    return regex.compile(rf"(?P<body>.+?)(?:{_alt(words()['tail'])})?$")


def link_titles_at(text: str, pos: int, end: int, wei: bool = False) -> Optional[Tuple[List[Span], int]]:
    """Posts given by 任/担任/兼任 at ``pos`` ("杨明|任组长"), or None. With ``wei``, also 为
    before a bare post ("以县长张华|为组长"): 为 before anything longer is too common a verb."""
    m = _link_re(wei).match(text, pos, end)
    if m is None:
        return None
    got = read_titles(text, m.end(), end)
    if got is not None and m.group(0) == "为":
        posts, _, _ = _people()._title_lexicon()
        if len(got[0]) != 1 or text[got[0][0][0]:got[0][0][1]] not in posts:
            return None
    return got


# --------------------------------------------------------------------------- names

def _name_at(text: str, pos: int, end: int, ner: Set[Span], known: Set[str], follow) -> Optional[Span]:
    """The name starting at ``pos`` that ``follow(e)`` accepts after it: the model's span first,
    then a name found before, then 3, 2, 4 chars."""
    P = _people()
    cands = []
    for n in (3, 2, 4):
        b = pos + n
        if b > end:
            continue
        s = text[pos:b]
        ok = P.is_name(s) or s in known or ((pos, b) in ner and P._is_name_loose(s)) \
            or (text[b:b + 1] in "（(" and _note_re().match(text, b) is not None and _noted_name_ok(s))
        if ok and follow(b):
            cands.append((pos, b))
    if not cands:
        return None
    for c in cands:
        if c in ner:
            return c
    for c in sorted(cands, key=lambda c: c[0] - c[1]):
        if text[c[0]:c[1]] in known:
            return c
    return cands[0]


def _names_at(text: str, pos: int, end: int, ner, known, follow) -> Tuple[List[Span], int]:
    """Names enumerated from ``pos`` ("张三、李四和王五"), each ending where ``follow`` or a
    separator accepts; returns (spans, position after the last name and its 同志)."""
    out: List[Span] = []

    def skip_note(e: int) -> int:
        # "林美华（女）为…", "阿依古丽（女，维吾尔族）的…职务": a person note after the name
        nm = _note_re().match(text, e, end) if text[e:e + 1] in "（(" else None
        return nm.end() if nm else e

    while pos < end:
        sep = lambda e: text[e:e + 1] in ("、", "和", "及") or follow(skip_note(e)) \
            or (text.startswith("同志", e) and follow(e + 2))  # noqa: E731
        got = _name_at(text, pos, end, ner, known, sep)
        if got is None:
            break
        out.append(got)
        pos = skip_note(got[1])
        if text.startswith("同志", pos):
            pos += 2
        if pos < end and text[pos] in "、和及" and not follow(pos):
            pos += 1
            continue
        break
    return out, pos


# --------------------------------------------------------------------------- 1. appointment items

_CLAUSE = regex.compile(r"(?:[（(][^）)]{0,40}[）)]|[^，,：:；;。（(])+|[（(]")
_OPENER = regex.compile(r"(?:\d{1,2}[.、．]|[（(]\d{1,2}[）)]|[一二三四五六七八九十]{1,3}、)?(?:经[^，,]{0,40}?研究|根据[^，,]{0,30})?(?:并|同时|另|现|特|一致)?")
_REMOVE_TAIL = regex.compile(r"(?:的)?职务(?:[（(][^）)]{0,30}[）)]|\s)*$")
_RESIGN_TAIL = regex.compile(r"(?:的)?职务(?:的请求)?[\s]*$")  # 辞去…职务的请求
_HEAD_NUM = regex.compile(r"^(?:\d{1,2}[.、．]|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|[一二三四五六七八九十]{1,3}、)")
_DECIDE = regex.compile(r"(?:[^，,：:；;。]{0,40}?)?决定(?:如下)?$")


def _head_mode(text: str, a: int, b: int) -> Optional[str]:
    """A clause that only names the kind of the items after it: 任命 / 免去下列同志职务 / 决定."""
    clause = regex.sub(r"\s", "", text[a:b])
    # "一、决定任命", "（二）免去", "3.任命": a numbered head line of a 任免名单
    clause = _HEAD_NUM.sub("", clause, count=1)
    vm = _verb_re().match(clause)
    if vm is not None:
        rest = clause[vm.end():]
        if regex.fullmatch(r"(?:下列|以下|如下)?(?:同志|人员)?(?:的)?(?:职务)?(?:如下)?", rest):
            return _verb_kind(vm.group(0))
        return None
    if _DECIDE.search(clause) and len(clause) <= 60:
        return "decide"
    return None


def appointment_hits(text: str, lines, ner: Set[Span], known: Set[str]) -> List[Hit]:
    """Appointment and removal items (see the module doc)."""
    P = _people()
    hits: List[Hit] = []
    block: Optional[str] = None  # the mode a head line ("任命：") leaves to the lines below it
    for line in lines:
        la, lb = line.start, line.end
        mode = block
        line_items = 0
        last_head = False
        prev_names: List[Span] = []
        for cm in _CLAUSE.finditer(text, la, lb):
            ca, cb = cm.span()
            while ca < cb and text[ca] in " \u3000\t":
                ca += 1
            if ca >= cb:
                continue
            head = _head_mode(text, ca, cb)
            if head is not None:
                mode = head
                last_head = True
                continue
            last_head = False
            pos = _OPENER.match(text, ca, cb).end()
            vm = _verb_re().match(text, pos, cb)
            if vm is not None:
                mode = _verb_kind(vm.group(0))
                pos = vm.end()
            got = _item(text, pos, cb, mode, ner, known, prev_names)
            if got is None:
                continue
            names, titles = got
            prev_names = names
            line_items += 1
            for a, b in names:
                hits.append(Hit(a, b, regex.sub(r"\s", "", text[a:b]), [text[s:e] for s, e in titles],
                                list(titles), "appoint"))
                known.add(text[a:b])
        if last_head and mode is not None:
            block = mode
        elif line_items == 0 and not (block is not None and _item_like(text, la, lb)):
            block = None  # an item line whose name was not read leaves the block open
    return hits


_ITEM_LIKE = regex.compile(r"[ \u3000\t]*\p{Han}{2,6}(?:[（(][^）)]{1,20}[）)])?(?:同志)?(?:为|的)(?P<t>[^，,。；;：:]{2,60}?)(?:职务)?[；;。，,]?[ \u3000\t]*")


def _item_like(text: str, a: int, b: int) -> bool:
    """A line written like a block item ("某某为…局长；", "某某的…局长职务。")."""
    m = _ITEM_LIKE.fullmatch(text, a, b)
    return m is not None and _people()._post_end_re().search(m.group("t")) is not None


def _item(text: str, pos: int, end: int, mode: Optional[str], ner, known,
          prev: List[Span]) -> Optional[Tuple[List[Span], List[Span]]]:
    """(names, posts) of one item at ``pos`` in a clause ending at ``end``, or None."""
    P = _people()
    if mode == "resign":
        # "接受陈建华辞去福州市财政局局长职务的请求": the post resigned is a title of the name
        names, q = _names_at(text, pos, end, ner, known, lambda e: text.startswith(("辞去", "同志辞去"), e))
        if not names:
            return None
        q += 2 if text.startswith("同志", q) else 0
        if not text.startswith("辞去", q):
            return None
        tm = _RESIGN_TAIL.search(text, q + 2, end)
        if tm is None or not P._post_end_re().search(text[q + 2:tm.start()]):
            return None
        titles = split_titles(text, q + 2, tm.start())
        return (names, titles) if titles else None
    if mode is None or mode == "decide":
        # "王建军任…主任", "李四同志兼任…": a link other than 为 outside a 任命 context
        links = _link_re(mode == "decide")
    else:
        links = _link_re(True)
    if mode == "remove":
        # "赵志刚的…主任职务", "其…副局长职务", "张三、李四的…职务（另有任用）"
        tm = _REMOVE_TAIL.search(text, pos, end)
        stop = tm.start() if tm else pos + len(_tail_re().sub("", text[pos:end]))
        if text.startswith("其", pos):
            names, q = list(prev), pos + 1
        else:
            names, q = _names_at(text, pos, stop, ner, known, lambda e: text.startswith(("的", "同志", "所", "担任的", "兼任的"), e))
            if not names and tm is not None:
                # no 的: the model, a name known from elsewhere, else the longest reading
                got = _name_at(text, pos, stop, ner, known, lambda e: True)
                if got is not None and regex.search(r"[的（(]", text[got[1]:stop]):
                    got = None  # "阿依古丽（女）的…": a 的 or a note later, the name is longer
                names, q = ([got], got[1]) if got else ([], pos)
            elif names and tm is None and not text.startswith(("的", "同志的"), q):
                return None  # neither 的 nor 职务: not a removal item
        if not names:
            return None
        if text.startswith("同志", q):
            q += 2
        for w in ("所担任的", "担任的", "所任的", "兼任的", "的"):
            if text.startswith(w, q):
                q += len(w)
                break
        if stop - q < 2 or not P._post_end_re().search(text[q:stop]):
            return None
        titles = split_titles(text, q, stop)
        return (names, titles) if titles else None
    if links.search(text, pos, end) is None:
        return None  # no link word in the clause: no item (a cheap test before reading names)
    names, q = _names_at(text, pos, end, ner, known, lambda e: links.match(text, e) is not None)
    if not names:
        return None
    lm = links.match(text, q, end)
    if lm is None:
        return None
    got = read_titles(text, lm.end(), end)
    if got is None:
        return None
    spans, tend = got
    # the item is the whole clause: what follows the post is a tail (职务, （试用期一年）) or nothing
    if tend < end and not _tail_re().fullmatch(text, tend, end):
        return None
    return names, spans


# --------------------------------------------------------------------------- 3. name lists

_LIST_LINE = regex.compile(
    r"(?P<label>[ \u3000\t]*\p{Han}[\p{Han} \u3000]{0,7}[：:][ \u3000\t]*)?"
    r"(?:\d{1,3}[.、．]?[ \u3000\t]*|[（(]\d{1,3}[）)][ \u3000\t]*)?(?P<n>\p{Han}[ \u3000]{1,3}\p{Han}|\p{Han}{2,8}(?:[·•・]\p{Han}{2,8}){0,2})(?P<note>[（(][^）)]{1,20}[）)])?[ \u3000\t]+(?P<t>[^\s，,。；;：:].*?)[；;。，,]?$")


def _listed_name(text: str, a: int, b: int, ner: Set[Span], known: Set[str]) -> Tuple[str, bool]:
    """The name written at text[a:b] with its spaces taken out (刘　洋 → 刘洋), and whether it reads
    as a person: a plain or dotted name, a name known from elsewhere on the page, or the model's."""
    P = _people()
    name = regex.sub(r"[ \u3000]", "", text[a:b])
    return name, bool(P.is_name(name) or P.is_dotted_name(name) or name in known or (a, b) in ner)


def list_hits(text: str, lines, ner: Set[Span], known: Set[str]) -> List[Hit]:
    """People of a name list written one a line, the post after a space; at least two such lines
    in the document, so that a lone "张三　局长" heading is not read as one."""
    P = _people()
    found: List[Hit] = []
    labelled: List[Hit] = []
    for line in lines:
        m = _LIST_LINE.fullmatch(text, line.start, line.end)
        if m is None:
            continue
        a, b = m.span("n")
        name, person = _listed_name(text, a, b, ner, known)
        note = m.group("note")
        if not (person or (note and _note_re().fullmatch(note) and _noted_name_ok(name))):
            continue
        if note and not _note_re().fullmatch(note):
            continue
        ts, te = m.span("t")
        if regex.search(r"\s", text[ts:te]):
            continue
        # the post is the whole rest of the line (every piece between 、 ends with a post), or the
        # rest is the person's unit alone ("王志华　成都市应急管理局"): a person with no post
        titles = split_titles(text, ts, te) if P._post_end_re().search(text[ts:te]) else []
        if titles and titles[-1][1] == te:
            hit = Hit(a, b, name, [text[s:e] for s, e in titles], titles, "list")
            # "主　　持：欧阳建军　县委副书记、县长", "解读人：赵红梅　…处处长": a labelled field is a
            # person and posts even alone in the document
            (labelled if m.group("label") and P.is_name(name) else found).append(hit)
        elif m.group("label"):
            continue
        elif not titles and P.is_name(name) and organ_suffix_re().search(text[ts:te]):
            found.append(Hit(a, b, name, [], [], "list"))
    for line in lines:
        if _BRACKET_LINE.fullmatch(text, line.start, line.end) is not None:
            found.extend(_bracket_items(text, line.start, line.end, ner, known))
            continue
        lm = _LABEL.match(text, line.start, line.end)
        if lm is not None and _BRACKET_LINE.fullmatch(text, lm.end(), line.end) is not None:
            # "解读人：赵红梅（…处处长）", "主　　持：欧阳建军（县委副书记、县长）"
            labelled.extend(h for h in _bracket_items(text, lm.end(), line.end, ner, known)
                            if h.titles and P.is_name(h.name))
    return (found if len(found) + len(labelled) >= 2 else []) + labelled


_LABEL = regex.compile(r"[ \u3000\t]*\p{Han}[\p{Han} \u3000]{0,7}[：:][ \u3000\t]*")
_NAME_PAT = r"\p{Han}[ \u3000]{1,3}\p{Han}|\p{Han}{2,8}(?:[·•・]\p{Han}{2,8}){0,2}"
_ITEM_PAT = rf"(?:\d{{1,3}}[.、．][ \u3000]*)?(?P<n>{_NAME_PAT})[（(](?P<in>[^（()）\n]{{1,60}})[）)]"
_BRACKET_ITEM = regex.compile(_ITEM_PAT)
_BRACKET_LINE = regex.compile(rf"{_ITEM_PAT}(?:[、，,；;\s]+{_ITEM_PAT.replace('?P<n>', '').replace('?P<in>', '')})*[。；;]?")


def _bracket_items(text: str, start: int, end: int, ner, known) -> List[Hit]:
    """"王志华（成都市应急管理局安全生产综合协调处处长）、吉克阿呷（女，彝族，昭觉县应急管理局局长）":
    each name with the posts in its brackets; notes (女, 彝族) and a unit alone (成都市应急管理局)
    give no title but show a person."""
    P = _people()
    out: List[Hit] = []
    for it in _BRACKET_ITEM.finditer(text, start, end):
        a, b = it.span("n")
        name, person = _listed_name(text, a, b, ner, known)
        titles: List[Span] = []
        noted = unit = False
        pos = it.start("in")
        for seg in regex.split(r"[，,]", it.group("in")):
            s0, s1 = pos, pos + len(seg)
            pos = s1 + 1
            if _note_re().fullmatch(f"（{seg}）"):
                noted = True
            elif P._post_end_re().search(seg):
                titles += split_titles(text, s0, s1)
            elif organ_suffix_re().search(seg):
                unit = True
        if not (titles or noted or unit):
            continue
        if person or (noted and _noted_name_ok(name)):
            out.append(Hit(a, b, name, [text[x:y] for x, y in titles], titles, "list"))
    return out


# "张三，男，汉族，1975年5月生，…" / "李四同志，女，…": a profile line opens with the name
_PROFILE_LINE = regex.compile(rf"(?:\d{{1,3}}[.、．][ \u3000]*)?(?P<n>{_NAME_PAT})(?:同志)?[，,][ \u3000]*[男女][，,（(]")


@lru_cache(maxsize=None)
def _profile_re() -> regex.Pattern:
    """The words that introduce posts in a profile line (现任, 拟任 …)."""
    return regex.compile(_alt(words()["profile"]))


def profile_hits(text: str, lines, ner: Set[Span], known: Set[str]) -> List[Hit]:
    """People of 任前公示-style profile lines, with the posts after 现任/拟任 in the line."""
    out: List[Hit] = []
    prof = _profile_re()
    for line in lines:
        m = _PROFILE_LINE.match(text, line.start, line.end)
        if m is None:
            continue
        a, b = m.span("n")
        name, person = _listed_name(text, a, b, ner, known)
        if not person:
            continue
        titles: List[Span] = []
        for pm in prof.finditer(text, m.end(), line.end):
            got = read_titles(text, pm.end(), line.end)
            if got is not None:
                titles += got[0]
        out.append(Hit(a, b, name, [text[x:y] for x, y in titles], titles, "profile"))
    return out


def _noted_name_ok(name: str) -> bool:
    """A name with a person note after it (阿不都热依木（男，维吾尔族）): CJK, no post, not ending
    like an organ; transliterated names hold chars the generic-word check would refuse (都)."""
    P = _people()
    _, last, _ = P._nonnames()
    return 2 <= len(name) <= 8 and regex.fullmatch(r"\p{Han}+", name) is not None \
        and name[-1] not in last and P.post_re().search(name) is None
