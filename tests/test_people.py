"""Officials (issue 4): names, titles and mentions, on sentences taken from the seed pages.

Spun (002) and traditional/pinyin (004) sentences are given as written on the page: they go
through ``policyextract.parse`` and therefore through normalisation first.
"""
from __future__ import annotations

import pytest
import regex

import policyextract
from policyextract import resources
from policyextract.extract import people
from tests.conftest import SEEDS, parsed, seed_name


def seed_window(prefix: str, marker: str, before: int = 2, after: int = 2) -> str:
    """Lines of a seed page around the line holding ``marker`` (spun text is only de-spun when
    the normaliser sees enough of it, so spun sentences are tested with their neighbours)."""
    lines = (SEEDS / f"{seed_name(prefix)}.txt").read_text(encoding="utf-8").splitlines()
    i = next(k for k, ln in enumerate(lines) if marker in ln)
    return "\n".join(lines[max(0, i - before):i + after + 1])


def officials(text: str) -> dict:
    """name -> titles of the officials of the (single) document parsed from ``text``."""
    res = policyextract.parse(text)
    out = {}
    for doc in res.documents:
        for o in doc.officials:
            out.setdefault(o.name, []).extend(t for t in o.titles if t not in out.get(o.name, []))
    return out


# --------------------------------------------------------------------------- data files

def test_titles_lexicon_well_formed():
    rows = resources.data_rows("titles.txt")
    assert rows and all(len(r) == 2 and r[0] in {"post", "after", "strip"} for r in rows)
    keys = [(k, w) for k, w in rows]
    assert len(keys) == len(set(keys))
    assert all(regex.fullmatch(r"\p{Han}+", w) for _, w in rows)
    posts = {w for k, w in rows if k == "post"}
    # broad: central, provincial, local, party, military, group roles
    for w in ("总书记", "总理", "国务委员", "部长", "省长", "市长", "县长", "书记", "常委", "主任", "局长", "厅长",
              "主席", "秘书长", "委员", "组长", "副组长", "成员", "院士", "司令员", "政委"):
        assert w in posts
    assert {w for k, w in rows if k == "after"} <= posts


def test_surnames_well_formed():
    words = resources.data_lines("person_surnames.txt")
    assert len(words) == len(set(words)) and len(words) > 400
    assert all(regex.fullmatch(r"\p{Han}{1,2}", w) for w in words)
    assert {"欧阳", "诸葛", "司马"} <= set(words) and {"李", "王", "张", "习", "钟"} <= set(words)


def test_nonnames_well_formed():
    rows = resources.data_rows("person_nonnames.txt")
    assert rows and all(len(r) == 2 and r[0] in {"word", "word2", "last", "byline"} and r[1] for r in rows)
    assert all(len(w) == 1 for k, w in rows if k == "last")


@pytest.mark.parametrize("name", ["李克强", "孙春兰", "蔡奇", "欧阳修", "诸葛亮", "钟南山", "丁学祥"])
def test_is_name_accepts_names(name):
    assert people.is_name(name)


@pytest.mark.parametrize("word", ["国务院", "市委", "负责同志", "干部", "有关专家", "xxx", "xx", "张某", "领导班子", "会议"])
def test_is_name_rejects_non_names(word):
    assert not people.is_name(word)


# --------------------------------------------------------------------------- title chains

def test_title_chain_split_at_title_boundaries_spun_002():
    # seed 002 (spun): 政事局→政治局, 玩忽→应对, 服务→工作, 率领→领导, 专揽→主持
    text = seed_window("002", "2月2日,中共中央政事局常委、国务院总理、中央玩忽", 0, 2)
    assert "率领小组组长李克强专揽召开" in text
    assert officials(text)["李克强"] == [
        "中共中央政治局常委", "国务院总理", "中央应对新型冠状病毒感染肺炎疫情工作领导小组组长"]


