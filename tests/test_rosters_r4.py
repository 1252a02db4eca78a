"""Officials of the round-4 blind pages (fixtures/blind/round4n, round4r): numbered 任免名单 blocks
(一、决定任命： / 二、决定免去： / 六、批准任命：), roster continuation lines, posts after a roster
name, 解读人, 干部. Each behaviour is checked with and without the NER model: the rules must stand
alone."""
from __future__ import annotations

from pathlib import Path

import pytest

import policyextract
from conftest import parse_fixture

ROOT = Path(__file__).resolve().parents[1]
R4N = ROOT / "fixtures" / "blind" / "round4n"
R4R = ROOT / "fixtures" / "blind" / "round4r"
NER = pytest.mark.parametrize("ner", [True, False], ids=["ner", "rules"])


def _officials(path: str, ner: bool) -> dict:
    res = parse_fixture(str(Path(path).relative_to(ROOT / "fixtures")), ner)
    return {o.name: o.titles for d in res.documents for o in d.officials}


def officials(name: str, ner: bool) -> dict:
    path = next((R4N if name.startswith("r4n") else R4R).glob(name + "*.txt"))
    return _officials(str(path), ner)


# --------------------------------------------------------------------------- r4n3 任免名单

@NER
@pytest.mark.parametrize("name,title", [
    ("陈向东", "福州市自然资源和规划局局长"),  # 一、决定任命：
    ("郑少斌", "福州市卫生健康委员会主任"),
    ("刘文涛", "福州市人民代表大会常务委员会财政经济工作委员会副主任"),  # 三、任命：
    ("何振宇", "福州市鼓楼区人民检察院检察长"),  # 六、批准任命：
])
def test_numbered_appoint_head_gives_post(ner, name, title):
    assert officials("r4n3", ner)[name] == [title]


@NER
@pytest.mark.parametrize("name,title", [
    ("黄建平", "福州市自然资源和规划局局长"),  # 二、决定免去：
    ("王晓峰", "福州市人民代表大会常务委员会法制工作委员会副主任"),  # 四、免去：
])
def test_numbered_remove_head_gives_post_taken(ner, name, title):
    assert officials("r4n3", ner)[name] == [title]


@NER
def test_court_posts_are_posts(ner):
    got = officials("r4n3", ner)
    assert got["张宏亮"] == ["福州市中级人民法院审判委员会委员", "审判员"]
    assert got["杨静"] == ["福州市中级人民法院民事审判第一庭庭长"]


# --------------------------------------------------------------------------- r4n5 领导小组 roster

@NER
def test_roster_post_after_name_is_no_person(ner):
    # "组　长：王志强　区委副书记、区长": 区长 is a post of 王志强, not a person 区长 with 组长
    got = officials("r4n5", ner)
    assert "区长" not in got
    assert got["王志强"] == ["组长", "区委副书记", "区长"]


@NER
@pytest.mark.parametrize("name,titles", [
    ("孙建国", ["副组长", "副区长", "区公安分局局长"]),  # the line after "副组长：刘海燕　…"
    ("陈晓东", ["成员", "区经信局局长"]),  # lines after "成　员：李　明　区发改局局长"
    ("胡玉洁", ["成员", "区财政局局长"]),
])
def test_roster_continuation_line_keeps_role(ner, name, titles):
    assert officials("r4n5", ner)[name] == titles


def test_bare_post_is_no_name():
    from policyextract.extract import people
    assert not people.is_name("区长")
    assert not people.is_name("成员")
    assert people.is_name("赵刚")


# --------------------------------------------------------------------------- labelled fields

@NER
@pytest.mark.parametrize("page,name,titles", [
    ("r4n2", "欧阳建军", ["县委副书记", "县长"]),  # 主　　持：欧阳建军　县委副书记、县长
    ("r4n2", "唐立新", ["县委常委", "常务副县长"]),  # 出　　席：唐立新　县委常委、常务副县长
    ("r4n4", "赵红梅", ["河南省人力资源和社会保障厅就业促进处处长"]),  # 解读人：赵红梅　…处长 (alone on the page)
])
def test_labelled_field_name_and_posts(ner, page, name, titles):
    assert officials(page, ner)[name] == titles


