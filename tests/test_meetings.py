"""Meetings (issue 4): date, name, chair, attendees — on the seed pages and sentences from them."""
from __future__ import annotations

import pytest

import policyextract
from policyextract import resources
from policyextract.extract import meetings as mt
from tests.conftest import SEEDS, parsed, seed_name


def page_meetings(prefix: str):
    return [m for d in parsed(seed_name(prefix)).documents for m in d.meetings]


def find(prefix: str, date, chair):
    got = [m for m in page_meetings(prefix) if m.date == date and m.chair == chair]
    assert len(got) == 1, [(m.date, m.chair) for m in page_meetings(prefix)]
    return got[0]


def text_meetings(text: str):
    return [m for d in policyextract.parse(text).documents for m in d.meetings]


# --------------------------------------------------------------------------- data file

def test_meeting_patterns_well_formed():
    rows = resources.data_rows("meeting_patterns.txt")
    kinds = {"noun", "convene", "attend", "future", "after"}
    assert rows and all(r[0] in kinds and r[1] for r in rows)
    assert len({tuple(r[:2]) for r in rows}) == len(rows)
    p = mt.patterns()
    for noun in ("会议", "常务会议", "专题会", "电视电话会", "现场办公会"):
        assert noun in p.nouns
    assert p.attend["列席"] == "列席" and p.attend["视频连线"] == "视频连线"


# --------------------------------------------------------------------------- convened meetings

def test_dated_meetings_without_chair_001():
    # "习近平总书记在1月25日和2月3日两次中央政治局常委会会议上…": two meetings, nobody chairs
    got = sorted((m.date, m.chair) for m in page_meetings("001"))
    assert got == [("2020-01-25", None), ("2020-02-03", None)]


def test_organ_convenes_then_person_chairs_is_one_meeting_002():
    # 2月3日: headline "中共中央政事局常务委员会召开会议", "中共中央总布告习近平专揽会议", and the body
    m = find("002", "2020-02-03", "习近平")
    assert m.attendees == []
    assert [x.date for x in page_meetings("002")].count("2020-02-03") == 1


def test_chair_and_attendees_spun_002():
    m = find("002", "2020-02-02", "李克强")
    assert m.name.endswith("领导小组会议")
    roles = {a.name: a.role for a in m.attendees}
    assert roles["王沪宁"] == "出席"
    assert {n for n, r in roles.items() if r == "参加"} == {"丁薛祥", "黄坤明", "蔡奇", "王毅", "肖捷", "赵克志"}


def test_headline_and_editor_note_and_recall_deduplicated_002():
    # 1月25日 is told in the 编者按, in its own entry and recalled in the 1月26日 entry
    m = find("002", "2020-01-25", "习近平")
    assert m.attendees == []
    # the recall in the 1月26日 entry does not steal that entry's attendees
    assert "孙春兰" in {a.name for a in find("002", "2020-01-26", "李克强").attendees}


def test_pronoun_chair_and_attendees_of_activities_with_a_meeting_002():
    # 1月27日: "…李克强赴武汉检会…随后,他召开疫情防控服务会议…孙春兰、何立峰参加上述行径。"
    m = find("002", "2020-01-27", "李克强")
    assert {a.name for a in m.attendees} == {"孙春兰", "何立峰"}


def test_group_convenes_onsite_office_meeting_without_chair_002():
    # 1月29日: "指导组先后到…,并召开现场办公会" — an organ convenes it, nobody chairs
    m = find("002", "2020-01-29", None)
    assert m.name == "现场办公会"


def test_organ_meeting_without_year_003():
    # "7月31日国务院联防联控机制在京召开电视电话会,…孙春兰在会上强调" — no year on that page;
    # speaking at a meeting is not attending it
    (m,) = page_meetings("003")
    assert (m.date, m.chair, m.attendees) == (None, None, [])
    assert m.source == "召开电视电话会"


def test_video_link_role_traditional_004():
    m = find("004", "2020-02-24", "李克强")
    roles = {a.name: a.role for a in m.attendees}
    assert roles["孙春兰"] == "视频连线" and roles["肖洁"] == "参加" and roles["王沪宁"] == "出席"
    res = parsed(seed_name("004"))
    assert all(res.text[a.span[0]:a.span[1]] == a.source for a in m.attendees)


def test_one_record_per_date_and_chair_004():
    got = [(m.date, m.chair) for m in page_meetings("004")]
    assert len(got) == len(set(got)) == 20


