"""Integrity of every data file the rules load."""
from __future__ import annotations

import datetime as dt

import regex

from policyextract import resources


def test_boilerplate_patterns_compile_and_have_known_kinds():
    rows = resources.data_rows("boilerplate.tsv")
    assert rows and all(len(r) == 2 and r[0] in {"line", "tail"} for r in rows)
    for _, pattern in rows:
        regex.compile(pattern)
    line_re, tail_re = resources.boilerplate()
    assert line_re.fullmatch("咨询热线") and tail_re.match("【版权提示】本站…")


def test_doc_types_unique_and_cjk():
    words = resources.data_lines("doc_types.txt")
    assert len(words) == len(set(words))
    assert all(regex.fullmatch(r"\p{Han}+", w) for w in words)


def test_organ_suffixes_unique_and_match():
    words = resources.data_lines("organ_suffixes.txt")
    assert len(words) == len(set(words))
    assert resources.organ_suffix_re().search("国务院办公厅")


def test_sample_headers_compile():
    assert resources.sample_header_re().fullmatch("最新卫健委请求的函范文三")


def test_era_anchors_well_formed():
    for term, year, lo, hi in resources.era_anchors():
        assert term and 1949 <= year <= 2100 and 1 <= lo <= hi <= 12


def test_spring_festival_dates_are_in_january_or_february():
    table = resources.spring_festivals()
    assert table[(1, 25)] == [2020]
    for (month, day), years in table.items():
        assert month in (1, 2)
        for y in years:
            dt.date(y, month, day)
