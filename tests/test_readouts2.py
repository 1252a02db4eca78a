"""Meetings and dates on the third-round blind probes (fixtures/blind/readouts2, notices2): a meeting
given only as a labelled block, attendee lists under "出席会议的有：", names ending in 杰 before 出席
on a spun page, talks (会谈) that are no meeting, bare days continuing the narrative's month, a
later target year that does not move the year of writing, and a date followed by a clock hour."""
from __future__ import annotations


import pytest

import policyextract
from conftest import parse_fixture
from policyextract import resources
from policyextract.normalize import spinner_map



def page(name: str):
    kind = "readouts2" if name.startswith("k") else "notices2"
    return parse_fixture(f"blind/{kind}/{name}_*.txt")


def meetings(name: str):
    return [m for d in page(name).documents for m in d.meetings]


def dates(name: str):
    return {x.value for d in page(name).documents for x in d.dates}


def attendees(m):
    return {(a.name, a.role) for a in m.attendees}


# --------------------------------------------------------------------------- labelled block (k04)

def test_labelled_block_is_a_meeting_of_its_own():
    # "会议时间：3月27日上午 / 主 持 人：孙伟（县长）" with no 主持召开 sentence
    got = [(m.date, m.chair) for m in meetings("k04")]
    assert ("2024-03-27", "孙伟") in got


def test_labelled_block_lists_go_to_its_meeting():
    m = next(m for m in meetings("k04") if m.date == "2024-03-27")
    assert attendees(m) == {("李春燕", "出席"), ("王志刚", "出席"), ("赵宏伟", "出席"),
                            ("刘淑华", "列席"), ("陈立军", "列席"), ("周晓东", "列席")}


def test_labelled_block_lists_stay_off_the_meeting_before():
    m = next(m for m in meetings("k04") if m.date == "2024-03-14")
    assert {a.name for a in m.attendees} == {"王志刚", "赵宏伟", "张海涛"}


LABELLED_AFTER_READOUT = """县政府常务会议

　　3月14日，县委常委、常务副县长李春燕主持召开县政府第二十二次常务会议。副县长王志刚出席会议，县纪委监委派驻县政府办公室纪检监察组组长张海涛列席会议。

会议时间：3月27日上午
主 持 人：孙伟（县长）
列席人员：县人大常委会副主任刘淑华，县财政局局长周晓东

　　会议听取了县财政局关于2024年一季度财政收支情况的汇报。
"""


def test_labelled_block_after_a_readout_in_one_document():
    # the same layout when the page is not split: the block opens a second meeting
    ms = [m for d in policyextract.parse(LABELLED_AFTER_READOUT).documents for m in d.meetings]
    got = {(m.date, m.chair): {a.name for a in m.attendees} for m in ms}
    assert got == {("2024-03-14", "李春燕"): {"王志刚", "张海涛"},
                   ("2024-03-27", "孙伟"): {"刘淑华", "周晓东"}}


# --------------------------------------------------------------------------- attendee lists

def test_attendee_list_below_its_cue():
    # "出席会议的有：<br>省应急管理厅厅长马国庆，<br>省气象局副局长周敏，<br>…韩志勇。"
    (m,) = meetings("k05")
    assert {("马国庆", "出席"), ("周敏", "出席"), ("韩志勇", "出席")} <= attendees(m)


@pytest.mark.parametrize("ner", [True, False])
def test_bare_names_after_chuxi_huiyi_de_you(ner):
    text = ("12月3日，副省长王建军主持召开全省森林草原防灭火工作视频调度会。\n\n"
            "出席会议的有：马国庆、周敏、韩志勇。\n")
    (m,) = [m for d in policyextract.parse(text, ner=ner).documents for m in d.meetings]
    assert attendees(m) == {("马国庆", "出席"), ("周敏", "出席"), ("韩志勇", "出席")}


def test_video_link_speakers_keep_their_role():
    (m,) = meetings("k05")
    assert {("刘海波", "视频连线"), ("张丽", "视频连线")} <= attendees(m)


