"""Page → documents → lines (policyextract/segment.py) on a page laid out as the gov.cn policy
library prints one (fixtures/probes/govcn_policy_library.txt: breadcrumb, information table with
keys padded by spaces, the notice, the attached plan, then 纠错/责任编辑/扫一扫/相关稿件 chrome)."""
from __future__ import annotations

from pathlib import Path

import pytest

import policyextract

PAGE = (Path(__file__).resolve().parents[1] / "fixtures" / "probes" / "govcn_policy_library.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def notice():
    res = policyextract.parse(PAGE)
    assert len(res.documents) == 1
    return res.documents[0]


def test_info_table_key_padded_with_spaces_is_not_the_title(notice):
    assert notice.title == "国务院办公厅关于印发《城市更新行动实施方案》的通知"


def test_info_table_fields_still_read(notice):
    assert notice.doc_number == "国办发〔2024〕23号"
    assert notice.issue_date == "2024-05-10"


def test_publish_date_of_the_table_is_not_a_document_date(notice):
    assert [d.value for d in notice.dates] == ["2024-05-10", "2024-06-30"]


def test_chrome_after_the_text_is_not_in_the_document(notice):
    assert notice.source.endswith("住房城乡建设部要会同有关部门加强指导。")
    assert "相关稿件" not in notice.measures[-1].text and "责任编辑" not in notice.measures[-1].text


def test_related_article_title_is_not_a_reference(notice):
    assert "国务院关于推进城市更新的指导意见" not in [r.title for r in notice.references]


@pytest.mark.parametrize("line", ["相关稿件", "相关文件：", "【我要纠错】 责任编辑：王小明",
                                  "首页 | 政务公开 | 政务服务 | 互动交流"])
def test_new_chrome_lines(line):
    from policyextract.resources import boilerplate

    line_re, tail_re = boilerplate()
    assert line_re.fullmatch(line) or tail_re.search(line)


def test_body_line_opening_with_相关文件_is_not_chrome():
    from policyextract.resources import boilerplate

    line_re, tail_re = boilerplate()
    text = "相关文件精神要认真贯彻落实。"
    assert not line_re.fullmatch(text) and not tail_re.search(text)


def test_body_line_with_one_bar_is_not_chrome():
    from policyextract.resources import boilerplate

    line_re, _ = boilerplate()
    assert not line_re.fullmatch("各地要做好|工作")


# A page of sample notices (fixtures/probes/samples_page.txt) as 范文 sites print them: headers
# 通知范文（一） / 通知范文（二） on their own line, and 篇三：<title> with the title on the header line.
SAMPLES = (Path(__file__).resolve().parents[1] / "fixtures" / "probes" / "samples_page.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def samples():
    return policyextract.parse(SAMPLES)


def test_bracketed_sample_headers_split_documents(samples):
    assert len(samples.documents) == 3


def test_title_on_the_header_line_is_the_title(samples):
    doc = samples.documents[2]
    assert doc.title == "关于举办职工运动会的通知"
    assert samples.text[doc.title_span[0]:doc.title_span[1]] == doc.title


@pytest.mark.parametrize("k,title,issuer", [
    (0, "关于召开2024年安全生产工作会议的通知", "县应急管理局"),
    (1, "关于召开防汛工作会议的通知", "县防汛抗旱指挥部办公室"),
])
def test_each_sample_keeps_its_title_and_issuer(samples, k, title, issuer):
    doc = samples.documents[k]
    assert doc.title == title and [o.name for o in doc.issuers] == [issuer]


# A readout as a WeChat public account posts it (fixtures/probes/wechat_readout.txt): 点击蓝字
# 关注我们 above, 原标题： giving the headline, 来源/编辑/审核 lines, then 往期回顾 and 阅读原文.
WECHAT = (Path(__file__).resolve().parents[1] / "fixtures" / "probes" / "wechat_readout.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def wechat():
    return policyextract.parse(WECHAT).documents[0]


def test_wechat_original_headline_is_the_title(wechat):
    assert wechat.title == "市政府召开常务会议 研究部署安全生产等工作"


def test_wechat_chrome_is_not_in_the_document(wechat):
    assert wechat.source.startswith("3月18日，市长张建国主持召开")
    assert wechat.source.endswith("会议还研究了其他事项。")


def test_wechat_meeting_read_from_the_body(wechat):
    (m,) = wechat.meetings
    assert (m.chair, [a.name for a in m.attendees]) == ("张建国", ["李华", "王强", "赵敏"])
    assert m.date is None  # 3月18日 and no year anywhere on the page


@pytest.mark.parametrize("line", ["点击蓝字 关注我们", "长按识别二维码关注我们", "点个在看，你最好看", "阅读原文",
                                  "审核：陈明", "往期回顾"])
def test_wechat_chrome_lines(line):
    from policyextract.resources import boilerplate

    line_re, tail_re = boilerplate()
    assert line_re.fullmatch(line) or tail_re.search(line)


def test_sentence_mentioning_关注我们_is_not_chrome():
    from policyextract.resources import boilerplate

    line_re, tail_re = boilerplate()
    text = "请社会各界继续关注我们的工作。"
    assert not line_re.fullmatch(text) and not tail_re.search(text)


# The same kind of page as HTML (fixtures/probes/govcn_policy_library.html): the information
# table is a <table> whose keys are padded with &nbsp;, the text sits in a layout table cell.
HTML_PAGE = (Path(__file__).resolve().parents[1] / "fixtures" / "probes" / "govcn_policy_library.html").read_bytes()


def test_html_policy_library_page():
    res = policyextract.parse(HTML_PAGE)
    (doc,) = res.documents
    assert doc.title == "国务院办公厅关于印发《城市更新行动实施方案》的通知"
    assert (doc.doc_number, doc.issue_date) == ("国办发〔2024〕23号", "2024-05-10")
    assert [o.name for o in doc.issuers] == ["国务院办公厅"]
    assert [d.value for d in doc.dates] == ["2024-05-10"]  # 发布日期 of the table is not reported


def test_html_table_cells_stay_apart():
    from policyextract.html import html_to_text

    assert "发文机关： 国务院办公厅 成文日期： 2024年05月10日" in html_to_text(HTML_PAGE.decode("utf-8"))


# bug reported from the header work: the chrome rule for bare ISO dates (upload stamps) also
# removed a signature date written 2024-05-20, so the notice lost its issue date
ISO_SIGNED = "关于做好2024年防汛工作的通知\n各区人民政府：\n现就有关事项通知如下。\n一、压实责任\n各区要落实责任。\n市防汛抗旱指挥部\n2024-05-20\n"


def test_iso_signature_date_under_an_organ_is_kept():
    doc = policyextract.parse(ISO_SIGNED).documents[0]
    assert doc.issue_date == "2024-05-20" and [o.name for o in doc.issuers] == ["市防汛抗旱指挥部"]


def test_iso_stamp_under_a_headline_is_still_chrome():
    page = "市政府召开常务会议\n2024-05-20\n5月20日，市长张建国主持召开市政府常务会议。\n"
    res = policyextract.parse(page)
    assert "boilerplate removed: 1 lines" in res.warnings
    # the stamp only gives the year of 5月20日 in the body; it is not itself a date of the text
    assert [(d.source, d.value) for d in res.documents[0].dates] == [("5月20日", "2024-05-20")]


# A readout whose publish time is printed below the text (many provincial sites, WeChat), then a
# related-article list with another article's date.
BELOW = ("市政府召开常务会议\n4月28日，市长张建国主持召开市政府常务会议。副市长李华出席会议。\n会议研究了安全生产工作。\n"
         "发布时间：2024-04-30 19:05\n相关阅读\n市委召开常委会 发布时间：2023-12-01\n")


def test_publish_time_below_the_text_gives_the_year():
    doc = policyextract.parse(BELOW).documents[0]
    assert [(m.date, m.chair) for m in doc.meetings] == [("2024-04-28", "张建国")]


def test_related_article_dates_give_no_year():
    page = BELOW.replace("发布时间：2024-04-30 19:05\n", "")
    doc = policyextract.parse(page).documents[0]
    assert [m.date for m in doc.meetings] == [None]


# Blind probe r03 (fixtures/blind/readouts): a readout published 2026-01-04 reports meetings of
# 12月30日/12月31日 (2025), and names a plan 《…实施方案（2026—2028年）》 — no time of writing.
def test_year_turn_readout_and_plan_range():
    page = ("发布时间：2026-01-04 16:30\n市政府召开常务会议\n"
            "12月30日，市长陈立平主持召开市政府常务会议，审议《老旧小区改造实施方案（2026—2028年）》。副市长杨建华出席会议。\n"
            "12月31日上午，常务副市长杨建华主持召开市级财政预算专题会。副市长汪德荣参加会议。\n")
    doc = policyextract.parse(page).documents[0]
    assert [(m.date, m.chair) for m in doc.meetings] == [("2025-12-30", "陈立平"), ("2025-12-31", "杨建华")]


def test_deadline_later_in_the_year_keeps_the_publish_year():
    page = "发布时间：2024-01-04 16:30\n关于做好春耕工作的通知\n各区要在3月15日前完成任务分解。\n"
    assert [d.value for d in policyextract.parse(page).documents[0].dates] == ["2024-03-15"]


@pytest.mark.parametrize("line", ["浙江省人民政府门户网站", "中华人民共和国教育部政府门户网站"])
def test_site_name_line_is_chrome(line):
    from policyextract.resources import boilerplate

    assert boilerplate()[0].fullmatch(line)


def test_page_title_with_site_suffix_is_not_a_site_name_line():
    from policyextract.resources import boilerplate

    assert not boilerplate()[0].fullmatch("关于做好春节期间疫情防控工作的通知|某某县人民政府门户网站")


# From the blind minutes/dirty probes (fixtures/blind/minutes, fixtures/blind/dirty)
@pytest.mark.parametrize("line", ["新华网 > 时政 > 正文", "【纠错】【责任编辑：王珊】", "字号 大 中 小 打印 分享"])
def test_more_chrome_lines(line):
    from policyextract.resources import boilerplate

    assert boilerplate()[0].fullmatch(line)


@pytest.mark.parametrize("line", ["全市大中小学开学", "1>0的情况下要做好"])
def test_lines_like_widgets_are_not_chrome(line):
    from policyextract.resources import boilerplate

    assert not boilerplate()[0].fullmatch(line)


def test_bracketed_related_reading_ends_the_document():
    page = "国务院召开常务会议\n新华社北京6月13日电 国务院总理主持召开国务院常务会议。\n【相关阅读】\n国务院召开会议 2025-05-30\n"
    doc = policyextract.parse(page).documents[0]
    assert "2025-05-30" not in [d.value for d in doc.dates]


def test_signature_also_printed_in_the_印发_footer_is_kept():
    page = ("关于研究老旧小区改造有关问题的会议纪要\n一、关于改造计划。会议原则同意。\n平江市人民政府办公室\n2023年5月15日\n"
            "抄送：市委办公室。\n平江市人民政府办公室 2023年5月15日印发\n")
    doc = policyextract.parse(page).documents[0]
    assert (doc.issue_date, [o.name for o in doc.issuers]) == ("2023-05-15", ["平江市人民政府办公室"])


def test_range_start_takes_the_year_of_its_written_end():
    page = "关于2024年元旦放假的通知\n各科室：\n元旦放假安排如下：12月30日至2024年1月1日放假调休。\n县人民医院办公室\n2023年12月25日\n"
    assert [d.value for d in policyextract.parse(page).documents[0].dates] == ["2023-12-30", "2024-01-01", "2023-12-25"]