@pytest.mark.parametrize("text,expected", [
    ("2020年2月10日,省委书记、省人大常委会主任张建国主持召开省委常委会会议。省委副书记、省长李卫东出席。",
     ("2020-02-10", "张建国", "省委常委会会议", {"李卫东": "出席"})),
    ("2020年4月1日,全省疫情防控工作电视电话会议在武汉召开。省委书记应勇出席并讲话,省长王晓东主持。",
     ("2020-04-01", "王晓东", "全省疫情防控工作电视电话会议", {"应勇": "出席"})),
    ("2020年3月5日,市委书记王五山主持召开全市疫情防控工作会议,市领导赵六海、钱七军参加会议。",
     ("2020-03-05", "王五山", "全市疫情防控工作会议", {"赵六海": "参加", "钱七军": "参加"})),
    ("2022年6月1日,县委书记刘志强主持召开县委常委会会议,县委副书记杨林通过视频连线参加会议,县长陈红梅列席。",
     ("2022-06-01", "刘志强", "县委常委会会议", {"杨林": "视频连线", "陈红梅": "列席"})),
])
def test_held_out_style_readouts(text, expected):
    (m,) = text_meetings(text)
    assert (m.date, m.chair, m.name, {a.name: a.role for a in m.attendees}) == expected


# --------------------------------------------------------------------------- negatives

def test_inspections_are_not_meetings_002():
    # 1月30日 and 2月1日: 李克强赴…检会 (考察), "肖捷、何立峰参加上述行径" — no meeting that day
    dates = {m.date for m in page_meetings("002")}
    assert "2020-01-30" not in dates and "2020-02-01" not in dates and "2020-01-28" not in dates


@pytest.mark.parametrize("text", [
    "2020年3月2日,习近平在北京考察新冠肺炎防控科研攻关工作。李克强、王沪宁陪同考察。",
    "2022年7月8日,区卫健局局长黄海涛带队检查医院疫情防控工作。",
    "2020年2月3日,此次疫情发生以来,中央政治局常委会两次召开会议进行专题研究。",
    "2020年1月26日,会议要求贯彻习近平总书记重要讲话和中央政治局常委会会议精神。",
    "2020年1月29日,会议要求,国务院联防联控机制要完善每日例会制度,各地要召开专题会议研究部署。",
])
def test_not_meetings(text):
    assert text_meetings(text) == []


def test_undated_unchaired_generic_statement_is_not_a_meeting_003():
    # "局党组召开专题会议,对年度意识形态工作进行了安排部署" and "召开4次中心组学习会"
    names = [m.name for m in page_meetings("003")]
    assert not any("专题会议" in (n or "") or "学习会" in (n or "") for n in names)


@pytest.mark.parametrize("text", [
    "请各地于2月10日前召开专题会议研究部署，并将会议纪要报送省卫健委。",
    "2014年1月23日,李克强在会议讲话中指出,我们广泛征求意见,召开各方面座谈会,认真修改政府工作报告。",
])
def test_requests_and_reported_speech_are_not_meetings(text):
    assert [m.name for m in text_meetings(text) if "座谈会" in (m.name or "") or "专题会议" in (m.name or "")] == []


def test_chaired_by_after_the_meeting():
    (m,) = text_meetings("2020年3月1日,县疫情防控指挥部召开第十次会议,县委副书记、县长陈小平主持会议,副县长林海、刘明参加会议。")
    assert (m.date, m.chair, m.name) == ("2020-03-01", "陈小平", "县疫情防控指挥部第十次会议")
    assert {a.name for a in m.attendees} == {"林海", "刘明"}


def test_passive_meeting_chaired_by_later_sentence():
    text = ("2020年3月4日，全市疫情防控工作会议召开。会议由市委副书记、市长张三丰主持，"
            "市委书记李四海出席会议并讲话。")
    (m,) = text_meetings(text)
    assert (m.date, m.chair, m.name) == ("2020-03-04", "张三丰", "全市疫情防控工作会议")
    assert [(a.name, a.role) for a in m.attendees] == [("李四海", "出席")]


def test_time_word_makes_an_undated_organ_meeting_an_event():
    # unlike 003's "局党组召开专题会议" (a standing practice), "近日" reports one meeting
    (m,) = text_meetings("近日，省卫健委召开党组会议，传达学习习近平总书记重要讲话精神。")
    assert (m.date, m.chair, m.name) == (None, None, "党组会议")


def test_decorated_diary_headings_date_their_entries():
    text = ("2020年战疫日记\n2月3日 星期一\n李克强主持召开领导小组会议\n"
            "  中共中央政治局常委、国务院总理李克强主持召开领导小组会议。王沪宁出席。\n"
            "【2月2日】\n孙春兰察看火神山医院\n  国务院副总理孙春兰察看火神山医院。刘鹤参加上述活动。\n")
    got = [(m.date, m.chair, [a.name for a in m.attendees]) for m in text_meetings(text)]
    assert got == [("2020-02-03", "李克强", ["王沪宁"])]


def test_undated_headline_merges_with_its_dated_body():
    # bug caught: a readout's headline (no date yet) and its body were two meetings
    page = ("李克强主持召开国务院常务会议 部署进一步做好稳就业工作\n2020-03-18 20:15 来源： 新华社\n"
            "新华社北京3月17日电 国务院总理李克强3月17日主持召开国务院常务会议，部署进一步做好稳就业工作。\n"
            "国务院副总理韩正、孙春兰出席会议。\n")
    doc = policyextract.parse(page).documents[0]
    assert [(m.date, m.chair, [a.name for a in m.attendees]) for m in doc.meetings] == [
        ("2020-03-17", "李克强", ["韩正", "孙春兰"])]
