"""Text extracted from PDFs: hard line wraps every ~28 chars (inside names, dates and document
numbers) and page footers between pages (policyextract/unwrap.py, a normalize step), plus the
版记 of a 公文 and a WeChat byline. Pages: the blind set fixtures/blind/dirty2 (q1: a Guangdong
红头 notice, q2: a Hunan 请示 with attachments, q5: a WeChat repost)."""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest
import regex

import policyextract
from conftest import parse_fixture
from policyextract import resources
from policyextract.normalize import normalize
from policyextract.unwrap import footer_re, is_footer, unwrap_lines, wrap_stop_re, wrap_width

ROOT = Path(__file__).resolve().parents[1]
DIRTY2 = ROOT / "fixtures" / "blind" / "dirty2"
Q1 = DIRTY2 / "q1_guangdong_pdf_hongtou.txt"
Q2 = DIRTY2 / "q2_hunan_pdf_qingshi_fujian.txt"
Q5 = DIRTY2 / "q5_wechat_repost_changweihui.txt"


def _parse(path: Path):
    return parse_fixture(str(path.relative_to(ROOT / "fixtures")))


@lru_cache(maxsize=None)
def _norm(path: Path):
    return normalize(path.read_text(encoding="utf-8"))


# --- data files ---------------------------------------------------------------------------

def test_page_footer_patterns_compile_and_match_footers_only():
    for p in resources.data_lines("page_footers.txt"):
        regex.compile(p)
    for footer in ["— 3 —", "-3-", "- 12 -", "—3—", "第 3 页", "第3页 共12页", "共12页 第3页"]:
        assert is_footer(footer), footer
    for line in ["2024-05-20", "一、总体要求", "—", "3", "第三条", "1-3", "第3页脚注说明了什么"]:
        assert not is_footer(line), line


def test_wrap_stop_patterns_compile_and_match_unit_openings():
    for p in resources.data_lines("wrap_stops.txt"):
        regex.compile(p)
    for start in ["一、压紧压实防治责任", "（二）加强汛中巡查。", "1.洞庭湖区", "2、", "（1）", "第三条 ",
                  "一是全面压实", "附件1", "抄送：省委", "（联系人：周立平）", "2024年5月31日", "（此件公开发布）"]:
        assert wrap_stop_re().match(unicodedata.normalize("NFKC", start)), start  # rules read folded text
    for start in ["月15日前完成", "湘主持召开", "24年5月8日，", "34.74米", "18号", "地质灾害防治经费"]:
        assert not wrap_stop_re().match(start), start


def test_footer_lexicon_and_stops_are_unique():
    for name in ("page_footers.txt", "wrap_stops.txt"):
        rows = resources.data_lines(name)
        assert rows and len(rows) == len(set(rows)), name


# --- detection ----------------------------------------------------------------------------

@pytest.mark.parametrize("path", [Q1, Q2], ids=lambda p: p.stem)
def test_pdf_pages_are_detected_as_hard_wrapped(path):
    lines = [ln.strip() for ln in _norm(path).text.split("\n") if ln.strip()]
    # after unwrapping, re-detect on the input as folded text: the common width is 28 hanzi
    raw = [ln.strip() for ln in path.read_text(encoding="utf-8").split("\n") if ln.strip() and not is_footer(ln.strip())]
    assert wrap_width(raw) is not None and 27 <= wrap_width(raw) <= 30
    assert len(lines) < len(raw)


@pytest.mark.parametrize("kind", ["seeds", "probes", "blind/notices", "blind/dirty", "blind/seedlike", "blind/minutes"])
def test_web_pages_with_real_short_lines_are_left_alone(kind):
    pages = sorted((ROOT / "fixtures" / kind).glob("*.txt"))
    assert pages
    for page in pages:
        text = policyextract.parse(page.read_bytes()).text
        folded = normalize(text, steps=_steps_before_unwrap())
        assert unwrap_lines(folded.text) == [], page.name


def _steps_before_unwrap():
    from policyextract.normalize import default_steps

    return [s for s in default_steps() if s is not unwrap_lines]


# --- joins ----------------------------------------------------------------------------------

def test_document_number_cut_by_the_wrap_is_read_whole():
    assert _parse(Q1).documents[0].doc_number == "粤府办〔2024〕18号"


def test_date_cut_across_a_page_footer_is_read():
    doc = _parse(Q1).documents[0]
    hit = next(d for d in doc.dates if d.value == "2024-06-15")
    assert hit.source == "2024年6\n— 1 —\n月15日"
    assert _parse(Q1).text[hit.span[0]:hit.span[1]] == hit.source


def test_dates_cut_by_the_wrap_are_read():
    values = {d.value for d in _parse(Q1).documents[0].dates}
    assert {"2024-10-31", "2024-07-01"} <= values


def test_year_cut_in_two_and_name_cut_in_two_are_joined():
    doc = _parse(Q2).documents[0]
    assert [(m.date, m.chair) for m in doc.meetings] == [("2024-05-08", "刘建湘")]
    assert "刘建湘" in [p.name for p in doc.officials] and "刘建" not in [p.name for p in doc.officials]


