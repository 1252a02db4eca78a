"""Gaps the blind probe sets (fixtures/blind/) showed, each fixed by a general rule; one behaviour
per test, on snippets written the way real notices, readouts and minutes print them."""
from __future__ import annotations

import pytest

import policyextract


def _doc(page):
    return policyextract.parse(page).documents[0]


# --- meetings: a dated meeting the text refers to was held on that date (blind notice n05) ---

@pytest.mark.parametrize("sentence,date,name", [
    ("按照5月10日全市防汛工作电视电话会议部署，经市政府同意，现将有关事项通知如下：",
     "2024-05-10", "全市防汛工作电视电话会议"),
    ("为贯彻落实3月2日省委常委会会议精神，现提出如下措施。", "2024-03-02", "省委常委会会议"),
    ("《某某市城市更新条例实施办法》已经2024年2月2日市政府第25次常务会议通过，现予公布。",
     "2024-02-02", "市政府第25次常务会议"),
])
def test_dated_meeting_referred_to_is_a_meeting(sentence, date, name):
    page = f"某某市人民政府办公厅关于做好有关工作的通知\n某政办字〔2024〕15号\n各区县人民政府：\n{sentence}\n"
    assert [(m.date, m.name, m.chair) for m in _doc(page).meetings] == [(date, name, None)]


@pytest.mark.parametrize("sentence", [
    "请各区县于5月10日前召开防汛工作会议，研究部署防汛工作。",  # a request: not held
    "按照5月10日前报送的要求，各区县要抓紧报送。",  # no meeting noun
])
def test_planned_or_nameless_meeting_is_not_one(sentence):
    page = f"某某市人民政府办公厅关于做好有关工作的通知\n某政办字〔2024〕15号\n各区县人民政府：\n{sentence}\n"
    assert _doc(page).meetings == []


# --- recipients: separate bodies after a place enumeration are separate recipients (n04) ---

@pytest.mark.parametrize("line,recipients", [
    ("各省、自治区、直辖市教育厅（教委）、财政厅（局），新疆生产建设兵团教育局、财政局，部属各高等学校：",
     ["各省、自治区、直辖市教育厅(教委)", "财政厅(局)", "新疆生产建设兵团教育局", "财政局", "部属各高等学校"]),
    ("各市、州、直管市、神农架林区人力资源和社会保障局、财政局：",
     ["各市、州、直管市、神农架林区人力资源和社会保障局", "财政局"]),
])
def test_places_enumerated_before_bodies_stay_with_the_first(line, recipients):
    page = f"关于做好2024年有关工作的通知\n{line}\n现就有关事项通知如下。\n"
    assert [r.name for r in _doc(page).recipients] == recipients


@pytest.mark.parametrize("line,recipients", [
    ("各设区市、县（市、区）人民政府，省政府各部门：", ["各设区市、县(市、区)人民政府", "省政府各部门"]),
    ("各省、自治区、直辖市及新疆生产建设兵团联防联控机制（领导小组、指挥部）：",
     ["各省、自治区、直辖市及新疆生产建设兵团联防联控机制(领导小组、指挥部)"]),
])
def test_one_body_named_for_several_places_is_one_recipient(line, recipients):
    page = f"关于做好2024年有关工作的通知\n{line}\n现就有关事项通知如下。\n"
    assert [r.name for r in _doc(page).recipients] == recipients


# --- dates: the turn of the year holds for an event reported after a later year was stated (r03) ---

READOUT_NEW_YEAR = ("市政府召开第五十八次常务会议\n发布时间：2026-01-04 16:30　来源：市政府办公室\n"
                    "12月30日，市长陈立平主持召开市政府第五十八次常务会议。\n"
                    "会议审议通过《城镇老旧小区改造实施方案》，明确自2026年2月1日起实施。\n"
                    "{line}\n")


def test_event_on_a_january_page_after_a_stated_new_year_is_last_december():
    doc = _doc(READOUT_NEW_YEAR.format(line="12月31日上午，常务副市长杨建华主持召开市级财政预算专题会。"))
    assert [d.value for d in doc.dates] == ["2025-12-30", "2026-02-01", "2025-12-31"]
    assert [(m.date, m.chair) for m in doc.meetings] == [("2025-12-30", "陈立平"), ("2025-12-31", "杨建华")]


def test_deadline_after_a_stated_new_year_stays_in_that_year():
    doc = _doc(READOUT_NEW_YEAR.format(line="会议要求，各区县要于12月31日前完成全部改造任务。"))
    assert [d.value for d in doc.dates] == ["2025-12-30", "2026-02-01", "2026-12-31"]


# --- minutes: the masthead and its number above a 关于 title (blind minutes m01) ---

