"""Titles read in their context (blind probe set fixtures/blind/seedlike):

- a spun 领导 right before a list of names (市率领刘志远、赵文斌列席 → 市领导) is undone, while a
  genuine 率领 ("市率领指导组赴…": led) stays (``data/spinner.tsv`` rows noted ``before-name``);
- a title used generically (须向镇长本人报告, 由镇长任主任, 应当向县长报告) has no name: spans of
  modal words and prepositions next to it are none (``data/person_context.tsv``), while real names
  opening with the same surname chars (向明, 任建国) stay.
"""
from __future__ import annotations


import pytest
import regex

import policyextract
from conftest import parse_fixture
from policyextract import resources
from policyextract.extract.name_context import context_words, function_words_at, function_words_only
from policyextract.normalize import despin, normalize, spinner_map


# enough of the spinner's signature (东谈主, 专揽, 总布告) for a page to count as spun
SPUN_LEAD = "市委布告专揽会议,传达总布告言语精神。东谈主民大众要作念好防汛服务,东谈主东谈主有责。"


def page(name: str):
    return parse_fixture(f"blind/seedlike/{name}_*.txt")


def officials(name: str):
    return {o.name: o.titles for d in page(name).documents for o in d.officials}


# --------------------------------------------------------------------------- spun 领导 before names

def test_spun_leaders_before_name_list_get_their_title():
    got = officials("s3")
    assert got["刘志远"] == ["市领导"] and got["赵文斌"] == ["市领导"]


@pytest.mark.parametrize("spun,original", [
    ("市率领刘志远、赵文斌列席会议。", "市领导刘志远、赵文斌列席会议。"),
    ("县委率领王刚出席会议。", "县委领导王刚出席会议。"),
    ("市政府率领王刚、李梅出席会议。", "市政府领导王刚、李梅出席会议。"),
])
def test_despin_reads_lv_ling_before_names_as_ling_dao(spun, original):
    assert normalize(SPUN_LEAD + spun).text.endswith(original)


@pytest.mark.parametrize("genuine", [
    "市率领指导组赴灾区检查。",
    "县率领各部门负责同志深入一线。",
    "镇党委率领全镇干部群众抗洪抢险。",
])
def test_despin_keeps_lv_ling_meaning_led(genuine):
    assert normalize(SPUN_LEAD + genuine).text.endswith(genuine)


def test_despin_name_row_does_not_hide_a_shorter_row():
    # "省率领" is no name-list row here, so 率领小组 right after it is still undone
    assert normalize(SPUN_LEAD + "省率领小组成员王强出席。").text.endswith("省领导小组成员王强出席。")


def test_clean_page_keeps_lv_ling():
    assert despin("市率领刘志远、赵文斌列席会议。") == []


def test_before_name_rows_are_lv_ling_after_an_organ():
    rows = [r for r in spinner_map() if r.note.startswith("before-name")]
    assert len(rows) >= 4
    for r in rows:
        assert r.spun.endswith("率领") and r.original == r.spun[:-2] + "领导"


# --------------------------------------------------------------------------- generic titles

def officials_of(text: str, ner: bool):
    return {o.name: o.titles for d in policyextract.parse(text, ner=ner).documents for o in d.officials}


def test_generic_zhenzhang_benren_has_no_official():
    # s2: "确需请假的须向镇长本人报告" gave official 须向 (镇长)
    assert "须向" not in officials("s2")
    assert officials("s2")["彭志刚"] == ["镇党委副书记", "镇长"]


def test_zhenzhang_ren_zhuren_has_no_official():
    # s4: "由镇长任主任,分管副镇长任常务副主任" gave official 任主 (镇长)
    assert "任主" not in officials("s4")


@pytest.mark.parametrize("ner", [True, False])
@pytest.mark.parametrize("text", [
    "参会人员不得请假,确需请假的须向镇长本人报告。",
    "发生险情,乡镇应当向县长报告。",
    "确需请假的应向镇长报告。",
    "发现险情要及时向县长报告。",
    "同时向县长报告。",
    "应及时请示镇长。",
    "由镇长任主任,分管副镇长任常务副主任。",
])
def test_function_words_next_to_a_title_are_no_name(text, ner):
    assert officials_of(text, ner) == {}


@pytest.mark.parametrize("ner", [True, False])
@pytest.mark.parametrize("text,name,titles", [
    ("副县长任建国出席会议。", "任建国", ["副县长"]),
    ("市委书记向明主持会议。", "向明", ["市委书记"]),
    ("向明县长主持会议。", "向明", ["县长"]),
    ("任建国副县长出席会议。", "任建国", ["副县长"]),
])
def test_real_names_with_the_same_surnames_stay(text, name, titles, ner):
    assert officials_of(text, ner) == {name: titles}


@pytest.mark.parametrize("s,verdict", [
    ("须向", True), ("应当向", True), ("并报", True), ("须及时向", True),
    ("向明", False), ("任建国", False), ("应和", False), ("须向东", False),
])
def test_function_words_only(s, verdict):
    assert function_words_only(s) is verdict


@pytest.mark.parametrize("text,span,verdict", [
    ("要及时向县长报告", (2, 4), True),   # 时向: the tail of 及时, then 向
    ("同时向县长报告", (1, 3), True),
    ("张志向县长汇报", (0, 3), False),
    ("镇长向明主持", (2, 4), False),
])
def test_function_words_at(text, span, verdict):
    assert function_words_at(text, *span) is verdict


def test_person_context_integrity():
    rows = resources.data_rows("person_context.tsv")
    assert all(len(r) == 2 and r[0] in {"lead", "link"} and r[1] for r in rows)
    pairs = [(r[0], r[1]) for r in rows]
    assert len(pairs) == len(set(pairs)), "duplicate rows"
    words = context_words()
    assert {"须", "应当", "及时"} <= words["lead"] and {"向", "由", "报"} <= words["link"]
    # Han words only (a stray space or Latin char would never match a candidate name)
    assert all(regex.fullmatch(r"\p{Han}+", w) for ws in words.values() for w in ws)
