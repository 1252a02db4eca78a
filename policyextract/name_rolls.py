"""Name rolls: person names printed back to back with no separator.

Lists of attendees, members or signatories often lose their separators on the way to the page
(spaces and line breaks stripped by a scraper, or printed that way: 黄菊尉健行李岚清…, with
（女）/（藏族） after some names). The NER model finds most of the names in such a roll but
misplaces boundaries between them (程思远程|维高 for 程思远|程维高), because nothing in the
text marks where one name ends.

This module re-segments a roll with a small generative model of names: a name is a surname
(``person_surnames.txt``) plus a 1-2 character given name; a character outside a name is
"background". Scores are log-likelihood ratios against the background, from the character
counts in ``data/name_model.json`` (built by ``training/build_name_model.py`` from MSRA
train). The best segmentation of each roll is found by dynamic programming; spans the NER model
predicted are candidates too (with a bonus), so names the character model cannot write
(艾斯海提·克里木拜, 乌云其木格) survive when the model found them.

It only acts where the model's own output says "this is a roll": a stretch without punctuation
holding at least ``MIN_NAMES`` PER spans, two of them touching, that together cover at least
``MIN_COVER`` of its characters from the first name to the last. Everywhere else the model's entities are left as they are.

:func:`resolve` works on characters; the spaCy component ``policyextract_name_rolls`` (added
after ``ner`` by :func:`policyextract.nlp.load`) applies it to a ``Doc``, splitting tokens where
a new boundary falls inside one.
"""
from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass

from pathlib import Path

import regex

# no package imports here: policyextract/nlp.py (which adds the spaCy component) must stay
# loadable on its own for `spacy train --code`
DATA_DIR = Path(__file__).resolve().parent / "data"
NAME_MODEL_PATH = DATA_DIR / "name_model.json"
SURNAMES_PATH = DATA_DIR / "person_surnames.txt"

MIN_NAMES = 3          # PER spans in a stretch before it counts as a roll
MIN_COVER = 0.5        # share of the stretch's name characters those spans cover
MODEL_BONUS = 3.0      # log-score bonus for a model span that is a plain name
WEAK_BONUS = 1.0       # ... for a model span of 2-4 chars that is not surname + given name
NAME_PRIOR = 2.0       # log prior of a name at a position (vs one background char)
ALPHA = 0.5            # add-alpha smoothing of the character counts
VOCAB = 8000           # assumed character inventory for smoothing

# a roll is made of Han characters, the middle dot of transliterated names, and the annotations
# printed after a name: （女） （藏族） （女，回族） （特邀）
_ANNOT = r"[（(](?:女|男|特邀|[\p{Han}]{1,5}族|女[，,、][\p{Han}]{1,5}族)[）)]"
_STRETCH = regex.compile(rf"(?:[\p{{Han}}·•]|{_ANNOT})+")
_ANNOT_RE = regex.compile(_ANNOT)
_HAN_ONLY = regex.compile(r"\p{Han}+$")


@dataclass(frozen=True)
class NameModel:
    surnames: dict[str, float]   # log P(surname)
    given: dict[str, float]      # log P(char | given name)
    given_unk: float
    given_len: dict[int, float]  # log P(len of given name)
    background: dict[str, float]  # log P(char | background)
    background_unk: float
    max_surname: int


@functools.lru_cache(maxsize=1)
def name_model() -> NameModel:
    raw = json.loads(NAME_MODEL_PATH.read_text(encoding="utf-8"))
    listed = [s.strip() for s in SURNAMES_PATH.read_text(encoding="utf-8").splitlines()
              if s.strip() and not s.startswith("#")]
    counts = raw["surname"]
    n = raw["names"] + ALPHA * len(listed)
    surnames = {s: math.log((counts.get(s, 0) + ALPHA) / n) for s in listed}

    def dist(c: dict[str, int]) -> tuple[dict[str, float], float]:
        tot = sum(c.values()) + ALPHA * VOCAB
        return {k: math.log((v + ALPHA) / tot) for k, v in c.items()}, math.log(ALPHA / tot)

    given, given_unk = dist(raw["given"])
    background, background_unk = dist(raw["background"])
    glen_tot = sum(raw["given_len"].values())
    given_len = {int(k): math.log(v / glen_tot) for k, v in raw["given_len"].items()
                 if int(k) <= 2}
    return NameModel(surnames, given, given_unk, given_len, background, background_unk,
                     max(map(len, listed)))


def _name_score(m: NameModel, text: str, i: int, j: int) -> float | None:
    """Log-likelihood ratio (name vs background) of text[i:j] as surname + given name."""
    best = None
    for k in range(1, m.max_surname + 1):
        s = text[i:i + k]
        g = j - i - k
        if len(s) < k or s not in m.surnames or g not in m.given_len:
            continue
        score = NAME_PRIOR + m.surnames[s] + m.given_len[g]
        score += sum(m.given.get(c, m.given_unk) for c in text[i + k:j])
        score -= sum(m.background.get(c, m.background_unk) for c in text[i:j])
        if best is None or score > best:
            best = score
    return best


