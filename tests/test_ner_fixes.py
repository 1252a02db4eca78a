"""The components that correct the NER model: the name-roll resolver (policyextract/name_rolls.py)
and the certain corrections (policyextract/corrections.py), plus their data files."""
from __future__ import annotations

import json

import pytest
import regex

from policyextract import corrections, name_rolls, nlp as pnlp

# The Politburo members of the 20th Central Committee as 新华社 lists them (姓氏笔画为序), with
# the separators lost — what a scraper makes of a list printed with spaces.
POLITBURO = ("中共中央政治局委员（按姓氏笔画为序）：丁薛祥王毅尹力石泰峰刘国中李干杰李书磊李鸿忠"
             "何卫东何立峰张又侠张国清陈文清陈吉宁陈敏尔袁家军黄坤明")
POLITBURO_NAMES = ["丁薛祥", "王毅", "尹力", "石泰峰", "刘国中", "李干杰", "李书磊", "李鸿忠", "何卫东",
                   "何立峰", "张又侠", "张国清", "陈文清", "陈吉宁", "陈敏尔", "袁家军", "黄坤明"]


def _names(text, spans):
    return [text[s:e] for s, e in spans]


# ----------------------------------------------------------------------------- name rolls

def test_resolve_moves_a_boundary_the_model_put_one_char_late():
    text = "程思远程维高傅全有"
    model = [(0, 4), (4, 6), (6, 9)]  # 程思远程|维高|傅全有, as the model cut it
    assert _names(text, name_rolls.resolve(text, model)) == ["程思远", "程维高", "傅全有"]


def test_resolve_keeps_names_the_character_model_cannot_write():
    text = "阿沛·阿旺晋美赛福鼎·艾则孜巴金钱学森"
    model = [(0, 7), (7, 14), (14, 16), (16, 19)]
    assert name_rolls.resolve(text, model) is None  # nothing to change: the · names stay whole


def test_resolve_cuts_at_annotations():
    text = "汪家镠（女）汪啸风沙健孙沈达人"
    model = [(0, 3), (6, 10), (12, 15)]  # 汪啸风沙 swallowed the next surname; 健孙 left out
    assert _names(text, name_rolls.resolve(text, model)) == ["汪家镠", "汪啸风", "沙健孙", "沈达人"]


@pytest.mark.parametrize("text,model", [
    ("李强主持会议", [(0, 2)]),                                   # one name: not a roll
    ("李强、丁薛祥、李希出席", [(0, 2), (3, 6), (7, 9)]),          # separated: not a roll
    ("会见了来访的客人张三以及随行的李四和王五", [(8, 10), (15, 17), (18, 20)]),  # prose
])
def test_resolve_leaves_non_rolls_alone(text, model):
    assert name_rolls.resolve(text, model) is None


def test_pipeline_finds_every_name_of_a_glued_roll():
    ents = pnlp.entities([POLITBURO])[0]
    assert [POLITBURO[s:e] for s, e, l in ents if l == "PER"] == POLITBURO_NAMES


def test_pipeline_finds_the_lead_name_the_model_misses():
    text = "出席会议的有谌贻琴（女）谢茹（女，回族）程思远傅全有。"
    nlp = pnlp.load()
    with nlp.select_pipes(disable=["policyextract_name_rolls"]):
        assert "谌贻琴" not in [e.text for e in nlp(text).ents]  # the model alone
    assert "谌贻琴" in [text[s:e] for s, e, l in pnlp.entities([text])[0] if l == "PER"]


def test_resolver_splits_tokens_so_doc_stays_consistent():
    doc = pnlp.load()("主席团成员程思远程维高傅全有雷洁琼（女）谢非")
    assert all(e.label_ == "PER" for e in doc.ents if e.text in {"傅全有", "雷洁琼", "谢非"})
    assert "".join(t.text_with_ws for t in doc) == doc.text


def test_name_model_file_integrity():
    raw = json.loads(name_rolls.NAME_MODEL_PATH.read_text(encoding="utf-8"))
    listed = {l.strip() for l in name_rolls.SURNAMES_PATH.read_text(encoding="utf-8").splitlines()
              if l.strip() and not l.startswith("#")}
    assert raw["names"] == sum(raw["surname"].values()) > 10000
    assert set(raw["surname"]) <= listed
    assert set(raw["given_len"]) == {"1", "2"}
    assert sum(raw["given_len"].values()) == raw["names"]
    for table in ("given", "background"):
        assert all(len(c) == 1 and regex.match(r"\p{Han}", c) and n > 0 for c, n in raw[table].items())
    m = name_rolls.name_model()
    assert m.surnames["王"] > m.surnames["亢"]  # frequent surnames score higher


