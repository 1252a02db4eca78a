"""Header fields on notice layouts as real pages print them: titles wrapped over lines, joint
issuers, signatures before a plan printed in full, footers (抄送/印发), news datelines."""
from __future__ import annotations

import pytest

import policyextract


def _doc(page):
    return policyextract.parse(page).documents[0]


WRAPPED = [
    ("关于印发《某某市2024年\n深化改革重点任务》\n的通知\n各区人民政府：\n现印发给你们。\n",
     "关于印发《某某市2024年深化改革重点任务》的通知", "通知", []),
    ("国务院办公厅关于\n进一步优化营商环境的意见\n各省、自治区、直辖市人民政府：\n现提出如下意见。\n",
     "国务院办公厅关于进一步优化营商环境的意见", "意见", ["国务院办公厅"]),
    ("国务院办公厅关于进一步优化支付服务提升支付便利性\n的意见\n国办发〔2024〕10号\n"
     "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n经国务院同意，现提出如下意见。\n国务院办公厅\n2024年3月1日\n",
     "国务院办公厅关于进一步优化支付服务提升支付便利性的意见", "意见", ["国务院办公厅"]),
    ("工业和信息化部 国家发展改革委 商务部关于印发\n《轻工业稳增长工作方案（2023—2024年）》的通知\n工信部联消费〔2023〕101号\n"
     "各省、自治区、直辖市及计划单列市工业和信息化主管部门：\n现将方案印发给你们，请认真贯彻落实。\n",
     "工业和信息化部 国家发展改革委 商务部关于印发《轻工业稳增长工作方案(2023—2024年)》的通知", "通知",
     ["工业和信息化部", "国家发展改革委", "商务部"]),
    ("市场监管总局关于开展2024年民生领域案件查办\n“铁拳”行动的通知\n国市监稽发〔2024〕23号\n"
     "各省、自治区、直辖市市场监管局：\n现将有关事项通知如下：\n一、行动目标\n市场监管总局\n2024年3月5日\n",
     "市场监管总局关于开展2024年民生领域案件查办“铁拳”行动的通知", "通知", ["市场监管总局"]),
]


@pytest.mark.parametrize("page,title,doc_type,issuers", WRAPPED)
def test_title_wrapped_onto_next_line_is_joined(page, title, doc_type, issuers):
    doc = _doc(page)
    assert (doc.title, doc.doc_type) == (title, doc_type)
    assert [o.name for o in doc.issuers] == issuers


def test_wrapped_title_span_covers_both_lines():
    res = policyextract.parse(next(w[0] for w in WRAPPED if w[1].endswith("支付便利性的意见")))
    a, b = res.documents[0].title_span
    assert res.text[a:b] == "国务院办公厅关于进一步优化支付服务提升支付便利性\n的意见"


@pytest.mark.parametrize("page", [
    "关于做好春季防火工作的通知\n各乡镇人民政府：\n请做好防火工作。\n某某县人民政府\n2024年3月1日\n",
    "关于做好防汛工作的通知\n（一）工作方案\n做好防汛。\n",
    "国家税务总局公告\n2024年第3号\n现将有关事项公告如下：\n一、本公告自2024年3月1日起施行。\n",
])
def test_a_whole_title_line_is_not_joined_with_the_next(page):
    assert "\n" not in policyextract.parse(page).text[slice(*_doc(page).title_span)]


def test_central_committee_and_state_council_are_two_issuers():
    page = ("中共中央 国务院关于表彰全国脱贫攻坚先进个人和先进集体的决定\n（2021年2月25日）\n"
            "各省、自治区、直辖市党委和人民政府，中央和国家机关各部委：\n党的十八大以来，全党全国各族人民共同努力。\n"
            "中共中央\n国务院\n2021年2月25日\n")
    doc = _doc(page)
    assert [o.name for o in doc.issuers] == ["中共中央", "国务院"]
    assert doc.issue_date == "2021-02-25"