def test_title_chain_clean_003():
    text = ("7月31日国务院联防联控机制在京召开电视电话会,中共中央政治局委员、国务院副总理孙春兰在会上强调:"
            "要深入贯彻习近平总书记重要指示精神。")
    got = officials(text)
    assert got["孙春兰"] == ["中共中央政治局委员", "国务院副总理"]


def test_title_after_name_000():
    text = "各地要深入学习习近平总书记重要指示精神,深刻认识当前疫情防控形势的严峻性、复杂性。"
    assert officials(text) == {"习近平": ["总书记"]}


def test_title_opener_is_stripped_spun_002():
    text = seed_window("002", "经中央军委主席习近平批准", 0, 0)
    assert "中央军委主席" in officials(text)["习近平"]


def test_expert_group_title_and_deng_zhuanjia_spun_002():
    text = seed_window("002", "组长钟南山等", 4, 0)
    assert officials(text)["钟南山"] == ["国家卫生健康委新型冠状病毒感染的肺炎医疗与防控高级别专家组组长"]


def test_collective_title_applies_to_each_enumerated_name_spun_002():
    text = seed_window("002", "服务率领小构成员丁薛祥、孙春兰", 4, 0)
    got = officials(text)
    title = "中央应对新型冠状病毒感染肺炎疫情工作领导小组成员"
    for n in ["丁薛祥", "孙春兰", "黄坤明", "蔡奇", "王毅", "肖捷", "赵克志"]:
        assert got[n] == [title]


def test_untitled_enumeration_before_attendance_spun_002():
    text = seed_window("002", "刘鹤、肖捷、何立峰参加上述行径", 3, 0)
    got = officials(text)
    assert got["刘鹤"] == [] and got["何立峰"] == [] and "肖捷" in got


def test_traditional_pinyin_enumeration_004():
    # seed 004 as written: traditional characters with pinyin after some of them
    text = "領(lǐng)導班子成員丁學祥、黃昆明、蔡奇、王毅、肖潔、趙克志參加會議,孫春蘭參加視頻連線。"
    got = officials(text)
    assert got["丁学祥"] == ["领导班子成员"] and got["肖洁"] == ["领导班子成员"]
    assert "孙春兰" in got


def test_local_posts_compose_with_any_organ():
    # held-out style: provincial/municipal posts; the organ prefix is composed by rule
    text = "2020年2月10日,省委书记、省人大常委会主任张建国主持召开省委常委会会议。省委副书记、省长李卫东出席。"
    got = officials(text)
    assert got["张建国"] == ["省委书记", "省人大常委会主任"]
    assert got["李卫东"] == ["省委副书记", "省长"]


def test_title_run_stops_at_verb_and_previous_name():
    got = officials("2020年1月28日,国家主席习近平在北京会见世界卫生组织总干事谭德塞。")
    assert got == {"习近平": ["国家主席"], "谭德塞": ["世界卫生组织总干事"]}


def test_bare_name_before_official_act_and_inspection_people_kept():
    # an inspection is no meeting, but its people are officials
    got = officials("2020年3月2日,习近平在北京考察新冠肺炎防控科研攻关工作。李克强、王沪宁陪同考察。")
    assert set(got) == {"习近平", "李克强", "王沪宁"}


# --------------------------------------------------------------------------- negatives

def test_placeholders_are_not_people_003():
    doc_names = {o.name for d in parsed(seed_name("003")).documents for o in d.officials}
    assert doc_names == {"习近平", "孙春兰"}  # xx区, xxxxxxxx (组长:/副组长: lists), 计生专干xxx


@pytest.mark.parametrize("text", [
    "2021年5月6日,xxx同志主持召开会议,各级干部、主要负责同志参加。",
    "各地区要成立应对疫情工作领导小组,党政主要负责同志挂帅,防控工作不得有误。",
    "组长:\nxxxxxxxx\n副组长:\nxxxxxxxx",
])
def test_placeholders_and_generic_references(text):
    assert officials(text) == {}


def test_reporters_are_not_officials():
    got = officials("国家卫生健康委新闻发言人米锋在新闻发布会上介绍情况。\n记者 张三丰 编辑:李小龙")
    assert got == {"米锋": ["国家卫生健康委新闻发言人"]}