# ----------------------------------------------------------------------------- corrections

def test_countries_file_integrity():
    seen = {}
    for line in corrections.COUNTRIES_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        names = line.split("\t")
        assert all(regex.fullmatch(r"[\p{Han}（）]+", n) for n in names), line
        for n in names:
            assert n not in seen, f"{n} listed twice"
            seen[n] = names[0]
    assert len({v for v in seen.values()}) >= 195
    assert corrections.country_names() == seen


@pytest.mark.parametrize("text,span,expected", [
    ("马拉维政府仍计划到2000年", (0, 3), (0, 3, "LOC")),
    ("马拉维湖尚未受到工业污染", (0, 4), (0, 4, "LOC")),   # + geographic suffix
    ("扎伊尔共和国总统", (0, 4), (0, 6, "LOC")),          # the country's formal name
])
def test_relabel_country_read_as_person(text, span, expected):
    assert corrections.relabel(text, [(*span, "PER")]) == [expected]


@pytest.mark.parametrize("text,ent", [
    ("马里奥说", (0, 3, "PER")),        # a person whose name starts like 马里
    ("马拉维旅游部官员说", (0, 6, "ORG")),  # ORG is never touched
])
def test_relabel_leaves_other_entities(text, ent):
    assert corrections.relabel(text, [ent]) is None


@pytest.mark.parametrize("text,ent", [
    ("学习一一○、全社会共建一一○的决定", (2, 5, "ORG")),   # the 110 police line
    ("见第２０５号", (2, 5, "ORG")),
])
def test_relabel_drops_numeral_entities(text, ent):
    assert corrections.relabel(text, [ent]) == []


def test_pipeline_labels_traditional_country_name_loc():
    text = "馬拉維政府仍計劃吸引更多遊客"
    assert (0, 3, "LOC") in pnlp.entities([text])[0]


def test_fix_components_run_between_ner_and_rules():
    names = pnlp.load().pipe_names
    assert names.index("ner") < names.index("policyextract_name_rolls") \
        < names.index("policyextract_corrections") < names.index("policyextract_rules")


# bug caught by fuzzing: a model span across a stray bracket (谢）徐) sat outside every roll and
# was kept beside the new names it overlapped; spaCy then refused the entities (E1010)
STRAY = ("戴汤）丁和于陈谭孙韩程付雷吕林程袁邵孟孙蔡郝余蔡谢）徐龙罗严龚蔡廖郑严黄徐闫邹卢陈彭武闫苏、"
         "肖范黎崔林赵史陈）夏叶。韩何覃邱何龙·姜朱梁谭丁罗赵的崔于林范侯了梁")
STRAY_MODEL = [(0, 2), (3, 5), (5, 7), (9, 11), (11, 13), (13, 16), (16, 18), (18, 20), (20, 23),
               (23, 26), (26, 29), (29, 31), (31, 33), (33, 35), (35, 38), (38, 40), (40, 43), (43, 45),
               (46, 49), (49, 51), (51, 53), (53, 55), (55, 57), (58, 61), (61, 68), (68, 71), (71, 73),
               (73, 76), (76, 80)]


def test_resolve_never_returns_overlapping_spans():
    out = name_rolls.resolve(STRAY, STRAY_MODEL)
    assert out and all(b1 <= a2 for (_, b1), (a2, _) in zip(out, out[1:]))


def test_pipeline_on_random_surname_soup_keeps_offsets():
    import random

    rng = random.Random(5)
    chars = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁·（）女族、，。的了和在有是"
    texts = ["".join(rng.choice(chars) for _ in range(rng.randint(5, 80))) for _ in range(300)]
    for text, ents in zip(texts, pnlp.entities(texts, labels=None)):
        assert all(0 <= s < e <= len(text) for s, e, _ in ents)
        assert all(e1 <= s2 for (_, e1, _), (s2, _, _) in zip(ents, ents[1:]))
