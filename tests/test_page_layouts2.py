"""Page layouts from the blind probe sets notices2/readouts2 (segment.py, data/boilerplate.tsv,
data/readout_leads.txt, the title and information-table handling of extract/header.py):
a column page of several readouts, site banners above the headline, related-article lists below
the signature, information-table values run together on one line."""
from __future__ import annotations

from pathlib import Path

import pytest

import policyextract
from conftest import parse_fixture
from policyextract import resources, segment
from policyextract.normalize import normalize

ROOT = Path(__file__).resolve().parents[1] / "fixtures"


def _page(rel: str) -> str:
    return (ROOT / rel).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def parsed():
    return lambda rel: parse_fixture(rel, ner=False)


SERIES = "blind/readouts2/k04_xianzhengfu_changwu_series.txt"


# --- a column page of several readouts: one document each --------------------------------------

def test_column_page_of_stamped_readouts_is_split_at_each_headline(parsed):
    assert [d.title for d in parsed(SERIES).documents] == [
        "县政府召开第二十一次常务会议", "县政府召开第二十二次常务会议", "县政府召开第二十三次常务会议"]


def test_column_page_nav_row_is_no_title(parsed):
    assert all("首页" not in (d.title or "") for d in parsed(SERIES).documents)


def test_column_page_readout_keeps_its_own_dates_only(parsed):
    assert [d.value for d in parsed(SERIES).documents[1].dates] == ["2024-03-14", "2024-05-15", "2024-10-01"]


def test_column_page_readout_keeps_its_own_meeting(parsed):
    m = parsed(SERIES).documents[0].meetings
    assert [(x.date, x.chair) for x in m] == [("2024-03-04", "孙伟")]


def test_column_page_without_stamps_split_where_each_readout_opens_with_date_and_chair(parsed):
    res = parsed("probes/column_readouts_unstamped.txt")
    assert [d.title for d in res.documents] == ["镇党委召开2024年第5次党委会议", "镇政府召开第四次镇长办公会议"]


def test_diary_with_intro_and_dated_readout_sections_stays_one_document(parsed):
    # seed 002: a 战"疫"日记 whose sections each open "X月X日，…主持召开…" under their own headline
    assert len(parsed("seeds/002_4ec4b0ae00f95d62.txt").documents) == 1


def test_ordinary_readout_with_several_paragraphs_is_one_document(parsed):
    res = parsed("blind/readouts2/k03_shiwei_changweihui_kuoda_chrome.txt")
    assert len(res.documents) == 1


# --- site banners above the headline -------------------------------------------------------------

def test_portal_name_with_today_widget_is_no_title(parsed):
    doc = parsed("blind/readouts2/k01_shengwei_huijian_dashi.txt").documents[0]
    assert doc.title == "周海明会见法国驻华大使白乐德"


def test_today_widget_date_is_not_a_document_date(parsed):
    doc = parsed("blind/readouts2/k01_shengwei_huijian_dashi.txt").documents[0]
    assert "2025-10-15" not in [d.value for d in doc.dates]


def test_news_site_banner_is_no_title(parsed):
    doc = parsed("blind/readouts2/k03_shiwei_changweihui_kuoda_chrome.txt").documents[0]
    assert doc.title == "罗建新主持召开市委常委会(扩大)会议 传达学习党的二十届四中全会精神"


def test_banner_repeating_the_issuer_is_not_glued_onto_the_title(parsed):
    doc = parsed("blind/notices2/p6_changsha_jiaotong_tonggao.txt").documents[0]
    assert doc.title == "长沙市公安局关于2024长沙马拉松比赛期间对部分道路实施交通管制的通告"


def test_banner_repeating_the_issuer_gives_one_issuer(parsed):
    doc = parsed("blind/notices2/p6_changsha_jiaotong_tonggao.txt").documents[0]
    assert [o.name for o in doc.issuers] == ["长沙市公安局"]


def test_english_site_name_between_banner_and_title_is_chrome(parsed):
    doc = parsed("blind/notices2/p2_sichuan_yingji_biaoyang.txt").documents[0]
    assert doc.title == "四川省应急管理厅关于表扬2023年度全省应急管理系统先进集体和先进个人的通报"


@pytest.mark.parametrize("line", [
    "福建省人民政府门户网站　　今天是：2025年10月15日 星期三",
    "柳州新闻网 - 柳州日报社主办",
    "望奎县人民政府网",
    "首页　政务公开　政务服务　互动交流　走进望奎",
    "栏目：县政府常务会议　　共3条记录　当前第1/1页",
    "热门搜索：四中全会　营商环境　螺蛳粉　冬季安全",
    "您当前的位置 ：柳州新闻网 > 柳州新闻 > 时政要闻",
    "上一页　下一页　尾页",
    "Emergency Management Department of Sichuan Province",
    "【关闭窗口】",
    "· 洛阳市人民政府关于张伟等同志职务任免的通知　2024-02-21",
    "（编辑：朱丹　　审核：李明远）",
    "搜索",
    # the same furniture as other portals print it
    "信息来源：市政府办公室　　发布时间：2024-05-20",
    "2024年05月20日 09:30　来源：人民网－人民日报",
    "当前所在位置：首页>>新闻中心>>政务要闻",
    "设为首页 | 加入收藏",
    "上一条：关于做好2024年防汛工作的通知",
    "【我要打印】　【关闭窗口】",
])
def test_site_furniture_line_is_chrome(line):
    assert segment.is_chrome_line(normalize(line).text)