GOVCN_NO_ATTACHMENT_HEAD = """国务院办公厅关于印发新污染物治理行动方案的通知_国务院部门文件_中国政府网
首页 > 政策 > 国务院政策文件库 > 国务院文件
发文机关：国务院办公厅	成文日期：2022年05月04日
国务院办公厅关于印发新污染物治理行动方案的通知
国办发〔2022〕15号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
《新污染物治理行动方案》已经国务院同意，现印发给你们，请认真贯彻执行。
国务院办公厅
2022年5月4日
（此件公开发布）
新污染物治理行动方案
一、总体要求
（一）指导思想。以习近平新时代中国特色社会主义思想为指导。
二、行动举措
（一）完善法规制度。2023年年底前完成。
"""

WITHOUT_TABLE = "\n".join(ln for ln in GOVCN_NO_ATTACHMENT_HEAD.splitlines() if "发文机关" not in ln) + "\n"


@pytest.mark.parametrize("page", [GOVCN_NO_ATTACHMENT_HEAD, WITHOUT_TABLE])
def test_signature_above_a_plan_printed_without_attachment_head(page):
    doc = _doc(page)
    assert [o.name for o in doc.issuers] == ["国务院办公厅"]
    assert doc.issue_date == "2022-05-04"
    assert doc.recipients[0].name == "各省、自治区、直辖市人民政府"


def test_signature_organ_also_in_the_printing_footer():
    page = ("关于做好2024年普通高校毕业生就业创业工作的通知\n教就业〔2023〕4号\n各省、自治区、直辖市教育厅（教委）：\n"
            "现就做好2024届高校毕业生就业创业工作通知如下。\n一、拓展就业渠道\n各地要在2024年6月30日前完成。\n"
            "教育部\n2023年11月28日\n抄送：人力资源社会保障部\n教育部办公厅　2023年12月1日印发\n")
    doc = _doc(page)
    assert [o.name for o in doc.issuers] == ["教育部"]
    assert doc.issue_date == "2023-11-28"
    assert doc.doc_number == "教就业〔2023〕4号"


def test_signed_date_wins_over_a_date_under_the_title():
    page = ("某某市人民政府关于调整最低工资标准的通知\n2024年6月3日\n各区人民政府，市政府各部门：\n"
            "经市政府同意，现将有关事项通知如下。\n某某市人民政府\n2024年5月28日\n")
    assert _doc(page).issue_date == "2024-05-28"


def test_news_dateline_takes_the_publish_year_not_a_target_year():
    page = ("国务院办公厅印发《关于加快构建废弃物循环利用体系的意见》\n来源：新华社　发布时间：2024-02-09 17:03\n"
            "新华社北京2月9日电  近日，国务院办公厅印发《关于加快构建废弃物循环利用体系的意见》。\n"
            "《意见》指出，到2025年，初步建成覆盖各领域的废弃物循环利用体系。\n")
    doc = _doc(page)
    assert [d.value for d in doc.dates] == ["2024-02-09"]
    assert (doc.title, [o.name for o in doc.issuers]) == ("关于加快构建废弃物循环利用体系的意见", ["国务院办公厅"])


def test_headline_title_is_not_a_reference_to_itself():
    page = ("国务院办公厅印发《关于加快构建废弃物循环利用体系的意见》\n"
            "近日，国务院办公厅印发《关于加快构建废弃物循环利用体系的意见》。《意见》要求落实《国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见》（国发〔2021〕4号）。\n")
    assert [(r.title, r.doc_number) for r in _doc(page).references] == [
        ("国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见", "国发〔2021〕4号")]


@pytest.mark.parametrize("page,recipients", [
    ("关于做好2024年防汛工作的通知\n各省、自治区、直辖市人民政府，国务院各部委、\n各直属机构：\n请认真做好防汛工作。\n",
     ["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"]),
    ("关于印发2024年工作要点的通知\n主送：各处室、各直属单位\n现将《2024年工作要点》印发给你们。\n", ["各处室", "各直属单位"]),
])
def test_recipients_wrapped_or_after_a_zhusong_key(page, recipients):
    assert [r.name for r in _doc(page).recipients] == recipients