MINUTES = ("平江市人民政府专题会议纪要\n〔2023〕第17号\n关于研究城区老旧小区改造和停车设施建设有关问题的会议纪要\n"
           "时间：5月12日下午\n主持：周建国（市长）\n"
           "5月12日下午，周建国市长主持召开专题会议，研究城区老旧小区改造有关问题。纪要如下：\n"
           "一、关于老旧小区改造。会议同意市住房城乡建设局提出的改造计划。\n"
           "平江市人民政府办公室\n2023年5月15日\n")


def test_minutes_masthead_yields_to_the_about_title_below():
    assert _doc(MINUTES).title == "关于研究城区老旧小区改造和停车设施建设有关问题的会议纪要"


def test_number_without_an_organ_code_on_its_own_line():
    assert _doc(MINUTES).doc_number == "〔2023〕第17号"


# --- a notice whose line breaks were lost (blind dirty d3) ---

COLLAPSED_TAIL = ("临沂市应急管理局关于开展2024年春季安全生产大检查的通知 临应急发〔2024〕15号 各县（市、区）应急管理局，市直有关部门："
                  " 为切实防范化解重大安全风险，现将有关事项通知如下： 一、工作要求 （一）加强组织领导。各单位要亲自部署。"
                  "（二）严格执法处罚。对发现的重大事故隐患，依法挂牌督办。（三）及时报送信息。各县（市、区）于每月25日前报送进展情况。"
                  " 联系人：安全生产基础科 王磊，电话：0539-8721345 附件：1.春季安全生产大检查重点内容 2.检查情况统计表"
                  " 临沂市应急管理局 2024年3月8日")


def _labels(measures):
    return [(m.level, m.label, [c.label for c in m.children]) for m in measures]


def test_item_opening_with_jishi_is_an_item():
    # （三）及时…: 及 after a label only joins labels when another label follows (（一）及（二）项)
    doc = _doc("关于做好有关工作的通知\n各区县人民政府：\n一、工作要求\n（一）加强组织领导。各单位要亲自部署。\n"
               "（二）严格执法处罚。依法挂牌督办。（三）及时报送信息。每月25日前报送。\n（四）目标任务。全年完成。\n")
    assert _labels(doc.measures) == [(1, "一、", ["(一)", "(二)", "(三)", "(四)"])]


def test_inline_attachment_list_is_no_measures():
    assert _labels(_doc(COLLAPSED_TAIL).measures) == [(1, "一、", ["(一)", "(二)", "(三)"])]


def test_signature_after_an_inline_attachment_list():
    doc = _doc(COLLAPSED_TAIL)
    assert (doc.issue_date, [o.name for o in doc.issuers]) == ("2024-03-08", ["临沂市应急管理局"])


# --- issuers: a series header under a web headline names the issuer in full (blind notice n03) ---

def test_series_header_under_a_headline_gives_the_full_issuer():
    page = ("关于蛋白核小球藻等3种“三新食品”的公告\n发布时间：2024-05-17　　来源：食品安全标准与监测评估司\n"
            "国家卫生健康委员会公告\n2024年第3号\n现将有关事项公告如下：\n一、批准蛋白核小球藻为新食品原料。\n"
            "二、本公告自2024年7月1日起施行。\n特此公告。\n国家卫生健康委\n2024年5月11日\n")
    res = policyextract.parse(page)
    doc = res.documents[0]
    assert (doc.doc_number, [o.name for o in doc.issuers]) == ("2024年第3号", ["国家卫生健康委员会"])
    assert [res.text[slice(*o.span)] for o in doc.issuers] == ["国家卫生健康委员会"]


# --- officials: a contact person is a named person of the document, with no title ---
# (gold of blind n04, p5, q2 — "every named real person"; d3's gold was brought in line)

@pytest.mark.parametrize("line,names", [
    ("联系人及电话：教育部全国学生资助管理中心　王磊　010-66097391；财政部科教和文化司　赵敏　010-68552715",
     ["王磊", "赵敏"]),
    ("联系人：安全生产基础科 王磊，电话：0539-8721345", ["王磊"]),
    ("（联系人：周立平，电话：0731-88903456）", ["周立平"]),
    ("联系人：县医疗保障局待遇保障股　赵丽娟", ["赵丽娟"]),
])
def test_contact_person_is_an_official_without_title(line, names):
    doc = _doc(f"关于做好2024年有关工作的通知\n各区县人民政府：\n一、做好有关工作。\n{line}\n")
    assert [(o.name, o.titles) for o in doc.officials] == [(n, []) for n in names]


@pytest.mark.parametrize("line", ["（联系人：陈xx，电话：0731-8788xxxx）", "联系人：办公室，电话：0731-88903456"])
def test_contact_placeholder_or_unit_is_no_official(line):
    assert _doc(f"关于做好2024年有关工作的通知\n各区县人民政府：\n一、做好有关工作。\n{line}\n").officials == []