@pytest.mark.parametrize("line", [
    "县政府召开第二十一次常务会议",
    "洛阳市人民政府",
    "湖北省人力资源和社会保障厅　　　　湖北省财政厅",
    "王志华　成都市应急管理局安全生产综合协调处处长",
    "罗建新主持召开市委常委会（扩大）会议 传达学习党的二十届四中全会精神",
    "会议还研究了其他事项。",
    "时间：2024年5月20日（星期一）上午9:00",
    "管制位置：贺龙体育中心周边道路",
    "会议时间：3月27日上午",
])
def test_document_line_is_not_chrome(line):
    assert not segment.is_chrome_line(normalize(line).text)


# --- the end of the document: signature, （此件公开发布）, then related-article lists --------------

@pytest.mark.parametrize("rel, dates", [
    ("blind/notices2/p1_luoyang_renmian.txt", ["2024-03-28", "2024-04-03"]),
    ("blind/notices2/p4_hubei_sanbumen_yijian.txt",
     ["2024-06-11", "2024-07-01", "2024-08-31", "2024-12-31", "2026-12-31"]),
])
def test_related_article_list_below_the_signature_leaks_no_dates(parsed, rel, dates):
    assert sorted({d.value for d in parsed(rel).documents[0].dates}) == dates


def test_related_list_header_with_its_item_on_the_line_ends_the_document():
    _, tail = resources.boilerplate()
    assert tail.match("相关解读:《关于进一步支持青年就业创业的意见》政策解读 2024-06-18")


def test_signature_also_printed_in_the_footer_stays_in_the_document():
    seg = segment.segment_page(normalize(_page("blind/notices2/p1_luoyang_renmian.txt")))
    texts = [ln.text for ln in seg.documents[0].lines]
    assert texts[-2:] == ["洛阳市人民政府", "2024年4月3日"]


def test_signature_equal_to_the_banner_stays_in_the_document():
    seg = segment.segment_page(normalize(_page("blind/notices2/p6_changsha_jiaotong_tonggao.txt")))
    texts = [ln.text for ln in seg.documents[0].lines]
    assert texts[-2:] == ["长沙市公安局", "2024年10月20日"]


# --- information table: two cells on one line -----------------------------------------------------

def test_table_value_ends_before_an_unknown_key_after_a_run_of_spaces():
    seg = segment.segment_page(normalize(_page("blind/notices2/p3_jiaotong_fuhan.txt")))
    assert seg.documents[0].metadata["issuer"].value == "交通运输部办公厅"


def test_table_issuer_gives_one_issuer(parsed):
    doc = parsed("blind/notices2/p3_jiaotong_fuhan.txt").documents[0]
    assert [o.name for o in doc.issuers] == ["交通运输部办公厅"]


def test_table_value_with_single_spaces_is_kept_whole():
    m = resources.metadata_re().match("发文机关:国务院办公厅 成文日期:2020年02月03日")
    assert m.group("value") == "国务院办公厅"


# --- data file integrity --------------------------------------------------------------------------

def test_readout_leads_compile_and_match_real_openings():
    lead = resources.readout_lead_re()
    assert lead.match("3月14日，受县长孙伟委托，县委常委、常务副县长李春燕主持召开县政府第二十二次常务会议。")
    assert lead.match("会议时间：3月27日上午")
    assert not lead.match("会议听取了县财政局关于2024年一季度财政收支情况的汇报。")


# --- a toolbar or credit line under the headline ends nothing -------------------------------------

def test_toolbar_under_the_headline_does_not_cut_the_document(parsed):
    doc = parsed("probes/toolbar_under_headline.txt").documents[0]
    assert (doc.issue_date, [d.value for d in doc.dates]) == ("2024-05-20", ["2024-05-31", "2024-05-20"])


def test_related_articles_listed_without_a_heading_end_the_document(parsed):
    doc = parsed("probes/related_list_unmarked.txt").documents[0]
    assert [d.value for d in doc.dates] == ["2024-10-31", "2024-10-08"]


def test_headline_with_its_date_on_the_line_above_the_text_is_still_the_title():
    assert not segment.is_chrome_line("县政府召开第二十一次常务会议 2024-03-05")


def test_signature_with_iso_date_above_an_attachment_is_no_column_headline(parsed):
    # "海宁区安全生产委员会办公室 / 2024-05-27 / 附件 …": an organ over a stamp-like date signs the notice
    assert len(parsed("probes/signed_iso_with_attachment.txt").documents) == 1


def test_organ_banner_over_a_news_headline_is_no_title():
    page = ("望奎县人民政府\n县政府召开第二十一次常务会议\n发布时间：2024-03-05 16:20　来源：县政府办公室\n"
            "3月4日，县委副书记、县长孙伟主持召开县政府第二十一次常务会议。\n")
    assert [d.title for d in policyextract.parse(page, ner=False).documents] == ["县政府召开第二十一次常务会议"]