def test_wrapped_recipient_spans_slice_the_input():
    page = "关于做好2024年防汛工作的通知\n各省、自治区、直辖市人民政府，国务院各部委、\n各直属机构：\n请认真做好防汛工作。\n"
    res = policyextract.parse(page)
    assert [res.text[slice(*r.span)] for r in res.documents[0].recipients] == [
        "各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"]


@pytest.mark.parametrize("line,recipients", [
    # separate bodies, even where the place of the first applies to the bare names after it
    # (gold convention; blind notices n04 "新疆生产建设兵团教育局、财政局", p4 "…人力资源和社会保障局、财政局")
    ("新疆生产建设兵团民政局、教育局、公安局：", ["新疆生产建设兵团民政局", "教育局", "公安局"]),
    ("各县（市、区）公安局、市场监管局：", ["各县(市、区)公安局", "市场监管局"]),
    ("国家发展改革委、商务部：", ["国家发展改革委", "商务部"]),
    ("解放军各大单位、中央军委机关各部门：", ["解放军各大单位", "中央军委机关各部门"]),
])
def test_recipients_split_between_separate_bodies(line, recipients):
    page = f"关于联合开展专项整治的通知\n{line}\n现决定联合开展专项整治。\n"
    assert [r.name for r in _doc(page).recipients] == recipients


@pytest.mark.parametrize("page,title", [
    ("国家税务总局公告\n2024年第3号\n国家税务总局关于修订发布《涉税专业服务管理办法（试行）》的公告\n"
     "现将有关事项公告如下：\n一、本公告自2024年3月1日起施行。\n国家税务总局\n2024年1月30日\n",
     "国家税务总局关于修订发布《涉税专业服务管理办法(试行)》的公告"),
    ("国家税务总局公告2024年第3号\n国家税务总局关于修订发布《涉税专业服务管理办法（试行）》的公告\n"
     "现将有关事项公告如下：\n一、本公告自2024年3月1日起施行。\n",
     "国家税务总局关于修订发布《涉税专业服务管理办法(试行)》的公告"),
])
def test_announcement_series_header_is_not_the_title(page, title):
    doc = _doc(page)
    assert (doc.title, doc.doc_number, [o.name for o in doc.issuers]) == (title, "2024年第3号", ["国家税务总局"])


def test_order_title_names_its_issuer():
    page = ("中华人民共和国国务院令\n第777号\n《国务院关于修改和废止部分行政法规的决定》已经2024年2月2日国务院第25次常务会议通过，"
            "现予公布，自公布之日起施行。\n总理　李强\n2024年3月10日\n")
    doc = _doc(page)
    assert (doc.title, doc.doc_type, doc.doc_number, doc.issue_date) == ("中华人民共和国国务院令", "令", "第777号", "2024-03-10")
    assert [o.name for o in doc.issuers] == ["中华人民共和国国务院"]


@pytest.mark.parametrize("title,doc_type", [
    ("某某市城市管理办法（试行）", "管理办法"),
    ("某某省突发事件总体应急预案（2024年修订）", "应急预案"),
    ("财政部关于对十四届全国人大二次会议第1234号建议的答复", "答复"),
    ("国务院办公厅关于进一步优化营商环境的意见（全文）", "意见"),
])
def test_doc_type_behind_an_edition_note(title, doc_type):
    assert _doc(title + "\n第一条 为加强管理，制定本办法。\n").doc_type == doc_type


def test_site_suffix_of_a_page_title_is_not_in_the_title():
    page = ("李强主持召开国务院常务会议 研究部署推动经济持续回升向好_滚动新闻_中国政府网\n"
            "李强主持召开国务院常务会议 研究部署推动经济持续回升向好\n2024-05-20 19:38 来源： 新华社\n"
            "新华社北京5月20日电 国务院总理李强5月20日主持召开国务院常务会议。\n")
    assert _doc(page).title == "李强主持召开国务院常务会议 研究部署推动经济持续回升向好"


NEWS = """中国政府网
李强主持召开国务院常务会议
研究部署推动经济持续回升向好 审议通过《关于进一步做好稳就业工作的意见》
2024-05-20 19:38 来源： 新华社
新华社北京5月20日电 国务院总理李强5月20日主持召开国务院常务会议，研究部署推动经济持续回升向好。
"""


