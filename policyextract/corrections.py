"""Corrections to the NER model's entities where a rule is certain.

1. Country names the model mistook for people. Transliterated country names often start with a common surname (马拉维 = 马 + 拉维, 扎伊尔,
苏丹), and the model then labels them PER. A country name is never a person's name, so the
spaCy component ``policyextract_corrections`` (added after ``ner`` by
:func:`policyextract.nlp.load`) relabels a PER entity as LOC when a country name from
``data/countries.tsv`` starts at the entity's first character and covers it (the LOC span is
the country name, extended by a geographic suffix such as 湖 when the entity had one:
马拉维湖). Matching is on the simplified form (token NORMs), so traditional script works too.
It never touches ORG or LOC entities and never adds entities where the model found none.

2. Entities made only of numerals and punctuation (一一○ for the 110 police line, read as an
   organisation) are dropped: no person, organisation or place is named by digits alone.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

# no package imports here: policyextract/nlp.py must stay loadable on its own
COUNTRIES_PATH = Path(__file__).resolve().parent / "data" / "countries.tsv"
GEO_SUFFIXES = "湖河江山岛海湾"
_NUMERIC = re.compile(r"[\d０-９一二三四五六七八九十百千万亿零〇○两.．,，、·\-—\s]+")


@functools.lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Every name in ``countries.tsv`` (common, formal and older names) -> its common name."""
    out: dict[str, str] = {}
    for line in COUNTRIES_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        names = [x.strip() for x in line.split("\t") if x.strip()]
        for n in names:
            out[n] = names[0]
    return out


@functools.lru_cache(maxsize=1)
def _by_first_char() -> dict[str, tuple[str, ...]]:
    idx: dict[str, list[str]] = {}
    for n in country_names():
        idx.setdefault(n[0], []).append(n)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in idx.items()}


def country_at(text: str, i: int) -> str | None:
    """The longest country name starting at text[i], or None."""
    for n in _by_first_char().get(text[i:i + 1], ()):
        if text.startswith(n, i):
            return n
    return None


def relabel(text: str, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]] | None:
    """``ents`` with PER entities that are country names turned into LOC and entities made
    only of numerals dropped, or None if nothing changed. ``text`` is the simplified text
    (same length as the original)."""
    out, changed = [], False
    for s, e, label in ents:
        if _NUMERIC.fullmatch(text, s, e):
            changed = True
            continue
        if label == "PER":
            name = country_at(text, s)
            if name is not None:
                end = s + len(name)
                if end < e and e - end == 1 and text[end] in GEO_SUFFIXES:
                    end = e
                if end >= e:
                    out.append((s, end, "LOC"))
                    changed = True
                    continue
        out.append((s, e, label))
    return out if changed else None


def apply_to_doc(doc):
    """The spaCy component: :func:`relabel` on ``doc.ents`` (NORM text, same offsets)."""
    if not doc.ents:
        return doc
    simp = "".join(n + t.whitespace_ for n, t in zip(norm_pieces(doc), doc))
    new = relabel(simp, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
    if new is None:
        return doc
    spans = []
    for s, e, label in new:
        sp = doc.char_span(s, e, label=label)
        if sp is None:  # the country name ends inside a token: keep the model's entity
            continue
        spans.append(sp)
    doc.ents = _non_overlapping(spans)
    return doc


def norm_pieces(doc) -> list[str]:
    return [t.norm_ if len(t.norm_) == len(t.text) else t.text for t in doc]


def _non_overlapping(spans):
    out, last = [], -1
    for sp in sorted(spans, key=lambda x: (x.start, -len(x))):
        if sp.start >= last:
            out.append(sp)
            last = sp.end
    return out
