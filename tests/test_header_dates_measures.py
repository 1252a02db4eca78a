"""Rules on notice shapes the seeds do not show, written as real notices are (GB/T 9704 layout)."""
from __future__ import annotations

import pytest

import policyextract

NOTICE = """国务院办公厅关于进一步做好稳就业工作的意见
国办发〔2021〕8号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
为贯彻落实党中央决策部署，经国务院同意，现提出以下意见。
一、拓宽就业渠道
（一）支持企业吸纳就业。对吸纳就业多的企业给予补贴。
1.落实减税政策。3月1日起执行。要抓紧落实。
2.扩大稳岗返还。
（二）鼓励创业带动就业。一是降低门槛。放宽市场准入。二是加大贷款支持。
二、强化组织保障
各地要按照《国务院关于做好当前和今后一个时期促进就业工作的若干意见》（国发〔2018〕39号）要求抓好落实。
附件：1.重点任务分工表
2.联系人名单
国务院办公厅
2021年4月20日
"""


@pytest.fixture(scope="module")
def notice():
    return policyextract.parse(NOTICE).documents[0]


def test_formal_title_keeps_its_issuer(notice):
    assert notice.title == "国务院办公厅关于进一步做好稳就业工作的意见"
    assert notice.doc_type == "意见"


def test_doc_number_line(notice):
    assert notice.doc_number == "国办发〔2021〕8号"


def test_separate_bodies_are_separate_recipients(notice):
    assert [r.name for r in notice.recipients] == ["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"]


def test_title_and_signature_issuer_reported_once(notice):
    assert [o.name for o in notice.issuers] == ["国务院办公厅"]


def test_issue_date_from_signature(notice):
    assert notice.issue_date == "2021-04-20"


def test_month_day_takes_year_from_doc_number(notice):
    march = [d for d in notice.dates if d.text == "3月1日"]
    assert [(d.value, d.inferred_year) for d in march] == [("2021-03-01", True)]


def test_measure_tree_levels(notice):
    top = notice.measures
    assert [(m.level, m.label, m.heading) for m in top] == [(1, "一、", "拓宽就业渠道"), (1, "二、", "强化组织保障")]
    sub = top[0].children
    assert [(m.level, m.heading) for m in sub] == [(2, "支持企业吸纳就业"), (2, "鼓励创业带动就业")]
    assert [(m.level, m.label) for m in sub[0].children] == [(3, "1."), (3, "2.")]
    assert [(m.level, m.label, m.heading) for m in sub[1].children] == [(3, "一是", "降低门槛"), (3, "二是", None)]


def test_attachment_list_is_not_a_measure(notice):
    labels = [c.label for m in notice.measures for c in m.children for c in c.children]
    assert labels.count("1.") == 1 and labels.count("2.") == 1


def test_reference_with_number(notice):
    assert [(r.title, r.doc_number) for r in notice.references] == [
        ("国务院关于做好当前和今后一个时期促进就业工作的若干意见", "国发〔2018〕39号")]


def test_chinese_numeral_issue_date():
    doc = policyextract.parse("关于开展安全检查的通知\n各单位：\n请按要求开展检查。\n某某市应急管理局\n二〇二〇年二月三日\n").documents[0]
    assert doc.issue_date == "2020-02-03"
    assert [o.name for o in doc.issuers] == ["某某市应急管理局"]


def test_web_headline_gives_issuer_and_drops_verb():
    doc = policyextract.parse("教育部印发关于做好春季开学工作的通知\n各省、自治区、直辖市教育厅（教委）：\n现就有关事项通知如下。\n").documents[0]
    assert doc.title == "关于做好春季开学工作的通知"
    assert [o.name for o in doc.issuers] == ["教育部"]


def test_lunar_new_year_gives_the_year():
    doc = policyextract.parse("战疫日记\n1月25日，农历正月初一。会议研究疫情防控。\n2月2日\n会议部署工作。\n").documents[0]
    assert [d.value for d in doc.dates] == ["2020-01-25", "2020-02-02"]


def test_unresolvable_month_day_is_not_reported():
    doc = policyextract.parse("工作简报\n7月31日召开全县工作会议，部署秋季工作。\n").documents[0]
    assert doc.dates == []


def test_date_range_gives_both_days():
    doc = policyextract.parse("工作总结\n2019年，我局扎实推进工作。9月19-20日组织义诊。\n").documents[0]
    assert [d.value for d in doc.dates] == ["2019-09-19", "2019-09-20"]


@pytest.mark.parametrize("text", ["统一是基础。", "全区1.5亿元投入。", "增长3、4倍"])
def test_no_false_labels_mid_sentence(text):
    doc = policyextract.parse("工作简报\n" + text + "\n").documents[0]
    assert doc.measures == []


GOVCN = """首页 > 政策 > 国务院政策文件库
索引号：000014349/2020-00016  主题分类：卫生、体育\\卫生
发文机关：国务院办公厅  成文日期：2020年02月03日
标题：国务院办公厅关于组织做好疫情防控重点物资生产企业复工复产的通知
发文字号：国办发明电〔2020〕6号  发布日期：2020年02月07日
【字体：大 中 小】打印
国务院办公厅关于组织做好疫情防控重点物资生产企业复工复产的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院同意，现就有关事项通知如下：
一、加强复工复产的组织协调
各地区要切实履行属地责任。
二、保障原材料供应
各地区要统筹协调。
国务院办公厅
2020年2月3日
（此件公开发布）
"""