def test_site_name_and_subtitle_are_not_the_title():
    doc = _doc(NEWS)
    assert (doc.title, doc.doc_type, doc.issuers) == ("李强主持召开国务院常务会议", None, [])


def test_dateline_year_from_a_stamp_below_the_subtitle():
    assert [d.value for d in _doc(NEWS).dates] == ["2024-05-20", "2024-05-20"]


@pytest.mark.parametrize("headline,title,issuers", [
    ("工信部等十部门印发《关于推动轻工业高质量发展的指导意见》", "关于推动轻工业高质量发展的指导意见", ["工信部"]),
    ("商务部等9部门联合印发《县域商业三年行动计划（2023-2025年）》", "县域商业三年行动计划(2023-2025年)", ["商务部"]),
    ("人社部、财政部联合发文：关于做好失业保险稳岗返还工作的通知", "关于做好失业保险稳岗返还工作的通知", ["人社部", "财政部"]),
    ("国家卫健委：关于做好2024年家庭医生签约服务工作的通知", "关于做好2024年家庭医生签约服务工作的通知", ["国家卫健委"]),
    ("【政策】国务院办公厅关于进一步优化营商环境的意见", "国务院办公厅关于进一步优化营商环境的意见", ["国务院办公厅"]),
])
def test_web_headline_variants(headline, title, issuers):
    res = policyextract.parse(headline + "\n各省、自治区、直辖市人民政府：\n为做好相关工作，现通知如下。\n")
    doc = res.documents[0]
    assert (doc.title, [o.name for o in doc.issuers]) == (title, issuers)
    assert res.text[slice(*doc.title_span)].replace("（", "(").replace("）", ")") == title


@pytest.mark.parametrize("line", [
    "国务院关于印发《推动大规模设备更新和消费品以旧换新行动方案》的通知 国发〔2024〕7号",
    "国务院关于印发《推动大规模设备更新和消费品以旧换新行动方案》的通知（国发〔2024〕7号）",
])
def test_number_printed_after_the_title(line):
    doc = _doc(line + "\n各省、自治区、直辖市人民政府：\n现印发给你们。\n")
    assert (doc.title, doc.doc_type, doc.doc_number) == (
        "国务院关于印发《推动大规模设备更新和消费品以旧换新行动方案》的通知", "通知", "国发〔2024〕7号")


def test_a_speech_address_is_not_a_recipient():
    assert _doc("在全市经济工作会议上的讲话\n各位代表：\n今天我们召开会议。\n").recipients == []


GOVCN_2023 = """标　　题：国务院关于印发《推动大规模设备更新和消费品以旧换新行动方案》的通知
发文机关：国务院
发文字号：国发〔2024〕7号
来　　源：国务院办公厅
主题分类：国民经济管理、国有资产监管\\其他
公文种类：通知
成文日期：2024年03月07日
国务院关于印发《推动大规模设备更新和消费品以旧换新行动方案》的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
现将《推动大规模设备更新和消费品以旧换新行动方案》印发给你们，请认真贯彻执行。
"""


def test_info_table_with_one_key_a_line():
    doc = _doc(GOVCN_2023)
    assert (doc.title, doc.doc_number, doc.issue_date) == (
        "国务院关于印发《推动大规模设备更新和消费品以旧换新行动方案》的通知", "国发〔2024〕7号", "2024-03-07")
    assert [o.name for o in doc.issuers] == ["国务院"]  # 来源 (the publishing office) is not an issuer
    assert doc.dates == []


@pytest.mark.parametrize("first_line,title", [
    ("2020年2月疫情防控工作会议纪要-范文网", "2020年2月疫情防控工作会议纪要"),
    ("关于做好春节期间疫情防控工作的通知 - 某某县人民政府", "关于做好春节期间疫情防控工作的通知"),
    ("关于做好春节期间疫情防控工作的通知|某某县人民政府门户网站", "关于做好春节期间疫情防控工作的通知"),
])
def test_site_name_after_the_page_title_is_cut(first_line, title):
    assert _doc(first_line + "\n上传时间：2023-05-06\n2月3日下午，召开会议。\n").title == title


