"""Normalisation: exact offset map, each step on real snippets from seeds 002 and 004, spinner
both ways, spinner data integrity."""
from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policyextract.normalize import (
    Edit,
    Normalized,
    apply_edits,
    char_badness,
    clean_controls,
    default_steps,
    despin,
    fold_width,
    identity,
    is_spun,
    normalize,
    repair_mojibake,
    spinner_map,
    strip_pinyin,
    to_simplified,
)

from conftest import SEEDS, seed_name


def seed_text(prefix: str) -> str:
    return (SEEDS / f"{seed_name(prefix)}.txt").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# the offset map
# ---------------------------------------------------------------------------------------------

@st.composite
def text_and_edits(draw):
    text = draw(st.text(alphabet="ab中文，。\n", min_size=0, max_size=40))
    n = len(text)
    cuts = sorted(draw(st.lists(st.integers(0, n), max_size=8)))
    edits = []
    for a, b in zip(cuts[::2], cuts[1::2]):
        edits.append(Edit(a, b, draw(st.text(alphabet="xy人", max_size=4))))
    return text, edits


@settings(max_examples=100, deadline=None)
@given(text_and_edits())
def test_apply_edits_builds_the_replaced_text(case):
    text, edits = case
    norm = apply_edits(identity(text), edits)
    expected, pos = [], 0
    for e in sorted(edits):
        if e.start < pos:
            continue
        expected.append(text[pos:e.start] + e.new)
        pos = e.end
    expected.append(text[pos:])
    assert norm.text == "".join(expected)
    assert len(norm.starts) == len(norm.ends) == len(norm.text)


@settings(max_examples=100, deadline=None)
@given(text_and_edits())
def test_unchanged_chars_map_back_to_themselves(case):
    text, edits = case
    norm = apply_edits(identity(text), edits)
    for i, ch in enumerate(norm.text):
        a, b = norm.to_original(i, i + 1)
        assert 0 <= a <= b <= len(text)
        if b - a == 1 and text[a] == ch:
            continue  # kept char, or a 1→1 replacement
        # a replacement: the char maps to the whole replaced span
        assert any(e.start <= a and b <= e.end for e in edits) or b - a == 0


@settings(max_examples=60, deadline=None)
@given(text_and_edits(), text_and_edits())
def test_composed_steps_map_into_the_original(first, second):
    text, edits1 = first
    norm = apply_edits(identity(text), edits1)
    n = len(norm.text)
    edits2 = [Edit(min(e.start, n), min(e.end, n), e.new) for e in second[1]]
    norm2 = apply_edits(norm, edits2)
    for i in range(len(norm2.text)):
        a, b = norm2.to_original(i, i + 1)
        assert 0 <= a <= b <= len(text)
    # a span over the whole normalised text covers at most the whole original
    a, b = norm2.to_original(0, len(norm2.text))
    assert 0 <= a <= b <= len(text)


def test_three_to_one_replacement_maps_to_the_whole_span():
    norm = apply_edits(identity("甲东谈主乙"), [Edit(1, 4, "人")])
    assert norm.text == "甲人乙"
    assert norm.to_original(1, 2) == (1, 4)
    assert norm.source(0, 3) == "甲东谈主乙"


def test_deletion_keeps_neighbours_exact():
    norm = apply_edits(identity("醫(yī)療"), [Edit(1, 5, "")])
    assert norm.text == "醫療"
    assert norm.to_original(0, 1) == (0, 1) and norm.to_original(1, 2) == (5, 6)
    assert norm.source(0, 2) == "醫(yī)療"


def test_random_edit_chains_keep_sources_exact():
    rng = random.Random(5)
    text = seed_text("000")[:2000]
    steps = []
    for _ in range(5):
        def step(t, rng=rng):
            edits, pos = [], 0
            while pos < len(t) - 5:
                pos += rng.randint(1, 50)
                k = rng.randint(0, 3)
                edits.append(Edit(pos, min(len(t), pos + k), "x" * rng.randint(0, 3)))
                pos += k
            return edits
        steps.append(step)
    norm = normalize(text, steps)
    for i in range(0, len(norm.text), 7):
        a, b = norm.to_original(i, i + 1)
        assert norm.original[a:b] == norm.source(i, i + 1)
        assert 0 <= a <= b <= len(text)


# ---------------------------------------------------------------------------------------------
# steps on real snippets
# ---------------------------------------------------------------------------------------------