def test_name_ending_in_jie_before_chuxi_on_a_spun_page():
    # 杰出 is the spinner's form of 特别; "韩少杰出席会议" must keep 韩少杰 and the whole list
    (m,) = meetings("k06")
    assert {a.name for a in m.attendees} == {"盛立和", "杜宏伟", "郝丽君", "贾文斌", "牛建国", "韩少杰"}


@pytest.mark.parametrize("ner", [True, False])
def test_name_ending_in_jie_before_chuxi(ner):
    text = "3月21日，县委副书记、县长孙伟主持召开专题会议。副县长李春燕、韩少杰出席会议，县政协副主席陈立杰列席会议。"
    (m,) = [m for d in policyextract.parse(text, ner=ner).documents for m in d.meetings]
    assert attendees(m) == {("李春燕", "出席"), ("韩少杰", "出席"), ("陈立杰", "列席")}


def test_spinner_keeps_jie_chuxi():
    table = {r.spun: r.original for r in spinner_map()}
    assert table["杰出席"] == "杰出席" and table["杰出"] == "特别"


# --------------------------------------------------------------------------- no meeting

def test_work_talks_are_no_meeting():
    # "…与陈国栋一行举行工作会谈": 会谈 is no 工作会
    assert meetings("k01") == []


def test_talks_and_visits_glue_to_hui():
    after = {r[1] for r in resources.data_rows("meeting_patterns.txt") if r[0] == "after"}
    assert {"谈", "见"} <= after


def test_banner_date_is_not_reported():
    # "今天是：2025年10月15日 星期三" is the site's banner
    assert dates("k01") == {"2025-10-14", "2025-09-28"}


# --------------------------------------------------------------------------- dates and years

def test_bare_day_continues_the_narrative_month():
    # "6日下午，马立军在酒泉主持召开座谈会" after "今年6月18日开工…2025年6月30日前": November
    (m,) = meetings("k02")
    assert (m.date, m.chair) == ("2024-11-06", "马立军")


def test_target_year_after_does_not_move_the_publish_year():
    # published 2024-11-07; "计划于2025年6月30日前全容量并网" later in the story
    assert {"2024-11-05", "2024-11-06", "2024-06-18", "2025-06-30"} == dates("k02")


def test_deadline_keeps_the_year_of_writing():
    # issued 2024-08-26; the year before is a 2025 benefit period: "于9月15日前" is 2024
    got = dates("p5")
    assert "2024-09-15" in got and "2025-09-15" not in got


def test_year_stated_in_the_same_sentence_still_counts():
    text = ("关于做好2025年春节期间有关工作的通知\n\n各部门：\n\n2025年春节放假时间为1月28日至2月4日。\n\n"
            "各部门要于1月20日前报送值班表。\n\n县人民政府办公室\n2024年12月20日\n")
    got = {x.value for d in policyextract.parse(text).documents for x in d.dates}
    assert {"2025-01-28", "2025-02-04", "2025-01-20"} <= got


def test_date_followed_by_a_clock_hour():
    # "10月26日22时至10月27日9时", "10月27日7时至13时30分"
    assert {"2024-10-26", "2024-10-27"} <= dates("p6")


MID_PARAGRAPH_DAY = """马立军在张掖酒泉调研

发布日期：2024-11-07 09:26　信息来源：甘肃日报

　　11月5日，省长马立军在张掖市调研。该项目于今年6月18日开工建设，计划于2025年6月30日前全容量并网。6日下午，马立军在酒泉主持召开座谈会。副省长刘建华参加座谈会。
"""


def test_bare_day_after_a_sentence_end_in_the_paragraph():
    # "…并网。6日下午，…主持召开座谈会": the day opens a sentence inside the paragraph
    ms = [m for d in policyextract.parse(MID_PARAGRAPH_DAY).documents for m in d.meetings]
    assert [(m.date, m.chair) for m in ms] == [("2024-11-06", "马立军")]