@pytest.mark.parametrize("line,title,number,issuer", [
    ("中华人民共和国财政部公告 2024年第10号", "中华人民共和国财政部公告", "2024年第10号", "中华人民共和国财政部"),
    ("中华人民共和国国务院令 第777号", "中华人民共和国国务院令", "第777号", "中华人民共和国国务院"),
    ("武汉市新型冠状病毒感染的肺炎疫情防控指挥部通告（第1号）", "武汉市新型冠状病毒感染的肺炎疫情防控指挥部通告", "第1号",
     "武汉市新型冠状病毒感染的肺炎疫情防控指挥部"),
])
def test_series_number_on_the_title_line(line, title, number, issuer):
    doc = _doc(line + "\n现将有关事项公告如下：\n一、本公告自2024年6月1日起施行。\n财政部\n2024年5月20日\n")
    assert (doc.title, doc.doc_number) == (title, number)
    assert [o.name for o in doc.issuers][0] == issuer


def test_state_prefix_form_reported_once():
    page = "中华人民共和国财政部公告 2024年第10号\n现将有关事项公告如下：\n一、本公告自2024年6月1日起施行。\n财政部\n2024年5月20日\n"
    assert [o.name for o in _doc(page).issuers] == ["中华人民共和国财政部"]


@pytest.mark.parametrize("line,recipients", [
    ("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：经国务院同意，现将有关事项通知如下。",
     ["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"]),
    ("市应急管理局：你局报来的请示收悉。", ["市应急管理局"]),
    ("一、总体要求：做好防汛。", []),
    ("经研究决定：做好防汛。", []),
    ("联系人：张三，电话：12345678", []),
])
def test_recipients_run_into_the_body(line, recipients):
    assert [r.name for r in _doc("关于做好防汛工作的通知\n" + line + "\n").recipients] == recipients


COLLAPSED = ("国务院办公厅关于进一步做好稳就业工作的意见国办发〔2021〕8号各省、自治区、直辖市人民政府，国务院各部委、各直属机构："
             "为贯彻落实党中央决策部署，经国务院同意，现提出以下意见。一、拓宽就业渠道（一）支持企业吸纳就业。对吸纳就业多的企业给予补贴。"
             "二、强化组织保障各地要抓好落实。国务院办公厅2021年4月20日")


def test_notice_with_its_line_breaks_lost():
    res = policyextract.parse(COLLAPSED)
    doc = res.documents[0]
    assert (doc.title, doc.doc_number, doc.issue_date) == (
        "国务院办公厅关于进一步做好稳就业工作的意见", "国办发〔2021〕8号", "2021-04-20")
    assert [o.name for o in doc.issuers] == ["国务院办公厅"]
    assert [res.text[slice(*r.span)] for r in doc.recipients] == ["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"]
    assert [m.heading for m in doc.measures] == ["拓宽就业渠道", "强化组织保障"]


def test_long_line_without_number_or_recipients_is_no_collapsed_title():
    page = "关于加强疫情防控工作的通知精神，我们认真学习讨论。" * 8
    assert _doc(page).doc_number is None and _doc(page).recipients == []


@pytest.mark.parametrize("page,issue_date", [
    ("李强主持召开国务院常务会议\n2024年05月20日\n国务院总理李强主持召开国务院常务会议。\n", None),
    ("中共中央 国务院关于全面推进乡村振兴加快农业农村现代化的意见\n（2021年1月4日）\n党的十九大提出实施乡村振兴战略。\n", "2021-01-04"),
])
def test_date_under_the_title_is_issue_date_only_for_a_document(page, issue_date):
    assert _doc(page).issue_date == issue_date


def test_lone_date_closing_a_news_story_is_not_the_issue_date():
    page = "李强主持召开国务院常务会议\n国务院总理李强主持召开国务院常务会议。\n2024年5月20日\n"
    doc = _doc(page)
    assert (doc.issue_date, [d.value for d in doc.dates]) == (None, ["2024-05-20"])