# --------------------------------------------------------------------------- whole pages

def test_one_official_per_person_with_all_mentions_002():
    doc = parsed(seed_name("002")).documents[0]
    names = [o.name for o in doc.officials]
    assert len(names) == len(set(names))
    lkq = next(o for o in doc.officials if o.name == "李克强")
    assert len(lkq.mentions) >= 10
    res = parsed(seed_name("002"))
    assert all(res.text[m.span[0]:m.span[1]] == m.source == "李克强" for m in lkq.mentions)
    xjp = next(o for o in doc.officials if o.name == "习近平")
    assert set(xjp.titles) == {"中共中央总书记", "总书记", "中央军委主席"}


def test_traditional_mentions_point_at_the_original_004():
    res = parsed(seed_name("004"))
    sun = next(o for d in res.documents for o in d.officials if o.name == "孙春兰")
    assert all(res.text[m.span[0]:m.span[1]] == m.source for m in sun.mentions)
    assert any(m.source.startswith("孫") for m in sun.mentions)


def test_ner_is_optional(monkeypatch):
    # without the NER model the rules still find the names
    monkeypatch.setitem(people._NER_STATE, "ok", False)
    assert officials("2020年4月1日,省委书记应勇出席并讲话,省长王晓东主持。") == {
        "应勇": ["省委书记"], "王晓东": ["省长"]}


def test_ner_spans_settle_name_boundaries(monkeypatch):
    # a stand-in for the NER model: PER spans at fixed offsets of this text. Without it the rules
    # cannot tell where the name after 副省长 ends (杨光|荣获 or 杨光荣|获)
    text = "2020年2月3日,副省长杨光荣获全国劳动模范称号。"
    monkeypatch.setitem(people._NER_STATE, "ok", False)  # rules alone: boundary undecidable
    assert officials(text) == {}
    start = policyextract.parse(text).text.index("杨光")
    monkeypatch.setattr(people, "_ner_spans",
                        lambda ctx, doc_text: {(start - ctx.doc.start, start - ctx.doc.start + 2)})
    assert officials(text) == {"杨光": ["副省长"]}


def test_leadership_group_roster_lines():
    # the 003 notices list their group as "组长:" lines (placeholders there); a held-out page
    # with real names gives each the roster post and the titles in brackets or after a space
    text = ("关于成立疫情防控工作领导小组的通知\n组成人员如下：\n组  长：张建国（市委副书记、市长）\n"
            "副组长：李卫东 副市长\n成  员：王小明（市卫健委主任）、赵立新（市财政局局长）\n")
    assert officials(text) == {
        "张建国": ["组长", "市委副书记", "市长"], "李卫东": ["副组长", "副市长"],
        "王小明": ["成员", "市卫健委主任"], "赵立新": ["成员", "市财政局局长"]}


def test_appointment_gives_the_post():
    got = officials("经研究，决定：张建国同志任市卫生健康委员会主任；免去李卫东同志的市财政局局长职务。")
    assert got["张建国"] == ["市卫生健康委员会主任"]


def test_roster_names_padded_with_spaces():
    text = "关于成立领导小组的通知\n组  长：王  毅  市长\n副组长：李卫东（副市长）、张  军\n"
    assert officials(text) == {"王毅": ["组长", "市长"], "李卫东": ["副组长", "副市长"], "张军": ["副组长"]}


def test_models_not_loaded_for_a_page_without_name_cues():
    # issue 6: rules decide where the model reads; a page with no post, meeting verb or 同志
    # leaves nothing for NER (the windows are empty)
    from policyextract.extract.people import ner_windows

    assert ner_windows("关于做好春季开学工作的通知\n各学校：\n请做好开学准备。\n") == []
    assert [w for _, w in ner_windows("会议指出，要加强领导。国务院副总理孙春兰出席会议。")] == ["国务院副总理孙春兰出席会议"]