def _segment(m: NameModel, text: str, a: int, b: int, predicted: dict[tuple[int, int], float],
             covered: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """Best segmentation of text[a:b] into names and background chars; ``predicted`` maps
    the model's spans inside it to their bonus; characters at ``covered`` positions must end
    up inside a name (they are in a span the model saw as a name)."""
    n = b - a
    best = [0.0] + [-math.inf] * n
    back: list[tuple[int, bool]] = [(0, False)] * (n + 1)
    starts: dict[int, list[tuple[int, float]]] = {}
    for (s, e), bonus in predicted.items():
        starts.setdefault(s - a, []).append((e - a, bonus))
    for i in range(n):
        if best[i] == -math.inf:
            continue
        # one background character
        if a + i not in covered and best[i] > best[i + 1]:
            best[i + 1], back[i + 1] = best[i], (i, False)
        ends: dict[int, float] = {}
        for length in range(2, m.max_surname + 3):
            if i + length > n:
                break
            sc = _name_score(m, text, a + i, a + i + length)
            if sc is not None:
                ends[i + length] = sc
        for e, bonus in starts.get(i, ()):  # a model span: its name score (if any) + bonus
            ends[e] = ends.get(e, 0.0) + bonus
        for e, sc in ends.items():
            if best[i] + sc > best[e]:
                best[e], back[e] = best[i] + sc, (i, True)
    out = []
    i = n
    while i > 0:
        j, is_name = back[i]
        if is_name:
            out.append((a + j, a + i))
        i = j
    return out[::-1]


def _kind(m: NameModel, text: str, s: int, e: int) -> str:
    """How the resolver treats a model span: ``name`` (surname + 1-2 char given name: trusted,
    with a bonus), ``fixed`` (with a middle dot, 5+ chars, or 4 chars not led by a surname:
    艾斯海提·克里木拜, 乌云其木格, 阿拉法特 — beyond the character model, kept as it is), ``weak`` (2-4 Han chars the character model
    cannot write: 程思远程 may be a name plus the next one's surname, 维高 the rest of that next
    name; a small bonus, and its characters must stay inside names)."""
    if _name_score(m, text, s, e) is not None:
        return "name"
    if e - s >= 5 or not _HAN_ONLY.match(text, s, e):
        return "fixed"
    if e - s == 4 and text[s] not in m.surnames and text[s:s + 2] not in m.surnames:
        return "fixed"  # 4 chars not led by a surname: a transliteration (阿拉法特)
    return "weak"


def resolve(text: str, per: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """Re-segmented PER spans for ``text`` given the model's PER spans ``per`` (char offsets),
    or None if no roll was found (keep the model's spans). Spans outside rolls are kept."""
    if len(per) < MIN_NAMES:
        return None
    m = name_model()
    per = sorted(per)
    out: list[tuple[int, int]] = []
    changed = False
    used: set[tuple[int, int]] = set()
    for st in _STRETCH.finditer(text):
        a, b = st.span()
        inside = [(s, e) for s, e in per if a <= s and e <= b]
        if len(inside) < MIN_NAMES:
            continue
        touching = any(e1 == s2 or _ANNOT_RE.fullmatch(text, e1, s2)
                       for (_, e1), (s2, _) in zip(inside, inside[1:]))
        if not touching:
            continue
        annots = [x.span() for x in _ANNOT_RE.finditer(text, a, b)]
        lo, hi = inside[0][0], inside[-1][1]  # lead-in words (出席会议的有) do not count
        name_chars = (hi - lo) - sum(min(e, hi) - max(s, lo) for s, e in annots if s < hi and lo < e)
        covered = sum(e - s for s, e in inside)
        if covered < MIN_COVER * name_chars:
            continue
        # segment each piece between annotations and between fixed spans
        kinds = {x: _kind(m, text, *x) for x in inside}
        cuts = sorted(annots + [x for x, k in kinds.items() if k == "fixed"])
        pieces, cur = [], a
        for s, e in cuts:
            pieces.append((cur, s))
            cur = e
        pieces.append((cur, b))
        new: list[tuple[int, int]] = [x for x, k in kinds.items() if k == "fixed"]
        for pa, pb in pieces:
            if pb > pa:
                pred = {x: (MODEL_BONUS if kinds[x] == "name" else WEAK_BONUS)
                        for x in inside if pa <= x[0] and x[1] <= pb}
                cov = frozenset(i for x in pred if kinds[x] == "weak" for i in range(*x))
                new.extend(_segment(m, text, pa, pb, pred, cov))
        used.update(inside)
        if set(new) != set(inside):
            changed = True
        out.extend(new)
    if not changed:
        return None
    # the model's spans outside rolls, unless one straddles a roll's edge into a new name
    # (a span across a stray bracket: 谢）徐)
    taken = {i for a, b in out for i in range(a, b)}
    out.extend(x for x in per if x not in used and not taken.intersection(range(*x)))
    return sorted(out)


def apply_to_doc(doc):
    """Apply :func:`resolve` to a spaCy ``Doc`` in place: tokens that a new name boundary falls
    inside are split (their NORM split alike), PER entities replaced; other entities kept unless
    they overlap a re-segmented name."""
    per = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PER"]
    new = resolve(doc.text, per)
    if new is None:
        return doc
    others = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ != "PER"]
    bounds = {x for span in new for x in span}
    to_split = []
    for tok in doc:
        cuts = sorted(b - tok.idx for b in bounds if tok.idx < b < tok.idx + len(tok.text))
        if cuts:
            to_split.append((tok, cuts))
    if to_split:
        with doc.retokenize() as retok:
            for tok, cuts in to_split:
                edges = list(zip([0] + cuts, cuts + [len(tok.text)]))
                orths = [tok.text[i:j] for i, j in edges]
                norm = tok.norm_ if len(tok.norm_) == len(tok.text) else tok.text
                retok.split(tok, orths, heads=[(tok, 0)] * len(orths),
                            attrs={"NORM": [norm[i:j] for i, j in edges]})
    # re-segmented names first, then the other entities, each kept only where no token is taken
    kept, taken = [], set()
    for s, e, label in [(s, e, "PER") for s, e in new] + others:
        sp = doc.char_span(s, e, label=label)
        if sp is not None and not taken.intersection(range(sp.start, sp.end)):
            kept.append(sp)
            taken.update(range(sp.start, sp.end))
    doc.ents = sorted(kept, key=lambda sp: sp.start)
    return doc