@pytest.mark.parametrize("short,full", [
    ("国家卫生健康委", "国家卫生健康委员会"),
    ("国家卫健委", "国家卫生健康委员会"),
    ("国家发改委", "国家发展和改革委员会"),
    ("北京市政府", "北京市人民政府"),
    ("财政部", "中华人民共和国财政部"),
])
def test_short_form_of_an_issuer_reported_once_in_full(short, full):
    page = f"{short}关于做好2024年防汛工作的通知\n各有关单位：\n请认真做好防汛工作。\n{full}\n2024年5月1日\n"
    assert [o.name for o in _doc(page).issuers] == [full]


def test_a_working_group_is_not_a_short_form_of_its_mechanism():
    from policyextract.extract.header import is_short_form
    assert not is_short_form("国务院联防联控机制综合组", "国务院应对新型冠状病毒肺炎疫情联防联控机制")


def test_seal_notes_and_short_named_organisations_in_the_signature():
    page = "关于开展科普活动的通知\n各县区科协：\n请认真组织。\n某某市科学技术协会（公章）\n某某市残联（印）\n2024年5月20日\n"
    assert [o.name for o in _doc(page).issuers] == ["某某市科学技术协会", "某某市残联"]


@pytest.mark.parametrize("column", ["通知公告", "公告", "政府公告"])
def test_column_name_above_the_title_is_not_the_title(column):
    doc = _doc(column + "\n关于做好2024年防汛工作的通知\n各乡镇人民政府：\n请认真做好防汛工作。\n")
    assert (doc.title, [r.name for r in doc.recipients]) == ("关于做好2024年防汛工作的通知", ["各乡镇人民政府"])


ONE_CELL_A_LINE = """索引号：
000014349/2022-00044
发文机关：
国务院办公厅
成文日期：
2022年05月04日
标题：
国务院办公厅关于印发新污染物治理行动方案的通知
发文字号：
国办发〔2022〕15号
发布日期：
2022年05月24日
国务院办公厅关于印发新污染物治理行动方案的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
《新污染物治理行动方案》已经国务院同意，现印发给你们，请认真贯彻执行。
"""


def test_info_table_printed_one_cell_a_line():
    doc = _doc(ONE_CELL_A_LINE)
    assert (doc.title, doc.doc_number, doc.issue_date) == (
        "国务院办公厅关于印发新污染物治理行动方案的通知", "国办发〔2022〕15号", "2022-05-04")
    assert [o.name for o in doc.issuers] == ["国务院办公厅"]
    assert [r.name for r in doc.recipients] == ["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"]


def test_info_table_dates_one_cell_a_line_are_not_document_dates():
    assert _doc(ONE_CELL_A_LINE).dates == []


def test_title_below_a_long_one_cell_a_line_table():
    page = ONE_CELL_A_LINE.replace("索引号：\n000014349/2022-00044\n",
                                   "索引号：\n000014349/2022-00044\n主题分类：\n国土资源、能源\\其他\n有效性：\n有效\n")
    doc = _doc(page)
    assert (doc.title, doc.issue_date) == ("国务院办公厅关于印发新污染物治理行动方案的通知", "2022-05-04")


def test_a_quoted_document_after_a_colon_is_no_headline():
    doc = _doc("工作动态\n附件：《关于做好防汛工作的通知》\n正文内容。\n")
    assert (doc.title, doc.issuers) == ("工作动态", [])
    assert [r.title for r in doc.references] == ["关于做好防汛工作的通知"]


@pytest.mark.parametrize("headline,issuers", [
    ("国家卫健委和国家中医药局联合印发关于做好夏季高温中暑防治工作的通知", ["国家卫健委", "国家中医药局"]),
    ("工业和信息化部印发关于推动轻工业高质量发展的通知", ["工业和信息化部"]),
    ("住房和城乡建设部、国家发展改革委关于推进城市更新的通知", ["住房和城乡建设部", "国家发展改革委"]),
])
def test_joint_issuers_joined_by_he(headline, issuers):
    assert [o.name for o in _doc(headline + "\n各省：\n请做好。\n").issuers] == issuers


