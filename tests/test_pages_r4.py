"""Page layouts from the blind sets round4r/round4n (segment.py, extract/header.py, data/boilerplate.tsv):
a 镇 work diary with one title and one publish stamp over dated readout sections, split column pages
inheriting the page's publish stamp, gov.cn pages with a headline above the document's own header."""
from __future__ import annotations

import pytest

from conftest import parse_fixture


@pytest.fixture(scope="module")
def parsed():
    return lambda rel: parse_fixture(rel, ner=False)


DIARY = "blind/round4r/q05_xiangzhen_rizhi_nv.txt"


def test_diary_with_one_title_and_one_stamp_over_dated_readouts_is_one_document(parsed):
    assert [d.title for d in parsed(DIARY).documents] == ["新添镇工作日志(2025年11月)"]


def test_diary_sections_take_the_year_of_the_page_stamp(parsed):
    dates = sorted({d.value for d in parsed(DIARY).documents[0].dates})
    assert dates == ["2025-11-03", "2025-11-12", "2025-11-30", "2025-12-01"]


def test_column_page_still_split_at_each_stamped_headline(parsed):
    assert len(parsed("blind/readouts2/k04_xianzhengfu_changwu_series.txt").documents) == 3


def test_split_column_readouts_inherit_the_page_stamp_above_the_first(parsed):
    docs = parsed("probes/column_readouts_page_stamp.txt").documents
    assert [d.title for d in docs] == ["镇党委召开2024年第5次党委会议", "镇政府召开第四次镇长办公会议"]
    assert sorted({d.value for d in docs[1].dates}) == ["2024-05-15", "2024-06-10"]


GUOBAN = "blind/round4n/r4n1_guoban_yinfa_jiazheng.txt"


def test_bracketed_toolbar_run_together_with_bars_is_chrome():
    from policyextract.segment import is_chrome_line
    assert is_chrome_line("【字号:默认 大 超大】|【我要打印】|【我要纠错】|【关闭】")


def test_doc_number_read_under_the_title_below_a_toolbar(parsed):
    assert parsed(GUOBAN).documents[0].doc_number == "国办发〔2024〕27号"


def test_recipients_read_under_the_title_below_a_toolbar(parsed):
    assert [r.name for r in parsed(GUOBAN).documents[0].recipients] == \
        ["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"]


def test_sponsor_and_operator_footer_without_colon_is_chrome():
    from policyextract.segment import is_chrome_line
    assert is_chrome_line("山东省人民政府办公厅主办　山东省大数据中心承办")


def test_press_conference_page_footer_gives_no_issuers(parsed):
    assert parsed("blind/round4r/q02_xinwen_fabuhui_qa.txt").documents[0].issuers == []


JIYAO = "blind/round4n/r4n2_xian_changwuhui_jiyao.txt"


def test_masthead_title_kept_when_prev_next_links_quote_the_same_words(parsed):
    assert parsed(JIYAO).documents[0].title == "宁远县人民政府常务会议纪要"


def test_minutes_signature_date_above_the_distribution_block_is_the_issue_date(parsed):
    assert parsed(JIYAO).documents[0].issue_date == "2024-03-20"


def test_distribution_lines_compile_and_match_real_lines():
    from policyextract.extract.header import _distribution_re
    rx = _distribution_re()
    assert rx.match("发送:各乡镇人民政府、街道办事处,县政府各部门,县直有关单位。")
    assert rx.match("抄送:县委办公室,县人大常委会办公室,县政协办公室。")
    assert rx.match("宁远县人民政府办公室      2024年3月20日印发")
    assert not rx.match("宁远县人民政府办公室")


RENMIAN = "blind/round4n/r4n3_renda_renmian_mingdan.txt"


def test_adoption_note_under_the_title_gives_the_issue_date(parsed):
    assert parsed(RENMIAN).documents[0].issue_date == "2024-06-27"


def test_adoption_note_under_the_title_gives_the_adopting_body_without_its_session(parsed):
    assert [o.name for o in parsed(RENMIAN).documents[0].issuers] == ["福州市人民代表大会常务委员会"]