MOJIBAKE_004 = [
    ("阻擊戰(zhàn)?!锻ㄖ\ue000诽岢?,要保障", "通知》提", "通知》提"),  # 《 shares its byte with the ASCII '!'

    ("救助?!锻ㄖ\ue000窂娬{(diào),對因", "通知》強調", "通知》强调"),
    ("物資,確?;\ue2a2旧\ue30a畋匦杵饭\ue7ef?。湖北", "本生活必需品供", "本生活必需品供"),
    ("工作。暫??缇硣\ue27eH公路客運", "境國際", "境国际"),
    ("重要內(nèi)容。各?。ㄗ灾螀^(qū)、直轄市)", "（自治區", "(自治区、直辖市)"),
    ("通過提高當?shù)毓\ue7ef\ue023芰Γ\ue0d7訌娛⊥庀嚓P(guān)商品配置", "供應能力，加強省外相關", "供应能力,加强省外相关商品配置"),
]


@pytest.mark.parametrize("snippet,repaired,normalised", MOJIBAKE_004)
def test_mojibake_runs_of_seed_004_are_repaired(snippet, repaired, normalised):
    assert snippet in seed_text("004")
    edits = repair_mojibake(snippet)
    assert any(e.new.startswith(repaired) or repaired in e.new for e in edits)
    assert normalised in normalize(snippet).text


def test_mojibake_repair_reports_in_warnings():
    norm = normalize(seed_text("004"))
    assert any(w.startswith("mojibake repaired: 21 run(s)") for w in norm.warnings)
    assert "\ue000" not in norm.text and "锻ㄖ" not in norm.text


@pytest.mark.parametrize("shift", [0, 1])
@pytest.mark.parametrize("length", [2, 7, 40, 300])
def test_mojibake_repair_works_at_any_length_and_parity(shift, length):
    # no ASCII inside the run: an ASCII byte below 0x40 puts a shifted decoder back in step
    clean = "".join(c for c in seed_text("000") if not c.isascii() and not c.isspace())
    start = 200 + shift
    run = clean[start:start + length]
    data = run.encode("gb18030")
    # what a decoder one byte out of step writes: '?' for the orphan byte, then pairs
    garbled = "?" + data[1:].decode("gb18030", errors="replace").replace("\ufffd", "?")
    text = "各地要加强防控工作。" + garbled + "。各地要加强防控。"
    out = normalize(text).text
    # everything but the char whose first byte was lost (and at most one at the end) comes back
    assert run[1:-1] in out


def test_mojibake_leaves_clean_seeds_alone():
    for prefix in ("000", "001", "002", "003"):
        assert repair_mojibake(seed_text(prefix)) == []


def test_rare_but_genuine_chars_are_not_repaired():
    text = "该患者由武汉市金银潭医院收治,主治医生为王珺、彭燚、赟琛等同志?并且"
    assert repair_mojibake(text) == []


@pytest.mark.parametrize("codec", ["gb18030", "gbk"])
def test_utf8_read_as_gbk_is_repaired(codec):
    clean = "国务院办公厅关于做好疫情防控工作的通知，各省、自治区：一、加强组织领导。"
    garbled = clean.encode("utf-8").decode(codec, errors="replace")
    norm = normalize("2020年" + garbled)
    assert "疫情防控工作的" in norm.text and "各省" in norm.text and "自治区" in norm.text
    assert any("UTF-8 read as GBK" in w for w in norm.warnings)
    assert norm.source(0, len(norm.text)) == "2020年" + garbled


def test_utf8_as_gbk_leaves_clean_seeds_alone():
    from policyextract.normalize import repair_utf8_as_gbk

    for prefix in ("000", "001", "002", "003", "004"):
        assert repair_utf8_as_gbk(seed_text(prefix)) == []


@pytest.mark.parametrize("snippet,expected", [
    ("醫(yī)療機構(gòu)感染控制", "醫療機構感染控制"),
    ("新冠肺炎(COVID19)全球大流行", "新冠肺炎(COVID19)全球大流行"),
    ("《通知》(以下簡稱《通知》)", "《通知》(以下簡稱《通知》)"),
    ("个人防护装备(PPE)", "个人防护装备(PPE)"),
    ("（一）加强领导", "（一）加强领导"),
    ("各區（qū）和縣", "各區和縣"),
    ("方案(a)和(b)", "方案(a)和(b)"),
    ("根據(jù)當?shù)疫情變化", "根據當?疫情變化"),  # debris after a lost byte (seed 004)
    ("是吗?(a)", "是吗?(a)"),
])
def test_pinyin_annotations_are_stripped_only_after_hanzi(snippet, expected):
    norm = apply_edits(identity(snippet), strip_pinyin(snippet))
    assert norm.text == expected