@pytest.mark.parametrize("signature", ["教育部 国家卫生健康委 2020年4月8日", "教育部 国家卫生健康委\n2020年4月8日",
                                       "教育部（代章） 国家卫生健康委\n2020年4月8日"])
def test_joint_signers_separated_by_one_space(signature):
    page = "关于做好春季学期开学工作的通知\n各省、自治区、直辖市教育厅：\n请做好开学工作。\n" + signature + "\n"
    doc = _doc(page)
    assert ([o.name for o in doc.issuers], doc.issue_date) == (["教育部", "国家卫生健康委"], "2020-04-08")


def test_headline_in_book_title_marks():
    doc = _doc("《国务院办公厅关于进一步优化营商环境的意见》\n各省、自治区、直辖市人民政府：\n现提出如下意见。\n")
    assert (doc.title, doc.doc_type, [o.name for o in doc.issuers]) == (
        "国务院办公厅关于进一步优化营商环境的意见", "意见", ["国务院办公厅"])
    assert doc.references == []


def test_organ_and_date_inside_a_diary_are_no_signature():
    page = ("中央应对疫情工作领导小组战疫日记\n1月25日，领导小组召开会议。\n国务院联防联控机制\n2020年2月3日\n"
            "当天召开新闻发布会。\n2月5日，领导小组再次召开会议。\n")
    doc = _doc(page)
    assert (doc.issuers, doc.issue_date) == ([], None)


# A provincial site's own notice: the title drops the province (省人民政府办公厅关于…), the
# signature names it in full. One issuer, in full form (gold conventions: a short form once).
def test_title_without_the_province_merges_with_the_signature():
    from pathlib import Path

    page = (Path(__file__).resolve().parents[1] / "fixtures" / "probes" / "provincial_notice.txt").read_text(encoding="utf-8")
    doc = policyextract.parse(page).documents[0]
    assert [o.name for o in doc.issuers] == ["河北省人民政府办公厅"]


@pytest.mark.parametrize("short,full,expected", [
    ("省人民政府办公厅", "河北省人民政府办公厅", True),
    ("市政府", "北京市政府", True),
    ("人民政府", "河北省人民政府", False),          # no level word: not a dropped place
    ("省政府办公厅", "江西省人民政府办公厅", True),  # 政府 for 人民政府 as well (blind dirty d1)
    ("卫生健康委员会", "国家卫生健康委员会", False),
])
def test_place_dropped_short_form(short, full, expected):
    from policyextract.extract.header import is_short_form

    assert is_short_form(short, full) is expected


# From the blind readouts (r05): a paragraph opening with a day alone continues the month
# written last (news style after "11月26日至27日"); a smaller day than the last one is left out.
def test_paragraph_opening_with_a_day_alone():
    page = "11月26日至27日，省委书记沈晓峰在岳阳市调研。\n27日上午，沈晓峰主持召开座谈会。市长卢卫东参加座谈。\n发布时间：2025-11-28\n"
    doc = policyextract.parse(page).documents[0]
    assert [(m.date, m.chair, [a.name for a in m.attendees]) for m in doc.meetings] == [("2025-11-27", "沈晓峰", ["卢卫东"])]


def test_day_alone_before_the_last_day_is_not_read():
    page = "2024年5月20日，市长主持会议。\n3日，市委召开常委会。\n"
    assert [d.value for d in policyextract.parse(page).documents[0].dates] == ["2024-05-20"]


# From the blind dirty set (d3): a notice whose line breaks were lost, title, number and recipients
# on one line separated by spaces.
def test_collapsed_title_number_recipients():
    page = ("临沂市应急管理局关于开展2024年春季安全生产大检查的通知 临应急发〔2024〕15号 各县（市、区）应急管理局，市直有关部门："
            " 为深刻吸取近期事故教训，现将有关事项通知如下： 一、检查范围 （一）重点行业领域。包括危险化学品等行业。\n")
    doc = policyextract.parse(page).documents[0]
    assert doc.doc_number == "临应急发〔2024〕15号"
    assert [o.name for o in doc.recipients] == ["各县(市、区)应急管理局", "市直有关部门"]
