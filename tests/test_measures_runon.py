"""Numbered measures on run-on pages (line breaks lost, whole articles in one paragraph), as the
seed 004 article and the blind page fixtures/blind/seedlike/s5 print them (extract/measures.py).

Conventions from fixtures/gold/README.md: 一是/第一， take the level where they appear (one deeper
than the numbered item whose paragraph holds them, else 1); heading = the lead phrase up to the
first 。；： — or, where a section title runs straight into its body, the title.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
import regex

import policyextract
from policyextract import resources
from policyextract.extract import measures as M

from conftest import parsed, seed_name

BLIND = Path(__file__).resolve().parents[1] / "fixtures" / "blind"
S5 = BLIND / "seedlike" / "s5_trad_pinyin_renju.txt"


def _flat(ms):
    for m in ms:
        yield m
        yield from _flat(m.children)


@lru_cache(maxsize=None)
def _rows(page: bytes):
    doc = policyextract.parse(page, ner=False).documents[0]
    return tuple((m.level, m.label, m.heading) for m in _flat(doc.measures))


def _s5() -> bytes:
    return S5.read_bytes()


def _row(rows, label, nth=0):
    return [r for r in rows if r[1] == label][nth]


# --- a section head (参考资料：) closes the numbered item before it ---------------------------------

@pytest.mark.parametrize("label", ["一是", "二是", "三是"])
def test_yishi_after_a_references_head_is_top_level(label):
    # "6.结论与展望…奠定坚实基础。參考資料:2022年3月18日,…會議要求,一是紮實推進農村廁所革命。…"
    assert _row(_rows(_s5()), label, 1)[0] == 1


def test_yishi_inside_the_numbered_paragraph_stays_its_child():
    # "3、…存在的主要问题一是部分地区农村改厕质量不高…；二是…" in the same run-on paragraph
    rows = _rows(_s5())
    assert [r[0] for r in rows if r[1] in ("一是", "二是", "三是")][:3] == [4, 4, 4]


def test_without_the_references_head_the_list_is_the_items_child():
    page = _s5().decode("utf-8").replace("參考資(zī)料:", "").encode("utf-8")
    assert _row(_rows(page), "一是", 1)[0] == 4


def test_seed_004_items_after_its_references_part_are_top_level():
    doc = parsed(seed_name("004")).documents[0]
    assert [(m.level, m.label) for m in doc.measures][-4:] == [(1, "一是"), (1, "二是"), (1, "三是"), (1, "第四,")]


def test_section_breaks_file_is_unique_han_words_and_matches_after_a_sentence():
    words = resources.data_lines("section_breaks.txt")
    assert len(words) == len(set(words)) and all(regex.fullmatch(r"\p{Han}{2,6}", w) for w in words)
    pat = M._section_break_re()
    assert pat.search("…奠定坚实基础。参考资料:2022年3月18日").group("head") == "参考资料"
    assert pat.search("参考文献：") is not None
    assert pat.search("本文参考资料:略") is None  # not after a sentence end


# --- a section title run straight into its body ends at a title word --------------------------------

@pytest.mark.parametrize("label,heading", [
    ("1.", "农村人居环境整治的研究背景"),            # …的研究背景改善农村人居环境,是…
    ("5.", "完善农村人居环境长效管护的对策建议"),    # …的对策建议推动农村人居环境整治从…
    ("6.", "结论与展望"),                          # 结论与展望农村人居环境整治是一项长期任务,…
])
def test_run_on_title_ends_at_a_title_word(label, heading):
    assert _row(_rows(_s5()), label)[2] == heading


@pytest.mark.parametrize("label,heading", [
    ("5.", "医疗机构感染控制的改进措施"),   # …的改进措施取消浸泡设备。如果需要…
    ("7.", "医疗机构感染控制监测与评价"),   # …监测与评价新型冠状病毒的爆发给…
    ("10.", "结论与展望"),                 # 结论与展望医院感染防控的重要性:…
])
def test_seed_004_titles_run_into_their_body(label, heading):
    doc = parsed(seed_name("004")).documents[0]
    assert next(m.heading for m in doc.measures if m.label == label) == heading


def _heading(item: str, run_on: bool) -> str:
    head = "关于做好当前重点工作的通知\n各单位：\n"
    page = head + ("现将有关事项通知如下。" + item + "2.其他事项。另行通知。\n" if run_on
                   else item + "\n2.其他事项。另行通知。\n")
    return _rows(page.encode("utf-8"))[0][2]


@pytest.mark.parametrize("run_on", [False, True], ids=["line-start", "mid-line"])
@pytest.mark.parametrize("item,heading", [
    ("1.研究背景与意义乡村振兴战略是党的十九大作出的重大决策部署。要加强督促检查。", "研究背景与意义"),
    ("1.问题与对策建议当前农村人居环境整治工作仍面临不少困难。要加强督促检查。", "问题与对策建议"),
    ("1.存在的主要问题部分地区农村改厕质量不高，存在建而不用等问题。要加强督促检查。", "存在的主要问题"),
], ids=["yu-join", "strong-compound", "de-strong"])
def test_title_word_ends_a_title_before_the_first_sentence_end(item, heading, run_on):
    assert _heading(item, run_on) == heading


@pytest.mark.parametrize("run_on", [False, True], ids=["line-start", "mid-line"])
@pytest.mark.parametrize("item", [
    "1.对排查发现的问题隐患要建立台账，明确整改时限和责任人，确保按期整改到位，实现闭环管理。",
    "1.全面排查辖区内的问题隐患，建立清单台账，明确整改责任，做到发现一处、整改一处、销号一处。",
    "1.针对检查发现的问题要立即整改，不能立即整改的要制定方案限期整改到位，确保整改取得实效。",
    "1.进一步完善工作机制和措施保障体系建设，各单位要结合实际制定具体实施方案，确保落到实处。",
    "1.工作目标任务要求各单位在年底前全部完成整改，并报送总结材料和工作台账，确保按期完成。",
], ids=["de-then-predicate", "compound-noun", "modal-after", "he-join-goes-on", "short-clause"])
def test_title_word_inside_a_sentence_makes_no_heading(item, run_on):
    assert _heading(item, run_on) is None


@pytest.mark.parametrize("run_on", [False, True], ids=["line-start", "mid-line"])
def test_title_word_after_a_verb_is_its_object(run_on):
    # "明确重点任务…": no title ends at 重点任务; the first sentence stays the heading
    item = "1.明确重点任务各地结合实际，细化分解目标任务，确保按时完成。要加强督促检查。"
    assert _heading(item, run_on) == "明确重点任务各地结合实际,细化分解目标任务,确保按时完成"


def test_heading_ends_file_is_well_formed():
    rows = resources.data_rows("heading_ends.tsv")
    assert all(len(r) == 2 and r[1] in {"strong", "noun", "verb"} for r in rows)
    words = [r[0] for r in rows]
    assert len(words) == len(set(words)) and all(regex.fullmatch(r"\p{Han}{2,4}", w) for w in words)
    pat, strong, verbs = M._title_words()
    assert pat.match("对策建议").group(0) == "对策建议" and "展望" in strong and verbs.match("明确")


# --- a ；-series closed by a sentence about the whole list -------------------------------------------

def test_sentence_about_the_whole_list_is_not_the_last_items():
    # "一是…；二是…；三是村庄规划编制滞后,…发挥不够。这些问题的存在,…": 三是 is one sentence, like its siblings
    assert [r[2] for r in _rows(_s5()) if r[1] in ("一是", "二是", "三是")][:3] == [None, None, None]


def test_new_instruction_after_the_series_stays_with_the_last_item():
    # blind dirty2 q3 (its gold): "…；三是做好扑火准备，确保发生火情第一时间处置到位。市林业局要…"
    page = (BLIND / "dirty2" / "q3_gb18030_nocharset_changwu.txt").read_bytes()
    assert _row(_rows(page), "三是")[2] == "做好扑火准备,确保发生火情第一时间处置到位"
