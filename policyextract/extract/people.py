"""Officials: named people with the titles written next to their names (issue 4).

Rules do the work; the NER model (``policyextract.nlp``), when it loads, only settles where a name
ends. Everything runs on the normalised text (``ctx.norm.text``).

A name is 2–4 CJK characters opening with a surname (``data/person_surnames.txt``), holding no
generic word and not ending like an organ (``data/person_nonnames.txt``), and followed by a
boundary (punctuation, a verb like 主持/出席/强调, a post after the name, 同志, 等 …). It is found:

1. after a title (``data/titles.txt`` posts): the text before the post back to a delimiter is the
   title, so organ prefixes compose by rule ("中共中央政治局常委、国务院总理、…领导小组组长李克强" →
   three titles, split at 、 where each piece ends with a post); names enumerated with 、 after the
   first one share the chain ("领导小组成员丁薛祥、黄坤明、蔡奇参加会议");
2. before a post that may follow a name ("习近平总书记", "钟南山院士") or before 同志;
3. as an enumeration before an attendance verb ("刘鹤、肖捷、何立峰参加上述活动"), or before 等+role
   ("钟南山等专家");
4. in a leadership-group roster line ("组长：张三（市委副书记、市长）") or an appointment
   ("张三同志任市卫生健康委员会主任");
5. as a bare three-char name opening a clause before an official act ("习近平在北京考察…");
6. everywhere else that a name found above is written again (each is a mention).

The NER model's PER spans (sentences with a post or a meeting verb only, one batched call) pick
between candidate name lengths and complete enumerations; without the model nothing changes but
that. Reporters and editors (a name after 记者/编辑…) and placeholders (xx, xxx同志, 某) are not
people.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, FrozenSet, List, Optional, Sequence, Set, Tuple

import regex

from ..records import Mention, Official
from ..resources import data_rows
from . import appointments
from .name_context import function_words_at, function_words_only
from .common import NER_STATE, DocContext, ner_available, ner_entities

_re = lru_cache(maxsize=None)(regex.compile)  # hot loops: compiled once, not looked up per call

# chars that end a title run going left (a title never crosses them)
_DELIM = set("，,。；;：:！!？?“”‘’\"'（）()《》〈〉【】[]「」『』 \t\n\u3000·•—-…/|")
# what may follow a name
_FOLLOW_WORDS = (
    "主持", "出席", "参加", "列席", "参会", "与会", "视频连线", "通过", "率", "赴", "到", "来到", "在", "于", "强调", "指出",
    "说", "表示", "要求", "批准", "同志", "等", "和", "与", "及", "以及", "一行", "代表", "向", "对", "就", "作", "做",
    "听取", "召开", "主", "考察", "检查", "看望", "慰问", "察看", "调研", "视察", "会见", "会谈", "致", "签", "发表",
    "讲话", "宣布", "希望", "认为", "介绍", "还", "也", "先后", "分别", "随后", "亲自", "带队", "带领", "陪同", "一同",
    "共同", "专程", "走进", "深入", "了解", "参观", "叮嘱", "勉励", "详细", "仔细", "主张", "回答", "提出", "指示",
    "批示", "签署", "担任", "兼任", "同", "的", "已", "曾", "将", "今天", "当天", "日前", "近日", "前往", "实地",
    "宣读", "通报", "传达", "作出", "出台", "会同", "总书记", "主席", "总理", "副总理", "院士", "教授", "书记",
    "上午", "下午", "晚上", "第一", "首先", "最后", "接着", "又", "再", "都", "均", "则", "即", "乘", "从", "自",
    "以视频", "以线上",
)
_FOLLOW_RE = regex.compile(
    r"(?:" + "|".join(sorted(map(regex.escape, _FOLLOW_WORDS), key=len, reverse=True)) + r"|[^\p{Han}]|$)"
)
_ROLE_AFTER_ETC = regex.compile(r"等(?:专家|同志|领导|人|院士|负责同志|有关人员)")


# --------------------------------------------------------------------------- lexicons

@lru_cache(maxsize=None)
def _title_lexicon() -> Tuple[Tuple[str, ...], FrozenSet[str], Tuple[str, ...]]:
    posts, after, strip = set(), set(), set()
    for row in data_rows("titles.txt"):
        kind, word = row[0].strip(), row[1].strip()
        {"post": posts, "after": after, "strip": strip}[kind].add(word)
    by_len = lambda s: tuple(sorted(s, key=len, reverse=True))  # noqa: E731
    return by_len(posts), frozenset(after), by_len(strip)


# 省长/县长 that are the start of a place: 吉林省长春市, 山西省长治市, 华容县长江岸线
_PLACE_AFTER_ZHANG = r"(?!(?<=长)(?:\p{Han}{1,2}(?:市|县|区|州|盟|旗|镇|乡)|江(?:岸|流域|沿|大桥|经济带|干流|口|边|段|航道|保护|禁渔)))"


@lru_cache(maxsize=None)
def post_re() -> regex.Pattern:
    posts, _, _ = _title_lexicon()
    return regex.compile("(?:" + "|".join(map(regex.escape, posts)) + ")" + _PLACE_AFTER_ZHANG)


@lru_cache(maxsize=None)
def _post_end_re() -> regex.Pattern:
    """A title run ends with a post."""
    posts, _, _ = _title_lexicon()
    return regex.compile("(?:" + "|".join(map(regex.escape, posts)) + r")$")


@lru_cache(maxsize=None)
def _after_re() -> regex.Pattern:
    """A post written after a name, or 同志."""
    return regex.compile("(?:" + "|".join(map(regex.escape, after_posts() + ("同志",))) + ")" + _PLACE_AFTER_ZHANG)


@lru_cache(maxsize=None)
def _nonname_word_re() -> regex.Pattern:
    words, _, _ = _nonnames()
    return regex.compile("|".join(map(regex.escape, sorted(words, key=len, reverse=True))))


@lru_cache(maxsize=None)
def after_posts() -> Tuple[str, ...]:
    _, after, _ = _title_lexicon()
    return tuple(sorted(after, key=len, reverse=True))


@lru_cache(maxsize=None)
def surnames() -> Tuple[FrozenSet[str], FrozenSet[str]]:
    """(single-char surnames, compound surnames)."""
    single, double = set(), set()
    for row in data_rows("person_surnames.txt"):
        w = row[0].strip()
        (single if len(w) == 1 else double).add(w)
    return frozenset(single), frozenset(double)


@lru_cache(maxsize=None)
def _nonnames() -> Tuple[Tuple[str, ...], FrozenSet[str], Tuple[str, ...]]:
    words, last, byline = set(), set(), set()
    for row in data_rows("person_nonnames.txt"):
        kind, w = row[0].strip(), row[1].strip()
        if kind == "word2":
            continue
        {"word": words, "last": last, "byline": byline}[kind].add(w)
    return tuple(words), frozenset(last), tuple(sorted(byline, key=len, reverse=True))


@lru_cache(maxsize=None)
def _nonnames_short() -> FrozenSet[str]:
    """Chars that make a two-char candidate no name (过程中, 方才) but are common in longer given
    names (王伟中, 李德才)."""
    return frozenset(row[1].strip() for row in data_rows("person_nonnames.txt") if row[0].strip() == "word2")


_HAN_RE = regex.compile(r"\p{Han}+")  # precompiled: is_name runs per candidate (stress: 100k+ calls)


def is_name(s: str) -> bool:
    """A plausible personal name: 2–4 CJK chars, surname first, nothing generic or organ-like."""
    if not 2 <= len(s) <= 4 or not _HAN_RE.fullmatch(s):
        return False
    single, double = surnames()
    if s[:2] in double:
        if len(s) < 3:
            return False
    elif s[0] not in single:
        return False
    words, last, _ = _nonnames()
    if s[-1] in last:
        return False
    if _nonname_word_re().search(s):
        return False
    if len(s) == 2 and s[1] in _nonnames_short():
        return False
    if len(s) == 4 and s[:2] not in double:
        # four-char names without a compound surname are rare (married names 张王某某, minorities)
        return False
    if function_words_only(s):
        return False  # "须向|镇长本人报告", "应当向|县长报告": 须/应 are surnames, 须向 no name
    if s in _post_set():
        return False  # "区委副书记、区长", "成员", "常委": a post is no name (区/成/常 are surnames)
    return True


@lru_cache(maxsize=None)
def _post_set() -> FrozenSet[str]:
    return frozenset(_title_lexicon()[0])


def _is_name_loose(s: str) -> bool:
    """``is_name`` without the surname and organ-ending rules (for names the NER model vouches
    for right after a post: 洛桑江村 ends like a village)."""
    if not _HAN_RE.fullmatch(s) or function_words_only(s):
        return False
    return _nonname_word_re().search(s) is None and not post_re().search(s)


def _after_post_at(text: str, pos: int) -> Optional[str]:
    """The post that may follow a name written at ``pos`` ("总理" in "李强总理"), if any."""
    if text[pos:pos + 1] not in _after_first_chars():
        return None
    m = _after_re().match(text, pos)
    return m.group(0) if m is not None and m.group(0) != "同志" else None


@lru_cache(maxsize=None)
def _after_set() -> FrozenSet[str]:
    return frozenset(after_posts())


@lru_cache(maxsize=None)
def _after_first_chars() -> FrozenSet[str]:
    return frozenset(w[0] for w in after_posts())


def _follows_ok(text: str, pos: int) -> bool:
    # 任/为 follow a name only when a post comes after them ("杨明|任组长", "张华|为组长"), not in
    # "毕生为之奋斗", "韩国新任驻华大使…等参加"
    return _FOLLOW_RE.match(text, pos) is not None or _link_post_at(text, pos)


# --------------------------------------------------------------------------- mention model

@dataclass
class PersonMention:
    start: int                    # name span (normalised offsets)
    end: int
    name: str
    titles: List[str] = field(default_factory=list)
    title_spans: List[Tuple[int, int]] = field(default_factory=list)
    ext_start: int = -1           # start of the title chain before the name (or the name)
    ext_end: int = -1             # end of a post written after the name (or the name)
    how: str = ""                 # chain | enum | after | attend | etc | repeat

    def __post_init__(self):
        if self.ext_start < 0:
            self.ext_start = self.start
        if self.ext_end < 0:
            self.ext_end = self.end


@dataclass
class People:
    mentions: List[PersonMention]
    names: Dict[str, List[str]]   # name -> titles (ordered, unique)


@lru_cache(maxsize=None)
def _ner_key_re() -> regex.Pattern:
    """Sentences worth tagging: they hold a post, a meeting verb or 同志."""
    return regex.compile(post_re().pattern + r"|主持|出席|参加|列席|同志")


# "领导" as a post ("省领导A、B出席") cues the model; as a noun or verb (领导小组, 党的领导下) it does not
_NOT_A_CUE = regex.compile(r"(?<=加强|坚持|统一|集中|党的|组织)领导|领导(?:小组|下|干部|班子|体制|机制|作用|责任|的|和|力|方式|核心|能力|职务)")


_SPACED = regex.compile(r"[ \u3000\xa0]{1,2}(?=\p{Han})")
_SENTENCE = regex.compile(r"[^。！？；!?;\n]+")
_NER_STATE = NER_STATE  # shared with the other extractors (extract/common.py)


def _ner_spans(ctx: DocContext, text: str) -> Set[Tuple[int, int]]:
    """PER spans from the NER model over the sentences of ``text`` that hold a post or a meeting
    verb (one batched call), or an empty set when the model is not available. Offsets are into
    ``text``. The rules never depend on it: it only settles where names end."""
    sents = ner_windows(text)
    if not sents or not ner_available():  # no cue word: the models are not even loaded
        return set()

    # the model reads each distinct window once (readouts repeat their title chains), and at most
    # NER_BUDGET_CHARS of distinct text per document: past that, the rules alone decide
    distinct: Dict[str, int] = {}
    budget = NER_BUDGET_CHARS
    skipped = 0
    for _, win in sents:
        if win in distinct:
            continue
        if len(win) > budget:
            skipped += 1
            continue
        budget -= len(win)
        distinct[win] = len(distinct)
    if skipped:
        ctx.warnings.append(f"NER budget reached: {skipped} name window(s) read by the rules alone "
                            f"(over {NER_BUDGET_CHARS} distinct chars)")
    tagged = ner_entities(list(distinct), labels=("PER",))
    if tagged is None:
        return set()
    out = set()
    for off, win in sents:
        k = distinct.get(win)
        if k is None:
            continue
        for a, b, _lab in tagged[k]:
            # a span touching a cut edge may be half a name: not evidence of where the name ends
            if (a == 0 and off > 0 and text[off - 1] not in _CUT_OK) or \
                    (b == len(win) and off + b < len(text) and text[off + b] not in _CUT_OK):
                continue
            out.add((off + a, off + b))
    return out


# Distinct window text the model reads per document (~1 s at the model's ~10k chars/s on the
# 2-core machine); the seed pages need at most ~4k. Bounds the time of adversarial input.
NER_BUDGET_CHARS = 10_000
_NER_REACH = 16  # chars of context on each side of a cue word: a title chain's name, a short roster
_CUT_OK = "。！？；!?;，,、：:\n 　"


def ner_windows(text: str) -> List[Tuple[int, str]]:
    """(offset, text) of the stretches the NER model reads: each cue word (a post, a meeting
    verb, 同志) with ``_NER_REACH`` chars either side, clipped to its sentence, overlaps merged.
    Rules locate where names can be; the model only reads there (issue 6's speed budget)."""
    key = _ner_key_re()
    spans: List[List[int]] = []
    for sent in _SENTENCE.finditer(text):
        s0, s1 = sent.span()
        for m in key.finditer(text, s0, s1):
            if _NOT_A_CUE.match(text, m.start()):
                continue
            a, b = max(s0, m.start() - _NER_REACH), min(s1, m.end() + _NER_REACH)
            if spans and a <= spans[-1][1] and spans[-1][0] >= s0:
                spans[-1][1] = max(spans[-1][1], b)
            else:
                spans.append([a, b])
    return [(a, text[a:b]) for a, b in spans]


# names of minority nationalities and foreigners written with a separator dot
# ("艾尔肯·吐尼亚孜", "古丽娜尔·吐尔逊"); each part 2–8 CJK chars, at most three parts
_NAME_DOTS = "·•・‧."
_DOT_HEAD = regex.compile(r"\p{Han}{2,8}(?=[" + _NAME_DOTS + r"]\p{Han})")
_DOT_TAIL = regex.compile(r"(?<=\p{Han}[" + _NAME_DOTS + r"])\p{Han}{2,8}$")
_DOT_NAME = regex.compile(r"\p{Han}{2,8}(?:[" + _NAME_DOTS + r"]\p{Han}{2,8}){1,2}")


_DOTS_IN_DOC = [True]  # set per document by find_people: does the document hold a name dot?


def is_dotted_name(s: str) -> bool:
    """"艾尔肯·吐尼亚孜": CJK parts of 2–8 chars joined by a name dot, no organ or generic word."""
    if not _DOT_NAME.fullmatch(s):
        return False
    words, last, _ = _nonnames()
    # one-char function words (都, 上, 中) are common in transliterated names (阿不都热依木)
    return s[-1] not in last and not any(len(w) > 1 and w in s for w in words)


def _dotted_at(text: str, pos: int, ner: Set[Tuple[int, int]], forward: bool,
               left=None) -> Optional[Tuple[int, int]]:
    """A dotted name starting (forward) or ending (not forward) at ``pos``. Going forward, the
    last part is the shortest one followed by a boundary (or the NER span); going backward, the
    first part is the shortest one that ``left`` (else a delimiter or a post) accepts."""
    # cheap reject first: no name dot in the document, or none near ``pos`` (this runs for
    # every candidate name)
    if not _DOTS_IN_DOC[0]:
        return None
    near = text[pos:pos + 9] if forward else text[max(0, pos - 10):pos]
    if not any(c in near for c in _NAME_DOTS):
        return None
    if forward:
        head = _DOT_HEAD.match(text, pos)
        if head is None:
            return None
        b = head.end()
        for _part in range(2):  # up to three parts
            if b + 1 >= len(text) or text[b] not in _NAME_DOTS:
                return None
            run = _re(r"\p{Han}{2,8}").match(text, b + 1)
            if run is None:
                return None
            ends = [e for e in range(b + 3, run.end() + 1) if is_dotted_name(text[pos:e])]
            ok = [e for e in ends if _follows_ok(text, e) and text[e:e + 1] not in _NAME_DOTS]
            # a boundary of punctuation or a word (主持, 同志) beats a one-char follower (都, 在)
            strong = [e for e in ok if _FOLLOW_RE.match(text, e) is None  # 任/为 and a post
                      or len(_FOLLOW_RE.match(text, e).group(0)) != 1 or not _re(r"\p{Han}").match(text, e)]
            pick = next((e for e in ends if (pos, e) in ner), None) or next(iter(strong or ok), None)
            if pick is not None:
                return pos, pick
            b = run.end()
        return None
    tail = _DOT_TAIL.search(text, max(0, pos - 10), pos)
    if tail is None:
        return None
    a = tail.start() - 1
    for _part in range(2):
        run = _re(r"\p{Han}{2,8}$").search(text, max(0, a - 8), a)
        if run is None:
            return None
        for s in range(a - 2, run.start() - 1, -1):
            ok = left(s) if left is not None else (
                s == 0 or text[s - 1] in _DELIM or text[s - 1] == "、" or _post_end_re().search(text[max(0, s - 12):s]))
            if ok and text[s - 1:s] not in _NAME_DOTS:
                return (s, pos) if is_dotted_name(text[s:pos]) else None
        if run.start() < 2 or text[run.start() - 1] not in _NAME_DOTS:
            return None
        a = run.start() - 1
    return None


def _pick_name(text: str, pos: int, ner: Set[Tuple[int, int]], known: Set[str],
               forward: bool = True, lengths: Sequence[int] = (3, 2, 4),
               left=None) -> Optional[Tuple[int, int]]:
    """The name starting (forward) or ending (not forward) at ``pos``: a dotted name
    ("艾尔肯·吐尼亚孜") first, then NER span, then a known name, then the first length in
    ``lengths`` that passes the name checks. Going backward, ``left(a)`` must accept the text
    before the name."""
    dotted = _dotted_at(text, pos, ner, forward, left)
    if dotted is not None:
        return dotted
    if forward and _link_post_at(text, pos):
        return None  # "由镇长任主任", "以县长为组长": a post given to the title's holder, no name
    cands = []
    for n in (2, 3, 4):
        a, b = (pos, pos + n) if forward else (pos - n, pos)
        if a < 0 or b > len(text):
            continue
        s = text[a:b]
        if not is_name(s) or function_words_at(text, a, b):  # "及|时向县长报告": no 时向
            continue
        if forward and not _follows_ok(text, b) and (a, b) not in ner:
            continue
        if left is not None and s not in known and not left(a):
            continue
        cands.append((a, b, s))
    if not cands:
        if ner:
            # names that fail the surname rule (Tibetan 嘎玛泽登, 洛桑江村, 尼玛次仁): only where the
            # model reads a person exactly there
            for n in (4, 3, 2):
                a, b = (pos, pos + n) if forward else (pos - n, pos)
                if (a, b) in ner and _is_name_loose(text[a:b]) and \
                        (_follows_ok(text, b) if forward else (left is None or left(a))):
                    return a, b
        return None
    def strong_follow(c) -> bool:
        m = _FOLLOW_RE.match(text, c[1])
        # "杨明|任组长": 任 with a post after it is a strong boundary
        return (m is not None and len(m.group(0)) > 1) or _link_post_at(text, c[1])

    if forward and ner:
        # the model's span runs into a word that no name is followed by, while a shorter
        # reading ends before a follower word ("马凯|以视频方式参加"): the rules win
        loose = [c for c in cands if (c[0], c[1]) in ner and not _follows_ok(text, c[1])]
        if loose and any(strong_follow(o) for o in cands if o not in loose):
            cands = [c for c in cands if c not in loose]
    for a, b, s in cands:
        if (a, b) in ner:
            return a, b
    for a, b, s in sorted(cands, key=lambda c: -len(c[2])):
        if s in known:
            return a, b
    order = {n: i for i, n in enumerate(lengths)}
    cands = [c for c in cands if len(c[2]) in order]
    if not cands:
        return None
    if forward:
        # "韩正来到": a two-char name before a follower word beats a three-char one before a
        # single-char follower
        def weak(c):
            m = _FOLLOW_RE.match(text, c[1])
            return m is not None and len(m.group(0)) == 1 and _re(r"\p{Han}").match(m.group(0)) is not None \
                and not _link_post_at(text, c[1])
        strong = [c for c in cands if not weak(c)]
        cands = strong or cands
    a, b, _ = min(cands, key=lambda c: order[len(c[2])])
    return a, b


def _link_post_at(text: str, pos: int) -> bool:
    """任/担任/兼任 and a post at ``pos`` ("杨明|任组长", "张华|为组长")."""
    return text[pos:pos + 1] in "任担兼为" and \
        appointments.link_titles_at(text, pos, min(len(text), pos + 60), wei=True) is not None


def _strip_title(t: str) -> str:
    """Drop openers that are not part of a title ("经中央军委主席" → "中央军委主席")."""
    _, _, strip = _title_lexicon()
    changed = True
    while changed:
        changed = False
        for w in strip:
            if t.startswith(w) and len(t) - len(w) >= 2:
                t = t[len(w):]
                changed = True
                break
    return t


# a title run never reaches back over these ("国家主席习近平在北京会见世界卫生组织总干事谭德塞",
# "会议由副市长X主持")
_TITLE_CUT = regex.compile(r"成立了?(?:以|由)?|(?:^|(?<=[了个电见立]))以(?!色列)|(?<=\p{Han}{2})在|(?:的|还)有|会见了?|会晤|看望了?|慰问了?|听取了?|陪同|邀请|(?<!自)由|被|致电|约见|宴请|委托|主持(?!人)|出席|参加")


def _title_chain(text: str, end: int, floor: int) -> List[Tuple[int, int]]:
    """Title spans ending at ``end`` (each ending with a post), going left over 、."""
    out: List[Tuple[int, int]] = []
    e = end
    while e > floor:
        s = e
        while s > floor and e - s <= 46 and text[s - 1] not in _DELIM and text[s - 1] != "、":
            s -= 1
        seg = text[s:e]
        if out and seg and not _post_end_re().search(seg) and _is_organ_piece(seg):
            # "中共中央台办、国务院台办主任": organs listed before one post share it (one title)
            stripped = _strip_title(seg)
            out[-1] = (e - len(stripped), out[-1][1])
            if stripped == seg and s > floor and text[s - 1] == "、":
                e = s - 1
                continue
            break
        if not seg or not _post_end_re().search(seg) or len(seg) > 45:
            break
        cut = None
        for cm in _TITLE_CUT.finditer(seg):
            if len(seg) - cm.end() >= 2:
                cut = cm
        if cut is not None:
            s, seg = s + cut.end(), seg[cut.end():]
            if s > floor and text[s - 1] != "、":
                floor = s  # the chain cannot continue past a verb
        stripped = _strip_title(seg)
        s2 = e - len(stripped)
        # a name inside the run ends the title there ("李克强就…听取了…组长")
        if len(stripped) < 1:
            break
        out.append((s2, e))
        if s2 != s:  # something was stripped: the chain cannot continue further left
            break
        if s > floor and text[s - 1] == "、":
            e = s - 1
            continue
        break
    out.reverse()
    return [piece for span in out for piece in _split_concurrent(text, *span)]


def _is_organ_piece(seg: str) -> bool:
    """An organ named before 、 in a title ("中共中央台办", "国务院"): ends like an organ, no
    verb, no name."""
    _, last, _ = _nonnames()
    return 2 <= len(seg) <= 20 and seg[-1] in last and _re(r"\p{Han}+").fullmatch(seg) is not None \
        and not _TITLE_CUT.search(seg) and not is_name(seg)


def _titles_before_comma(text: str, chain: List[Tuple[int, int]], floor: int) -> List[Tuple[int, int]]:
    """"省委副书记、省长，省政府党组书记王予波": a clause of titles only, right before the chain
    and cut from it by a comma, belongs to the same person."""
    ce = chain[0][0] - 1
    if ce <= floor or text[ce] not in "，," or text[chain[0][0]:chain[0][0] + 1] in "，,":
        return []
    cs = ce
    while cs > floor and text[cs - 1] not in _DELIM and ce - cs <= 46:
        cs -= 1
    if cs > floor and text[cs - 1] not in "，,。；;：:\n":
        return []
    out, a = [], cs
    for piece in text[cs:ce].split("、"):
        post = _post_end_re().search(piece)
        if len(piece) < 2 or not post or _TITLE_CUT.search(piece) or \
                _strip_title(piece) != piece or _DATE_LEAD.match(piece):
            return []
        head = piece[:post.start()]
        if any(is_name(head[-n:]) and (n == len(head) or _post_end_re().search(head[:-n])) for n in (2, 3)):
            return []  # "王予波省长，省委副书记石玉钢": the clause is another person
        out.append((a, a + len(piece)))
        a += len(piece) + 1
    return out


_DATE_LEAD = regex.compile(r"\d|[上下]午|近日|日前|当天|同日|会议|会上")


def _split_concurrent(text: str, s: int, e: int) -> List[Tuple[int, int]]:
    """"国务院副总理兼国务院办公厅主任" → two titles: split at 兼 where the part before it ends
    with a post."""
    if "兼" not in text[s:e]:
        return [(s, e)]
    out, a = [], s
    for k in range(s + 2, e - 2):
        if text[k] == "兼" and _post_end_re().search(text[a:k]):
            out.append((a, k))
            a = k + 1 + (text[k + 1] == "任")
    out.append((a, e))
    return out


@lru_cache(maxsize=None)
def _byline_re() -> regex.Pattern:
    _, _, byline = _nonnames()
    return regex.compile("(?:" + "|".join(map(regex.escape, sorted(byline, key=len, reverse=True))) + ")$")


def _byline_before(text: str, a: int) -> bool:
    head = text[max(0, a - 8):a].rstrip(" ：:\u3000")
    return _byline_re().search(head) is not None


def find_people(ctx: DocContext) -> People:
    """Every person mention of the document (cached on ``ctx``)."""
    cached = ctx.__dict__.get("_people")
    if cached is not None:
        return cached
    text = ctx.norm.text
    lo, hi = ctx.doc.start, ctx.doc.end
    _DOTS_IN_DOC[0] = any(c in text[lo:hi] for c in _NAME_DOTS)
    ner = _ner_spans(ctx, text[lo:hi])
    ner = {(a + lo, b + lo) for a, b in ner}
    mentions: Dict[Tuple[int, int], PersonMention] = {}
    by_start: Dict[int, List[Tuple[int, int]]] = {}
    known: Set[str] = set()

    longest = [4]  # the longest name found so far (4 chars, or a dotted name)

    def overlaps(a: int, b: int) -> bool:
        """Another mention overlaps [a, b) (look back as far as the longest name)."""
        for st in range(a - longest[0], b):
            for key in by_start.get(st, ()):
                if key[1] > a and key != (a, b):
                    return True
        return False

    def put(m: PersonMention) -> None:
        longest[0] = max(longest[0], m.end - m.start)
        mentions[(m.start, m.end)] = m
        by_start.setdefault(m.start, []).append((m.start, m.end))

    def add(m: PersonMention) -> None:
        if _byline_before(text, m.ext_start):
            return
        if overlaps(m.start, m.end):
            return  # overlaps a mention found earlier with other boundaries
        key = (m.start, m.end)
        old = mentions.get(key)
        if old is None:
            put(m)
        else:
            for t, sp in zip(m.titles, m.title_spans):
                if t not in old.titles:
                    old.titles.append(t)
                    old.title_spans.append(sp)
            old.ext_start = min(old.ext_start, m.ext_start)
            old.ext_end = max(old.ext_end, m.ext_end)
        known.add(m.name)

    lines = ctx.doc.lines
    # 1. title chain + name (+ enumeration sharing the chain)
    for line in lines:
        la, lb = line.start, line.end
        ends = [la]  # ext_end of the names found so far in this line (ascending)
        group: List[Tuple[int, int]] = []  # names of chains joined by 、 ("局长李梅、局长赵强任成员")
        for pm in post_re().finditer(text, la, lb):
            e = pm.end()
            # "市委书记 王刚 主持", "市长　李华": a space or two between a post and the name
            gap = _SPACED.match(text, e, lb)
            got = _pick_name(text, gap.end() if gap else e, ner, known)
            if got is None:
                continue
            a, b = got
            floor = ends[bisect.bisect_right(ends, pm.start()) - 1]
            chain = _title_chain(text, e, floor)
            if not chain:
                continue
            head = text[chain[-1][0]:pm.start()]
            if pm.group(0) in _after_set() and is_name(head) and \
                    (len(head) == 3 or (chain[-1][0], pm.start()) in ner):
                continue  # "刘东生院士曾参与…": the post follows a name, it is no title of 曾参
            # the mention (for meetings: who is the clause's subject) starts after the comma
            ext_start = chain[0][0]
            chain = _titles_before_comma(text, chain, floor) + chain
            titles = [text[s:t] for s, t in chain]
            add(PersonMention(a, b, text[a:b], list(titles), list(chain), ext_start=ext_start, how="chain"))
            pos = b
            joined = group and text[chain[0][0] - 1:chain[0][0]] == "、" and group[-1][1] == chain[0][0] - 1
            named = (group if joined else []) + [(a, b)]
            while pos < lb and text[pos] in "、和及":
                got = _pick_name(text, pos + 1, ner, known)
                if got is None:
                    break
                a2, b2 = got
                add(PersonMention(a2, b2, text[a2:b2], list(titles), list(chain), how="enum"))
                named.append((a2, b2))
                pos = b2
            linked = appointments.link_titles_at(text, pos, min(lb, pos + 80), wei=True)
            if linked is not None:
                # "由副县长杨明任组长、…局长刘红任副组长", "副县长李梅、赵强任副组长": the post given
                # after the names is a title of each, and the next name's chain starts after it
                spans, pos = linked
                for a2, b2 in named:
                    add(PersonMention(a2, b2, text[a2:b2], [text[s:t] for s, t in spans], spans, how="chain"))
                named = []
            group = named
            bisect.insort(ends, pos)
    # 1b. appointment items (任命…为…；免去…的…职务)
    for h in appointments.appointment_hits(text, lines, ner, known):
        add(PersonMention(h.start, h.end, h.name, h.titles, h.spans, how=h.how))
    # 2. name + post after it / 同志; 3. enumerations before attendance verbs, "X等专家"
    roster = None  # (post, span) of the roster line above, for continuation lines
    for line in lines:
        la, lb = line.start, line.end
        left = lambda a, la=la: a == la or text[a - 1] in _DELIM or text[a - 1] == "、" or _left_ok(text, a)  # noqa: E731
        for m in _after_re().finditer(text, la, lb):
            w, p = m.group(0), m.start()
            got = _pick_name(text, p, ner, known, forward=False, left=left)
            if got is None:
                continue
            a, b = got
            if w != "同志" and by_start.get(m.end()):
                continue  # "埃及石油部长哈姆迪", "成立由县长王刚任组长": the post is the title of the name after it
            if text[b - 1] in "以由" and (a, b) not in ner and _link_post_at(text, m.end()):
                continue  # "成立以县长为组长": 以/由 frame a post given to a post, no name
            titles, spans = ([], []) if w == "同志" else ([w], [(p, p + len(w))])
            linked = appointments.link_titles_at(text, m.end(), min(lb, m.end() + 60), wei=True)
            if linked is not None:
                # "王刚县长任组长", "李强同志任县委办公室主任"
                spans = spans + linked[0]
                titles = titles + [text[s:t] for s, t in linked[0]]
            add(PersonMention(a, b, text[a:b], titles, spans, ext_end=p + len(w), how="after"))
        # "组长：张三（市长）", "副组长：李四 副市长、王五" — a leadership-group list; a line that
        # holds only "林秀梅（副县长）" entries under such a line continues its role
        lm = _ROSTER_RE.match(text, la, lb)
        if lm:
            roster = (_re(r"\s+").sub("", lm.group("post")), (lm.start("post"), lm.end("post")))
            _roster_items(text, lm.end(), lb, roster, add)
        elif roster is not None and (_ROSTER_CONT.fullmatch(text, la, lb) or _roster_cont_ok(text, la, lb)):
            _roster_items(text, la, lb, roster, add)
        else:
            roster = None
        # "出席：王强、张军、赵刚", "参会人员：副市长王强、张军": a list after a colon
        for m in _LIST_CUE.finditer(text, la, lb):
            pos = m.end()
            for _ in range(40):
                item = _re(r"[^、，,。；;：:\s]+").match(text, pos, lb)
                if item is None:
                    break
                a, b = item.span()
                bt = _re(r"(?P<n>\p{Han}{2,4})[（(](?P<t>[^）)]{2,40})[）)]$").match(item.group(0))
                if is_name(item.group(0)) or is_dotted_name(item.group(0)):
                    add(PersonMention(a, b, item.group(0), how="list"))
                elif bt and is_name(bt.group("n")):
                    # "出席：刘明辉（常务副市长）、陈雅琴（副市长）": a title in brackets after the name
                    titles, spans = _bracket_titles(bt.group("t"), a + bt.start("t"))
                    add(PersonMention(a, a + len(bt.group("n")), bt.group("n"), titles, spans, how="list"))
                elif not any(k[1] == b for st in range(b - longest[0], b) for k in by_start.get(st, ())):
                    break  # neither a bare name nor a title chain and its name: the list ends
                if b < lb and text[b] in " \u3000\t":
                    # "出　　席：唐立新　邓雪梅　蒋国华": names apart by spaces
                    pos = _re(r"[ \u3000\t]+").match(text, b).end()
                    continue
                if b >= lb or text[b] not in "、，,":
                    break
                pos = b + 1
        # "联系人：安全生产基础科 王磊，电话：…", "联系人及电话：…中心　王磊　010-…；…司　赵敏　010-…":
        # a contact person is a named person of the document (no title: the unit is none)
        for m in _CONTACT_CUE.finditer(text, la, lb):
            end = _re(r"[。）)\n]|附\s?件").search(text, m.end(), lb)
            for item in _CONTACT_NAME.finditer(text, m.end(), end.start() if end else lb):
                if is_name(item.group("n")):
                    add(PersonMention(item.start("n"), item.end("n"), item.group("n"), how="contact"))
        # "张三同志任市卫生健康委员会主任"
        for m in _APPOINT_RE.finditer(text, la, lb):
            got = _pick_name(text, m.start(), ner, known, forward=False,
                             left=lambda a, la=la: a == la or text[a - 1] in _DELIM or text[a - 1] == "、" or _left_ok(text, a))
            if got is None:
                continue
            t = m.group("title")
            if _post_end_re().search(t):
                a, b = got
                add(PersonMention(a, b, text[a:b], [t], [m.span("title")], how="appoint"))
        # "办公室主任由赵刚同志兼任", "组长由县长王刚担任": the post before 由 is given to the name
        for m in _BY_RE.finditer(text, la, lb):
            by, b = m.start(), m.end("body")
            got = None
            for n in (3, 2, 4):
                a = b - n
                name = text[a:b]
                pre = text[by + 1:a]
                if a > by and (is_name(name) or name in known or (a, b) in ner) and \
                        (not pre or _post_end_re().search(pre)):
                    got = (a, b)
                    break
            if got is None or by <= la:
                continue
            chain = _title_chain(text, by, la)
            if chain:
                add(PersonMention(got[0], got[1], text[got[0]:got[1]], [text[x:y] for x, y in chain], chain,
                                  how="appoint"))
        # a bare name opening a clause before an official act ("习近平在北京考察…", "韩正来到…")
        for m in _ACT_RE.finditer(text, la, lb):
            p = m.start()
            got = _pick_name(text, p, ner, known, forward=False, lengths=(3,),
                             left=lambda a, la=la: a == la or text[a - 1] in _DELIM or text[a - 1] == "、")
            if got is None:
                continue
            a, b = got
            if len(text[a:b]) == 3 or text[a:b] in known or is_dotted_name(text[a:b]):
                add(PersonMention(a, b, text[a:b], how="act"))
        for m in _ATTEND_RE.finditer(text[la:lb]):
            p = la + m.start()
            got = _enum_before(text, p, la, ner, known)
            for a, b in got:
                add(PersonMention(a, b, text[a:b], how="attend"))
            # "副市长李明，王芳，赵强出席会议": names listed with commas, each a clause of its own
            a = min((g[0] for g in got), default=None)
            for _ in range(12):
                if a is None or a - 1 <= la or text[a - 1] not in "，,":
                    break
                e = a - 1
                # a title chain and its name, found before, filling the clause: the list goes on
                prev = next((mentions[k] for st in range(e - longest[0], e) for k in by_start.get(st, ())
                             if k[1] == e), None)
                if prev is not None:
                    if prev.ext_start > la and text[prev.ext_start - 1] not in _DELIM:
                        break
                    a = prev.ext_start
                    continue
                # a bare name as the whole clause
                cs = e
                while cs > la and e - cs < longest[0] + 1 and text[cs - 1] not in _DELIM:
                    cs -= 1
                clause = text[cs:e]
                if (cs == la or text[cs - 1] in "，,") and (is_name(clause) or is_dotted_name(clause)) and \
                        (len(clause) > 2 or (cs, e) in ner or clause in known):
                    add(PersonMention(cs, e, clause, how="attend"))
                    a = cs
                else:
                    break
    # name lists one person a line (王志华　…处长, 张三（…局长）) and 任前公示 profile lines, after the
    # rosters (a roster's role comes first)
    for h in appointments.list_hits(text, lines, ner, known) + appointments.profile_hits(text, lines, ner, known):
        add(PersonMention(h.start, h.end, h.name, h.titles, h.spans, how=h.how))
    # NER completes: a PER span before an official act, or next to a name already found in an
    # enumeration ("A、B、C" where the rules could not read B)
    for a, b in sorted(ner):
        name = text[a:b]
        if not is_name(name) or overlaps(a, b):
            continue
        near = (text[a - 1:a] == "、" and any(k[1] == a - 1 for st in range(a - 5, a - 1) for k in by_start.get(st, ()))) \
            or (text[b:b + 1] == "、" and bool(by_start.get(b + 1)))
        post = _after_post_at(text, b)
        if post is not None:
            # "落实好李强总理…": the post after the name is its title
            add(PersonMention(a, b, name, [post], [(b, b + len(post))], ext_end=b + len(post), how="ner"))
        elif near or _ACT_RE.match(text, b):
            add(PersonMention(a, b, name, how="ner"))
    # 4. every other place a found name is written
    names_re = regex.compile("|".join(map(regex.escape, sorted(known, key=len, reverse=True)))) if known else None
    for m in (names_re.finditer(text, lo, hi, overlapped=True) if names_re else ()):
        name = m.group(0)
        a, b = m.start(), m.end()
        if (a, b) in mentions or overlaps(a, b):
            continue
        if not _follows_ok(text, b) and not any(text.startswith(w, b) for w in after_posts()):
            continue
        if _byline_before(text, a):
            continue
        post = _after_post_at(text, b)
        if post is not None:
            # "王宁书记强调": a post written after a repeated name is a title too
            put(PersonMention(a, b, name, [post], [(b, b + len(post))], ext_end=b + len(post), how="repeat"))
        else:
            put(PersonMention(a, b, name, how="repeat"))
    ordered = sorted(mentions.values(), key=lambda m: m.start)
    names: Dict[str, List[str]] = {}
    for m in ordered:
        ts = names.setdefault(m.name, [])
        for t in m.titles:
            if t not in ts:
                ts.append(t)
    people = People(ordered, names)
    ctx.__dict__["_people"] = people
    return people


def _bracket_titles(inner: str, base: int) -> Tuple[List[str], List[Tuple[int, int]]]:
    """The posts in a name's brackets ("县委常委、常务副县长") and their spans (``inner`` starts
    at offset ``base``); pieces that end in no post are left out."""
    titles, spans = [], []
    for tm in regex.finditer(r"[^、，,]+", inner):
        if _post_end_re().search(tm.group(0)):
            titles.append(tm.group(0))
            spans.append((base + tm.start(), base + tm.end()))
    return titles, spans


def _roster_items(text: str, start: int, end: int, roster, add) -> None:
    """The names (with their bracketed titles) of a roster line from ``start``; each gets the
    roster's post (组长/成员…) and the posts written in its brackets."""
    post, post_span = roster
    prev = None
    for it in _ROSTER_ITEM.finditer(text, start, end):
        item = it.group(0)
        # "王  毅": two-char names padded to the width of three in rosters
        nm = _re(r"(?P<n>\p{Han}{2,4}|\p{Han}[ \u3000]{1,3}\p{Han})(?:[（(](?P<t>[^）)]{2,40})[）)])?$").match(item)
        if nm and is_name(_re(r"\s").sub("", nm.group("n"))):
            a, b = it.start(), it.start() + len(nm.group("n"))
            titles, spans = [post], [post_span]
            if nm.group("t"):
                more, more_spans = _bracket_titles(nm.group("t"), it.start() + nm.start("t"))
                titles += more
                spans += more_spans
            prev = PersonMention(a, b, _re(r"\s").sub("", text[a:b]), titles, spans, how="roster")
            add(prev)
        elif prev is not None and _post_end_re().search(item) and len(item) <= 30:
            add(PersonMention(prev.start, prev.end, prev.name, [item], [(it.start(), it.end())], how="roster"))
        else:
            prev = None


def _roster_cont_ok(text: str, start: int, end: int) -> bool:
    """A roster continuation line written "　　　　陈晓东　区发改局局长" / "孙建国　副区长、区公安分局
    局长" / "区经信局局长　陈晓东": every item is a name (with its bracketed posts) or a post, and
    one at least is a name."""
    items = [it.group(0) for it in _ROSTER_ITEM.finditer(text, start, end)]
    named = False
    for item in items:
        nm = _re(r"(?P<n>\p{Han}{2,4}|\p{Han}[ \u3000]{1,3}\p{Han})(?:[（(][^）)]{2,40}[）)])?").fullmatch(item)
        if nm is not None and is_name(_re(r"\s").sub("", nm.group("n"))):
            named = True
        elif not (_post_end_re().search(item) and len(item) <= 30):
            return False
    return named


# a roster continuation line: only "林秀梅（副县长）" entries, separated by 、/spaces
_ROSTER_CONT = regex.compile(r"\s*(?:\p{Han}{2,4}[（(][^）)]{2,40}[）)][\s、，,；;]*)+")
_ROSTER_ITEM = regex.compile(r"\p{Han}[ \u3000]{1,3}\p{Han}(?:[（(][^）)]*[）)])?(?=[\s、，,；;]|$)|(?:[^、，,；;\s（(]|[（(][^）)]*[）)])+")
_ROSTER_RE = regex.compile(r"\s*(?P<post>(?:常务)?副?组\s*长|成\s*员|副?主\s*任|副?指\s*挥\s*长|总指挥|副总指挥|秘\s*书\s*长|联络员)\s*[：:]\s*")
_BY_RE = regex.compile(r"由(?P<body>[^，,。；;、：:由\s]{2,30}?)(?:同志)?(?:兼任|担任|出任)(?=[，,。；;]|$)")
_APPOINT_RE = regex.compile(r"(?:同志)(?:任|担任|兼任)(?P<title>[\p{Han}]{2,30}?)(?=[，,。；;、（(]|$|职务|同志)")
_ACT_RE = regex.compile(r"(?:在[\p{Han}]{1,6}?)?(?:主持|出席|会见|会晤|考察|视察|调研|来到|前往|带队|率团|强调指出|作出重要|发表重要|签署|致信|致电|批示)")
# 参加 names people only when what they join is a meeting or an activity ("参加会议", "参加上述活动"),
# not "参加志愿服务"
_CONTACT_CUE = regex.compile(r"联\s?系\s?人(?:及(?:联系)?(?:电话|方式))?\s?[：:]")
# a name standing alone between the cue, spaces, commas or semicolons and a phone number or 电话
_CONTACT_NAME = regex.compile(r"(?<=[：:\s，,；;、]|^)(?P<n>\p{Han}{2,4})(?=\s*(?:[，,；;、（(]|电话|手机|\d|$))")
_LIST_CUE = regex.compile(r"(?:出[ \u3000]*席|列[ \u3000]*席|参[ \u3000]*会|参[ \u3000]*加|与[ \u3000]*会)(?:会议)?的?(?:人员|领导|同志)?(?:还有|有)?(?:名单)?[：:]\s*(?:[（(][^）)]{0,20}[）)]\s*)?")
_ATTEND_RE = regex.compile(r"出席|列席|视频连线|陪同|(?:参加|参会|与会)(?=了?(?:会议|上述|活动|视频|[^，,。；;]{0,12}?会(?!员)|[，,。；;]|$))|"
                           + _ROLE_AFTER_ETC.pattern)
_LEFT_OK = regex.compile(r"(?:学习|贯彻|落实|受|经|向|对|和|与|同|及|请|由|是|为|以|在|把|将|给|让|被|按照|根据|遵照|代表|转达|感谢|祝贺|表示|指出|强调|认为|说|的)$")


def _left_ok(text: str, a: int) -> bool:
    return _LEFT_OK.search(text[max(0, a - 4):a]) is not None


def _enum_before(text: str, p: int, floor: int, ner, known) -> List[Tuple[int, int]]:
    """Names enumerated right before position ``p`` ("刘鹤、肖捷、何立峰|参加"), right to left,
    skipping a trailing "和有关专家"-like generic tail."""
    out: List[Tuple[int, int]] = []
    s = p
    floor = max(floor, p - 150)  # a clause longer than this is no enumeration
    while s > floor and text[s - 1] not in _DELIM:
        s -= 1
    end = p
    for tail in ("了", "也", "还", "均", "都", "分别", "一同", "共同"):
        if text[s:end].endswith(tail):
            end -= len(tail)
    for tail in ("等同志", "同志", "等"):
        if text[s:end].endswith(tail):
            end -= len(tail)
            break
    else:
        # "李明、王芳等市领导出席", "习近平、李强等党和国家领导人出席"
        etc = None if "等" not in text[max(s, end - 12):end] else _re(r"等[\p{Han}]{0,8}?(?:领导人|领导同志|领导|负责同志|同志|专家|院士|代表)$").search(text, s, end)
        if etc is not None:
            end = etc.start()
    tail = _re(r"(?:和|及|以及|与)(?:有关|相关|各|其他)?[^、，。和及与]{0,12}$").search(text[s:end])
    if tail and not is_name(text[s + tail.start() + 1:end]):
        end = s + tail.start()

    def left(a: int) -> bool:
        before = text[s:a]
        return not before or before.endswith(("、", "和", "及", "与")) or _post_end_re().search(before) is not None

    pos = end
    while pos > s:
        got = _pick_name(text, pos, ner, known, forward=False, left=left)
        if got is None:
            break
        a, b = got
        out.append((a, b))
        before = text[s:a]
        if not before or _post_end_re().search(before):
            break
        pos = a - 1
        if text[s:pos].endswith("以"):
            pos -= 1
    return out


def extract_officials(ctx: DocContext) -> List[Official]:
    people = find_people(ctx)
    by_name: Dict[str, Official] = {}
    for m in people.mentions:
        off = by_name.get(m.name)
        if off is None:
            off = by_name[m.name] = Official(name=m.name, titles=list(people.names.get(m.name, [])), mentions=[])
        off.mentions.append(Mention(**ctx.loc(m.start, m.end)))
    return list(by_name.values())