def test_seed_004_has_no_pinyin_left():
    import re

    text = normalize(seed_text("004")).text
    left = re.findall(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)", text)
    assert left == []
    assert "医疗机构感染控制" in text


def test_traditional_to_simplified_is_char_for_char():
    text = "新型冠狀病毒肺炎疫情下我國醫療機構感染控制"
    edits = to_simplified(text)
    assert all(e.end - e.start == 1 and len(e.new) == 1 for e in edits)
    assert apply_edits(identity(text), edits).text == "新型冠状病毒肺炎疫情下我国医疗机构感染控制"


def test_width_folding():
    assert apply_edits(identity("ＡＢ１２　，"), fold_width("ＡＢ１２　，")).text == "AB12 ,"


def test_controls_surrogates_and_nul_are_cleaned_one_for_one():
    text = "通知\x00各省\ud800市\x07"
    norm = apply_edits(identity(text), clean_controls(text))
    assert norm.text == "通知 各省\ufffd市 "
    assert normalize(text).text == "通知 各省\ufffd市 "


# ---------------------------------------------------------------------------------------------
# spun text, both ways
# ---------------------------------------------------------------------------------------------

SPUN_002 = [
    ("中共中央总布告习近平专揽召开中共中央政事局常务委员会会议", "中共中央总书记习近平主持召开中共中央政治局常务委员会会议"),
    ("中央玩忽疫情服务率领小组战“疫”日记", "中央应对疫情工作领导小组战“疫”日记"),
    ("率领小构成员丁薛祥、黄坤明、蔡奇、王毅、肖捷、赵克志参加会议。", "领导小组成员丁薛祥、黄坤明、蔡奇、王毅、肖捷、赵克志参加会议。"),
    ("二是作念好输送组织保险服务。", "二是做好运输组织保障工作。"),
    ("四是强化要点地区东谈主员流动防控。", "四是强化重点地区人员流动防控。"),
    ("推动接洽处所全面加强防控一线服务。", "推动有关地方全面加强防控一线工作。"),
    ("东谈主民网·中国共产党新闻网整理", "人民网·中国共产党新闻网整理"),
    ("国度卫生健康委新式冠状病毒感染的肺炎医疗与防控高等别大众组组长钟南山",
     "国家卫生健康委新型冠状病毒感染的肺炎医疗与防控高级别专家组组长钟南山"),
    ("孙春兰率领中央赴湖北指导组", "孙春兰率领中央赴湖北指导组"),  # a genuine 率领 stays
    # rows added in the second session, read off the same page
    ("在保证质地的基础上", "在保证质量的基础上"),
    ("好多资格不错在寰宇扩充", "很多经验可以在全国扩充"),
    ("确保整个患者应收尽收", "确保所有患者应收尽收"),
    ("丰富的救死扶伤资格", "丰富的救死扶伤经验"),
]


@pytest.fixture(scope="module")
def despun_002():
    return normalize(seed_text("002"))


@pytest.mark.parametrize("spun,original", SPUN_002)
def test_spun_seed_002_is_despun(despun_002, spun, original):
    assert spun in seed_text("002")
    assert original in despun_002.text


def test_spun_seed_002_warning_counts_substitutions(despun_002):
    warn = [w for w in despun_002.warnings if w.startswith("spun text detected:")]
    assert len(warn) == 1 and warn[0].endswith("substitutions undone")
    assert int(warn[0].split(":")[1].split()[0]) == despun_002.counts["despun"] > 1000


def test_despun_names_map_back_to_spun_source(despun_002):
    norm = despun_002
    i = norm.text.index("中共中央总书记习近平主持召开")
    assert norm.source(i, i + len("中共中央总书记习近平主持召开")) == "中共中央总布告习近平专揽召开"


CLEAN_WITH_SPINNER_WORDS = [
    "各地要做好便民服务和志愿服务，由副省长率领工作组赴一线督导，服务企业复工复产。",
    "国务院办公厅关于进一步优化政务服务的通知",
    "市领导率领有关部门负责同志检查服务热线运行情况，对于发现的问题要及时整改。",
]


