"""Loading of the rule and lexicon data files under ``policyextract/data/`` (each loaded once)."""
from __future__ import annotations

import datetime as _dt
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Tuple

import regex

from .errors import ModelError

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_text(name: str) -> str:
    try:
        return (DATA_DIR / name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:  # pragma: no cover - broken install
        raise ModelError(f"data file policyextract/data/{name} is missing: {exc}") from exc


def data_lines(name: str) -> List[str]:
    """Non-empty, non-comment lines of a data file."""
    return [ln.rstrip("\n") for ln in data_text(name).splitlines() if ln.strip() and not ln.startswith("#")]


def data_rows(name: str) -> List[List[str]]:
    return [ln.split("\t") for ln in data_lines(name)]


@lru_cache(maxsize=None)
def boilerplate() -> Tuple[regex.Pattern, regex.Pattern]:
    """(line pattern, tail pattern) compiled from boilerplate.tsv."""
    line, tail = [], []
    for kind, pattern in data_rows("boilerplate.tsv"):
        (line if kind == "line" else tail).append(pattern)
    return (regex.compile("|".join(f"(?:{p})" for p in line)),
            regex.compile("|".join(f"(?:{p})" for p in tail)))


@lru_cache(maxsize=None)
def doc_types() -> Tuple[str, ...]:
    """Document-type words, longest first."""
    return tuple(sorted(set(data_lines("doc_types.txt")), key=len, reverse=True))


@lru_cache(maxsize=None)
def organ_suffixes() -> Tuple[str, ...]:
    return tuple(sorted(set(data_lines("organ_suffixes.txt")), key=len, reverse=True))


@lru_cache(maxsize=None)
def organ_suffix_re() -> regex.Pattern:
    return regex.compile("(?:" + "|".join(map(regex.escape, organ_suffixes())) + r")(?:[(（][^()（）]{1,20}[)）])?$")


@lru_cache(maxsize=None)
def readout_lead_re() -> regex.Pattern:
    """How a meeting readout's text opens under its headline (data/readout_leads.txt)."""
    return regex.compile("|".join(f"(?:{p})" for p in data_lines("readout_leads.txt")))


@lru_cache(maxsize=None)
def sample_header_re() -> regex.Pattern:
    return regex.compile("|".join(f"(?:{p})" for p in data_lines("sample_headers.txt")))


@lru_cache(maxsize=None)
def era_anchors() -> List[Tuple[str, int, int, int]]:
    return [(t, int(y), int(a), int(b)) for t, y, a, b, *_ in data_rows("era_anchors.tsv")]


@lru_cache(maxsize=None)
def spring_festivals() -> Dict[Tuple[int, int], List[int]]:
    """(month, day) of 正月初一 → the years it fell on that day, latest first."""
    out: Dict[Tuple[int, int], List[int]] = {}
    for line in data_lines("spring_festival.tsv"):
        d = _dt.date.fromisoformat(line.strip())
        out.setdefault((d.month, d.day), []).insert(0, d.year)
    return out


@lru_cache(maxsize=None)
def metadata_keys() -> Dict[str, str]:
    return {k: v for k, v, *_ in data_rows("metadata_keys.tsv")}


@lru_cache(maxsize=None)
def metadata_re() -> regex.Pattern:
    # sites pad keys to one width with spaces inside them: "标　　题：", "索 引 号："
    keys = "|".join(r"\s*".join(map(regex.escape, k)) for k in sorted(metadata_keys(), key=len, reverse=True))
    # a value also ends at a run of spaces before another "key：" the table has ("发布机构：交通运输部办公厅
    # 　　生成日期：2024-05-14"), known or not
    return regex.compile(rf"(?P<key>{keys})\s?[:：]\s?(?P<value>.*?)\s*"
                         rf"(?=(?:{keys})\s?[:：]|(?<=\s{{2}})(?:\p{{Han}}\s*){{1,8}}[:：]|$)")