def test_footers_are_dropped_from_the_text_the_rules_read():
    text = _norm(Q1).text
    assert "— 1 —" not in text and "-2-" not in text and "-4-" not in text
    assert "各地要将地质灾害防治经费纳入本级财政预算" in text  # joined across "-2-"


def test_heading_line_keeps_its_own_line():
    assert "\n一、压紧压实防治责任\n各地级以上市人民政府要切实履行" in _norm(Q1).text


def test_signature_block_and_bracketed_note_keep_their_lines():
    assert "确保工作需要。\n\n广东省人民政府办公厅\n2024年5月31日\n(此件公开发布)\n" in _norm(Q1).text


def test_table_rows_are_not_joined():
    text = _norm(Q2).text
    assert "12.3\n2  沅澧垸" in text


def test_number_cut_by_the_wrap_is_joined_on_a_wrapped_page():
    assert "最高水位34.74米" in _norm(Q2).text


def test_attachment_list_items_keep_their_lines():
    assert "附件:1.洞庭湖区重点垸堤防加固工程项目清单\n   2.洞庭湖区近年洪涝灾害损失情况" in _norm(Q2).text


def test_wrapped_title_is_left_to_the_header():
    assert _parse(Q1).documents[0].title == "广东省人民政府办公厅关于进一步加强汛期地质灾害防治工作的通知"


def test_cut_date_is_joined_on_a_page_that_is_not_wrapped():
    page = "关于做好汛期值班工作的通知\n各单位：\n请于2024年6\n月15日前报送值班表。\n某某县应急管理局\n2024年6月1日\n"
    assert [d.value for d in policyextract.parse(page).documents[0].dates] == ["2024-06-15", "2024-06-01"]


def test_short_lines_of_a_page_that_is_not_wrapped_stay_apart():
    page = "会议议程\n一、传达学习文件精神\n二、听取工作汇报\n三、研究部署下一步工作\n联系人：张明\n"
    assert normalize(page).text.split("\n") == unicodedata.normalize("NFKC", page).split("\n")


def test_join_maps_back_to_the_input():
    norm = _norm(Q2)
    at = norm.text.index("刘建湘主持")
    a, b = norm.to_original(at, at + 3)
    assert norm.original[a:b] == "刘建\n湘"


# --- 版记 and bylines --------------------------------------------------------------------------

def test_printing_date_of_the_banji_is_a_document_date():
    values = [d.value for d in _parse(Q1).documents[0].dates]
    assert "2024-06-03" in values and _parse(Q1).documents[0].issue_date == "2024-05-31"


def test_banji_distribution_list_gives_no_recipients():
    assert [r.name for r in _parse(Q1).documents[0].recipients] == ["各地级以上市人民政府", "省政府各部门", "各直属机构"]


def test_wechat_byline_date_is_page_metadata_not_a_document_date():
    doc = _parse(Q5).documents[0]
    values = [d.value for d in doc.dates]
    assert "2024-07-10" not in values
    assert "2024-07-09" in values  # 7月9日 takes the byline's year


def test_page_break_with_blank_lines_around_its_footer_is_joined():
    # pdftotext prints the footer between blank lines; the break is still mid-sentence
    page = Q2.read_text(encoding="utf-8").replace("\n— 1 —\n", "\n\n— 1 —\n\n")
    assert "纳入国家水网骨干工程和长江中下游防洪治理规划,力争2024年10月1日前开工建设" in normalize(page).text


def test_page_x_of_y_footer_is_dropped():
    page = Q1.read_text(encoding="utf-8").replace("\n-2-\n", "\n第 2 页 共 4 页\n")
    text = normalize(page).text
    assert "第 2 页" not in text and "各地要将地质灾害防治经费纳入本级财政预算" in text


def test_roster_lines_of_equal_width_are_no_wrapped_prose():
    lines = ["市委常委、常务副市长：王建国同志", "市委常委、组织部部长：李明华同志", "市委常委、宣传部部长：赵丽萍同志",
             "市委常委、政法委书记：孙志刚同志", "市委常委、统战部部长：周海燕同志", "市委常委、市委秘书长：吴国平同志"]
    assert wrap_width(lines) is None


def test_double_spaced_copy_is_unwrapped_too():
    # some PDF viewers copy every line followed by a blank line; paragraphs then have two
    page = Q1.read_text(encoding="utf-8").replace("\n\n", "\n\n\n").replace("\n", "\n\n").replace("\n\n\n\n\n\n", "\n\n\n\n")
    result = policyextract.parse(page)
    doc = result.documents[0]
    assert doc.doc_number == "粤府办〔2024〕18号"
    assert {"2024-06-15", "2024-10-31", "2024-07-01"} <= {d.value for d in doc.dates}
    assert [m.label for m in doc.measures] == ["一、", "二、", "三、", "四、", "五、"]


def test_chinese_numeral_date_cut_by_the_wrap_is_joined():
    page = "某某县人民政府关于做好秋季森林防火工作的通知\n各乡镇人民政府：\n请认真做好防火工作。\n某某县人民政府\n二〇二四年九\n月二十日\n"
    doc = policyextract.parse(page).documents[0]
    assert doc.issue_date == "2024-09-20"