@pytest.mark.parametrize("text", CLEAN_WITH_SPINNER_WORDS)
def test_clean_text_with_服务_and_率领_is_unchanged(text):
    assert not is_spun(text)
    assert despin(text) == []
    assert normalize(text).text == text.replace("，", ",")  # width folding only


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_clean_seeds_are_not_detected_as_spun(prefix):
    norm = normalize(seed_text(prefix))
    assert not any(w.startswith("spun text") for w in norm.warnings)


# The spinner's forms that no person writes (一又友, 好意思国, 淌若, 莫得, 所有这个词, 东说念主) are
# signature markers too: a page that only shows these is detected and reversed.
SPUN_OTHER_WORDS = "淌若莫得一又友的匡助，好意思国东说念主也知说念所有这个词过程。关联词东谈主们作念到了。"


def test_other_spinner_forms_are_detected_and_reversed():
    assert is_spun(SPUN_OTHER_WORDS)
    assert normalize(SPUN_OTHER_WORDS).text == "如果没有朋友的帮助,美国人也知道整个过程。然而人们做到了。"


@pytest.mark.parametrize("text", [
    "不好意思，任职资格审查和资格审查工作整个流程不错。",  # genuine words that are spinner forms
])
def test_clean_text_with_new_spinner_forms_is_unchanged(text):
    assert not is_spun(text)
    assert despin(text) == []


def test_one_stray_marker_does_not_trigger_despinning():
    text = "山东谈判代表团到达。本市服务热线开通，率领小组成员出发。"
    assert despin(text) == []


# ---------------------------------------------------------------------------------------------
# data integrity
# ---------------------------------------------------------------------------------------------

def test_spinner_map_integrity():
    rows = spinner_map()
    assert len(rows) > 150
    spun = [r.spun for r in rows]
    assert len(spun) == len(set(spun)), "duplicate spun forms"
    markers = [r for r in rows if r.note.startswith("marker")]
    assert len(markers) >= 5
    for r in rows:
        assert r.spun and r.original and "\t" not in r.spun + r.original
        assert all(char_badness(c) < 3 for c in r.spun + r.original)
    # the examples are all there
    table = {r.spun: r.original for r in rows}
    for spun, orig in [("率领小组", "领导小组"), ("专揽", "主持"), ("东谈主", "人"), ("玩忽", "应对"),
                       ("服务", "工作"), ("政事局", "政治局"), ("布告", "书记"), ("接洽", "有关"), ("见告", "通知")]:
        assert table[spun] == orig


def test_default_steps_order():
    names = [s.__name__ for s in default_steps()]
    assert names == ["clean_controls", "repair_utf8_as_gbk", "repair_mojibake", "strip_pinyin", "fold_width",
                     "to_simplified", "despin", "unwrap_lines"]


def test_normalized_api_is_stable():
    norm = normalize("甲")
    assert isinstance(norm, Normalized) and norm.text == "甲" and norm.to_original(0, 1) == (0, 1)


# ---------------------------------------------------------------------------------------------
# 著 / 着 on traditional pages (OpenCC t2s leaves 隨著 as 随著)
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("trad,simp", [
    ("隨著新型", "随着新型"),
    ("面臨著較高", "面临着较高"),
    ("著力降", "着力降"),
])
def test_traditional_seed_004_aspect_著_becomes_着(trad, simp):
    text = seed_text("004")
    assert trad in text
    norm = normalize(text)
    i = norm.text.index(simp)
    assert norm.source(i, i + len(simp)) == trad


def test_simplified_page_keeps_显著():
    text = seed_text("003")
    assert "成效显著" in text and "成效显著" in normalize(text).text


def test_traditional_page_keeps_著_in_显著_and_著作():
    text = "隨著經濟發展，我們面臨著較大壓力，要著力推進改革，成效顯著，著名學者的著作。"
    assert normalize(text).text == "随着经济发展,我们面临着较大压力,要着力推进改革,成效显著,著名学者的著作。"


@pytest.mark.parametrize("text,expected", [
    ("在(zài)北京(běi jīng)召开", "在北京召开"),        # a word's reading, several syllables
    ("医(yi1)疗(liao2)机构", "医疗机构"),              # tone numbers
    ("北京(bei3 jing1)", "北京"),
])
def test_other_pinyin_annotations_are_removed(text, expected):
    assert normalize(text).text == expected


@pytest.mark.parametrize("text", ["習近平(Xi Jinping)主持", "附件(a1)", "办法(试行)", "标准(GB 2760)", "的(de)"])
def test_brackets_that_are_not_pinyin_stay(text):
    assert strip_pinyin(text) == []