SPACED_LABELS = """县政府第五次常务会议纪要

时　　间：2024年3月27日上午9:00
地　　点：县政府三楼会议室
主　　持：孙伟
列　　席：县财政局局长周晓东

　　会议听取了县财政局关于2024年一季度财政收支情况的汇报。
"""


@pytest.mark.parametrize("ner", [True, False])
def test_spaced_out_attendance_label(ner):
    # "列　　席：" spaced to the width of the other labels
    (m,) = [m for d in policyextract.parse(SPACED_LABELS, ner=ner).documents for m in d.meetings]
    assert (m.date, m.chair, attendees(m)) == ("2024-03-27", "孙伟", {("周晓东", "列席")})


RULE_BETWEEN_DAYS = """市政府召开全市安全生产工作会议

发布时间：2024-06-12 18:20　来源：市政府办公室

　　6月12日上午，市长王强主持召开全市安全生产工作会议。

　　会议要求，各地要在6月30日前完成隐患排查。7月1日起，全市开展为期三个月的专项整治。

　　13日下午，王强又主持召开专题会议，研究防汛工作。副市长李明出席会议。
"""


def test_bare_day_skips_a_rule_start_between():
    # "7月1日起，…" opens a sentence but dates a rule, not the story: "13日下午" is June 13
    ms = [m for d in policyextract.parse(RULE_BETWEEN_DAYS).documents for m in d.meetings]
    assert sorted((m.date, m.chair) for m in ms) == [("2024-06-12", "王强"), ("2024-06-13", "王强")]


@pytest.mark.parametrize("ner", [True, False])
def test_bare_names_on_the_lines_below_the_cue(ner):
    text = ("12月3日，副省长王建军主持召开全省森林草原防灭火工作视频调度会。\n\n出席会议的有：\n马国庆、周敏，\n韩志勇。\n\n"
            "会议以视频形式召开到县。\n")
    (m,) = [m for d in policyextract.parse(text, ner=ner).documents for m in d.meetings]
    assert attendees(m) == {("马国庆", "出席"), ("周敏", "出席"), ("韩志勇", "出席")}


def test_next_year_after_a_range_start():
    # "12月1日至次年5月31日": 次年 is the year after the date before
    text = ("全省森林草原防灭火工作视频调度会召开\n\n发布时间：2025-12-04 17:36\n\n"
            "12月3日，副省长王建军主持召开全省森林草原防灭火工作视频调度会。会议明确，全省森林草原防火期为12月1日至次年5月31日。\n")
    got = {x.value for d in policyextract.parse(text).documents for x in d.dates}
    assert got == {"2025-12-03", "2025-12-01", "2026-05-31"}


def test_meeting_heard_about_is_held_on_its_date():
    # "会议听取了7月8日省防汛抗旱指挥部防汛会商会有关情况汇报": a meeting held on 7月8日 (blind dirty2 q5)
    text = ("7月9日，省委书记陈东方主持召开省委常委会会议。会议听取了7月8日省防汛抗旱指挥部防汛会商会有关情况汇报。"
            "会议还研究了其他事项。2024年7月9日\n")
    ms = [m for d in policyextract.parse(text).documents for m in d.meetings]
    assert sorted((m.date, m.chair) for m in ms) == [("2024-07-08", None), ("2024-07-09", "陈东方")]


@pytest.mark.parametrize("text", ["管制时间为2024年10月26日22:00至27日9:00。", "2024年10月26日22时至27日9时实施管制。"])
def test_range_end_day_after_a_clock_time(text):
    got = [x.value for d in policyextract.parse(text).documents for x in d.dates]
    assert got == ["2024-10-26", "2024-10-27"]


def test_clock_range_within_a_day_adds_no_day():
    # "8时至12时": hours, not a second day
    got = [x.value for d in policyextract.parse("2024年3月1日8时至12时停水。").documents for x in d.dates]
    assert got == ["2024-03-01"]