# --------------------------------------------------------------------------- post 由 name 兼任

@NER
def test_post_given_by_you_jianren(ner):
    # "办公室主任由赵刚同志兼任" (r4n5)
    assert "办公室主任" in officials("r4n5", ner)["赵刚"]


@pytest.mark.parametrize("text,name,title", [
    ("领导小组下设办公室，办公室主任由赵刚同志兼任，负责日常工作。", "赵刚", "办公室主任"),
    ("指挥部总指挥由县长王刚担任。", "王刚", "指挥部总指挥"),
])
def test_post_you_name_danren_sentence(text, name, title):
    res = policyextract.parse(text, ner=False)
    got = {o.name: o.titles for d in res.documents for o in d.officials}
    assert title in got[name]


# --------------------------------------------------------------------------- 干部 (round4r q05)

@NER
@pytest.mark.parametrize("name,titles", [
    ("刘佳", ["驻村第一书记", "县农业农村局干部"]),  # 驻村第一书记、县农业农村局干部刘佳(女)
    ("何志勇", ["包村干部", "镇综合执法队队长"]),  # 包村干部、镇综合执法队队长何志勇: two posts
])
def test_ganbu_is_a_post(ner, name, titles):
    assert officials("q05", ner)[name] == titles


# --------------------------------------------------------------------------- 接受…辞去…职务的请求

@pytest.mark.parametrize("text", [
    "接受陈建华辞去福州市财政局局长职务的请求。\n",
    "三、决定接受：\n陈建华辞去福州市财政局局长职务的请求；\n",
])
def test_resignation_accepted_gives_post(text):
    res = policyextract.parse(text, ner=False)
    got = {o.name: o.titles for d in res.documents for o in d.officials}
    assert got == {"陈建华": ["福州市财政局局长"]}


# --------------------------------------------------------------------------- sentences: roster and list forms

def _text_officials(text: str) -> dict:
    res = policyextract.parse(text, ner=False)
    return {o.name: o.titles for d in res.documents for o in d.officials}


def test_roster_continuation_post_before_name_keeps_role():
    got = _text_officials("组　长：区委副书记、区长　王志强\n成　员：区发改局局长　李明\n"
                          "　　　　区经信局局长　陈晓东\n　　　　各街道办事处主任\n")
    assert got["陈晓东"] == ["区经信局局长", "成员"]


def test_padded_attend_cue_with_names_apart_by_spaces():
    got = _text_officials("会议纪要\n出　　席：唐立新　邓雪梅　蒋国华\n列　　席：李海峰\n")
    assert set(got) == {"唐立新", "邓雪梅", "蒋国华", "李海峰"}


@pytest.mark.parametrize("text,name,titles", [
    ("政策问答\n解读人：赵红梅（河南省人社厅就业促进处处长）\n", "赵红梅", ["河南省人社厅就业促进处处长"]),
    ("会议纪要\n主　　持：欧阳建军（县委副书记、县长）\n", "欧阳建军", ["县委副书记", "县长"]),
])
def test_labelled_field_name_with_posts_in_brackets(text, name, titles):
    assert _text_officials(text) == {name: titles}


@pytest.mark.parametrize("text,expected", [
    ("一、决定任命：\n林美华（女）为福州市教育局局长；\n陈向东为福州市自然资源和规划局局长。\n",
     {"林美华": ["福州市教育局局长"], "陈向东": ["福州市自然资源和规划局局长"]}),
    ("免去：\n阿依古丽（女，维吾尔族）的福州市教育局局长职务；\n", {"阿依古丽": ["福州市教育局局长"]}),
    ("任命阿依古丽（女）为福州市教育局局长。", {"阿依古丽": ["福州市教育局局长"]}),
])
def test_appointment_item_with_person_note_after_name(text, expected):
    assert _text_officials(text) == expected


def test_block_goes_on_after_an_item_whose_name_is_not_read():
    # 奥达 is no name the rules read; the 任命： block still holds for the next line
    got = _text_officials("任命：\n奥达为福州市教育局局长；\n陈向东为福州市自然资源和规划局局长。\n")
    assert got["陈向东"] == ["福州市自然资源和规划局局长"]