@pytest.fixture(scope="module")
def govcn():
    return policyextract.parse(GOVCN).documents[0]


def test_info_table_gives_doc_number(govcn):
    assert govcn.doc_number == "国办发明电〔2020〕6号"


def test_info_table_and_signature_agree_on_issuer_and_date(govcn):
    assert [o.name for o in govcn.issuers] == ["国务院办公厅"]
    assert govcn.issue_date == "2020-02-03"


def test_title_found_after_site_chrome(govcn):
    assert govcn.title == "国务院办公厅关于组织做好疫情防控重点物资生产企业复工复产的通知"
    assert [m.label for m in govcn.measures] == ["一、", "二、"]


def test_info_table_dates_are_not_document_dates(govcn):
    assert [d.value for d in govcn.dates] == ["2020-02-03"]


def test_red_header_gives_issuer_and_number_above_the_title():
    page = "国家卫生健康委员会文件\n国卫医发〔2020〕3号\n关于做好新型冠状病毒肺炎医疗救治工作的通知\n各省、自治区、直辖市卫生健康委：\n请做好救治工作。\n国家卫生健康委\n2020年2月3日\n"
    doc = policyextract.parse(page).documents[0]
    assert doc.doc_number == "国卫医发〔2020〕3号"
    assert [o.name for o in doc.issuers] == ["国家卫生健康委员会"]  # 国家卫生健康委 (signature) is its short form


def test_joint_signature_on_one_line_with_date():
    page = "关于做好春季学期开学工作的通知\n各省、自治区、直辖市教育厅：\n请做好开学工作。\n教育部  国家卫生健康委  2020年4月8日\n"
    doc = policyextract.parse(page).documents[0]
    assert [o.name for o in doc.issuers] == ["教育部", "国家卫生健康委"]
    assert doc.issue_date == "2020-04-08"


def test_publish_time_above_a_readout_gives_the_year():
    page = "李克强主持召开国务院常务会议\n发布时间：2021-03-05 18:00 来源：新华社\n新华社北京3月5日电 国务院总理李克强主持召开国务院常务会议。\n"
    doc = policyextract.parse(page).documents[0]
    assert [(d.value, d.inferred_year) for d in doc.dates] == [("2021-03-05", True)]


def test_joint_headline_issuers_and_inner_title():
    page = "中共中央办公厅 国务院办公厅印发《关于解决形式主义突出问题为基层减负的通知》\n近日，中共中央办公厅、国务院办公厅印发了该通知。\n"
    doc = policyextract.parse(page).documents[0]
    assert doc.title == "关于解决形式主义突出问题为基层减负的通知"
    assert doc.doc_type == "通知"
    assert [o.name for o in doc.issuers] == ["中共中央办公厅", "国务院办公厅"]


def test_provincial_recipients_split_at_the_comma_only():
    page = "关于做好当前疫情防控工作的通知\n各市、县（市、区）人民政府，省政府各部门：\n请认真贯彻执行。\n"
    doc = policyextract.parse(page).documents[0]
    assert [r.name for r in doc.recipients] == ["各市、县(市、区)人民政府", "省政府各部门"]


def test_signature_found_before_a_printed_attachment():
    page = ("关于印发防控方案的通知\n各区人民政府：\n现将《防控方案》印发给你们，请认真执行。\n"
            "某市卫生健康委员会\n2020年3月2日\n附件\n某市防控方案\n一、总体要求\n做好防控。\n二、主要措施\n落实措施。\n")
    doc = policyextract.parse(page).documents[0]
    assert [o.name for o in doc.issuers] == ["某市卫生健康委员会"]
    assert doc.issue_date == "2020-03-02"
    assert [(m.label, m.heading) for m in doc.measures] == [("一、", "总体要求"), ("二、", "主要措施")]


def test_announcement_number_on_its_own_line():
    page = ("武汉市新型冠状病毒感染的肺炎疫情防控指挥部通告\n（第1号）\n现将有关事项通告如下：\n"
            "一、自2020年1月23日10时起，全市城市公交暂停运营。\n二、无特殊原因，市民不要离开武汉。\n"
            "武汉市新型冠状病毒感染的肺炎疫情防控指挥部\n2020年1月23日\n")
    doc = policyextract.parse(page).documents[0]
    assert (doc.doc_type, doc.doc_number, doc.issue_date) == ("通告", "第1号", "2020-01-23")


def test_numbers_cited_in_the_body_are_not_the_doc_number():
    page = "关于做好防控工作的通知\n各区：\n按照第5号通告要求，落实《关于加强防控的通知》（鄂政办发〔2020〕3号）。\n"
    doc = policyextract.parse(page).documents[0]
    assert doc.doc_number is None
    assert [r.doc_number for r in doc.references] == ["鄂政办发〔2020〕3号"]


