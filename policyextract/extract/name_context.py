"""Spans next to a title that are function words, not a name (``data/person_context.tsv``).

A title word used generically drags its neighbours into the name slot: "须向镇长本人报告" read as
official 须向 (镇长 written after a name), "由镇长任主任" as 任主 (a name after the title),
"应当向县长报告" as 应当向. 须/应/向/任/由/经 are real surnames (向明, 任建国), so no surname is
banned: a span made only of modal words and prepositions is none (:func:`function_words_only`);
a link verb before a post ("任|主任") is caught in people.py (``_link_post_at``).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, FrozenSet

import regex

from ..resources import data_rows


@lru_cache(maxsize=None)
def context_words() -> Dict[str, FrozenSet[str]]:
    """``{"lead": …, "link": …}`` from ``data/person_context.tsv``."""
    out: Dict[str, set] = {"lead": set(), "link": set()}
    for row in data_rows("person_context.tsv"):
        out[row[0].strip()].add(row[1].strip())
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=None)
def _function_only_re() -> regex.Pattern:
    words = context_words()
    alt = lambda ws: "|".join(map(regex.escape, sorted(ws, key=len, reverse=True)))  # noqa: E731
    # lead words, then link words: "须向", "应当向", "并报", "须及时向"
    return regex.compile(f"(?:{alt(words['lead'])})+(?:{alt(words['link'])})+")


@lru_cache(maxsize=None)
def _link_last_chars() -> FrozenSet[str]:
    return frozenset(w[-1] for w in context_words()["link"])


def function_words_only(s: str) -> bool:
    """``s`` is modal/adverb words followed by prepositions only ("须向", "应当向", "并由"): no
    name, whatever its first char."""
    # cheap reject first: is_name runs per candidate
    return s[-1:] in _link_last_chars() and _function_only_re().fullmatch(s) is not None



@lru_cache(maxsize=None)
def _function_end_re() -> regex.Pattern:
    return regex.compile(_function_only_re().pattern + "$")


def function_words_at(text: str, a: int, b: int) -> bool:
    """The candidate ``text[a:b]`` is function words, read with up to 4 chars before it: the tail
    of a lead word then prepositions ("及|时向县长报告", "同|时向县长报告" → 时向 is no name),
    or function words only (:func:`function_words_only`)."""
    if b <= a or text[b - 1] not in _link_last_chars():
        return False
    lo = max(0, a - 4)
    m = _function_end_re().search(text, lo, b)
    return m is not None and m.start() <= a