@pytest.mark.parametrize("stamp", [
    "信息来源：市应急管理局  发布时间：2024-05-20  浏览次数：123",
    "时间：2024-05-20 来源：市政府办公室",
    "2024年05月20日 10:30 来源：人民网",
    "【发布时间：2024-05-20】【来源：本站】",
    "人民网－人民日报 2024年05月20日",
    "《人民日报》（2024年05月20日 第01版）",
])
def test_publish_stamps_are_not_document_dates(stamp):
    page = f"关于做好防汛工作的通知\n{stamp}\n各乡镇：\n请于6月1日前完成排查。\n"
    assert [d.value for d in policyextract.parse(page).documents[0].dates] == ["2024-06-01"]


@pytest.mark.parametrize("line", ["时间：2024年5月28日上午9:00", "会议时间：2024年5月28日 9:30", "据人民日报2024年5月28日报道，会议召开。",
                                  "时间：2024年5月28日 9:00"])
def test_dates_written_in_the_text_stay(line):
    page = f"关于召开防汛工作会议的通知\n各乡镇：\n定于下月召开会议。\n一、会议安排\n{line}\n"
    assert [d.value for d in policyextract.parse(page).documents[0].dates] == ["2024-05-28"]


@pytest.mark.parametrize("text,values", [
    ("2024年，会议定于5月20日至22日召开。", ["2024-05-20", "2024-05-22"]),
    ("2024年9月19日—20日举办。", ["2024-09-19", "2024-09-20"]),
    ("二〇二四年五月二十日至二十二日", ["2024-05-20", "2024-05-22"]),
    ("2024年，活动于5月20日至6月3日举办。", ["2024-05-20", "2024-06-03"]),
    ("2020年1月20日-2月5日", ["2020-01-20", "2020-02-05"]),
    ("2024年，会议于5月20日、21日和22日召开。", ["2024-05-20", "2024-05-21", "2024-05-22"]),
    ("自2024年5月1日起30日内报送。", ["2024-05-01"]),
])
def test_both_ends_of_a_date_range(text, values):
    doc = policyextract.parse("工作简报\n" + text + "\n").documents[0]
    assert [d.value for d in doc.dates] == values
    res = policyextract.parse("工作简报\n" + text + "\n")
    assert all(res.text[slice(*d.span)] == d.source for d in res.documents[0].dates)


def test_yuanyue_is_january():
    doc = policyextract.parse("2020年工作总结\n2020年元月5日，召开动员会。元月8日，再次召开。\n").documents[0]
    assert [(d.value, d.source) for d in doc.dates] == [("2020-01-05", "2020年元月5日"), ("2020-01-08", "元月8日")]


@pytest.mark.parametrize("signed", ["二0二四年五月二十日", "二O二四年五月二十日", "二零二四年五月二十日", "某某市应急管理局  二0二四年五月二十日"])
def test_chinese_numeral_year_typed_with_a_latin_zero(signed):
    page = "关于开展安全检查的通知\n各单位：\n请按要求开展检查。\n" + ("" if "局" in signed else "某某市应急管理局\n") + signed + "\n"
    doc = policyextract.parse(page).documents[0]
    assert (doc.issue_date, [o.name for o in doc.issuers]) == ("2024-05-20", ["某某市应急管理局"])


@pytest.mark.parametrize("text,value", [
    ("去年7月20日，我县遭遇特大暴雨。", "2023-07-20"),
    ("今年5月1日起进入汛期。", "2024-05-01"),
    ("明年1月1日起施行新规。", "2025-01-01"),
    ("2022年6月，我县开展排查。同年8月3日再次降雨。", "2022-08-03"),
])
def test_relative_years_count_from_the_year_of_writing(text, value):
    page = f"关于做好防汛工作的通知\n各乡镇：\n{text}\n某某县人民政府\n2024年4月20日\n"
    dates = [d.value for d in policyextract.parse(page).documents[0].dates]
    assert dates == [value, "2024-04-20"]


@pytest.mark.parametrize("cited,number", [("（鄂政办发[2020]3号）", "鄂政办发[2020]3号"), ("（鄂政发【2020】5号）", "鄂政发【2020】5号"),
                                          ("（国发〔2018〕39号）", "国发〔2018〕39号")])
def test_reference_numbers_in_any_bracket(cited, number):
    doc = policyextract.parse(f"关于做好防控工作的通知\n各区：\n按照《关于加强防控的通知》{cited}要求。\n").documents[0]
    assert [(r.title, r.doc_number) for r in doc.references] == [("关于加强防控的通知", number)]


def test_dateline_year_carries_to_the_next_month_day():
    page = ("习近平主持召开中央全面深化改革委员会第五次会议\n2024-06-11 19:52:35 来源：新华网\n"
            "新华社北京6月11日电 习近平6月11日下午主持召开中央全面深化改革委员会第五次会议。\n"
            "会议强调，要抓好改革任务落实。2023年以来，改革取得新进展。\n")
    doc = policyextract.parse(page).documents[0]
    assert [d.value for d in doc.dates] == ["2024-06-11", "2024-06-11"]
