"""Decoding bytes in the common encodings, HTML reduction, size limit, surrogates."""
from __future__ import annotations

import pytest

import policyextract
from policyextract.decode import decode_input
from policyextract.errors import EmptyInputError, InputError, InputTooLargeError, PolicyExtractError
from policyextract.html import html_to_text, looks_like_html

from conftest import SEEDS, seed_name


def seed_text(prefix: str) -> str:
    return (SEEDS / f"{seed_name(prefix)}.txt").read_text(encoding="utf-8")


SIMPLIFIED = seed_text("000").replace("\xa0", " ")  # GBK has no NBSP
TRADITIONAL = "".join(c for c in seed_text("004")[:3000] if c.encode("big5", errors="ignore"))


@pytest.mark.parametrize("codec,expected", [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8"),
    ("gb18030", "gb18030"),
    ("gbk", "gb18030"),
    ("utf-16", "utf-16-le"),          # Python writes a little-endian BOM
    ("utf-16-le", "utf-16-le"),
    ("utf-16-be", "utf-16-be"),
])
def test_simplified_page_in_each_encoding(codec, expected):
    text, enc, warnings = decode_input(SIMPLIFIED.encode(codec))
    assert text == SIMPLIFIED
    assert enc == expected
    assert warnings[0].startswith(f"decoded as {expected}")


@pytest.mark.parametrize("codec", ["big5", "utf-8", "gb18030", "utf-16-be"])
def test_traditional_page_in_each_encoding(codec):
    text, enc, _ = decode_input(TRADITIONAL.encode(codec))
    assert text == TRADITIONAL and enc == codec


@pytest.mark.parametrize("sample", ["国务院办公厅关于进一步做好疫情防控工作的通知", "國務院辦公廳關於做好疫情防控工作的通知"])
@pytest.mark.parametrize("codec", ["gb18030", "utf-16-le"])
def test_short_titles_decode(sample, codec):
    assert decode_input(sample.encode(codec))[0] == sample


def test_parse_reports_encoding():
    result = policyextract.parse(SIMPLIFIED.encode("gb18030"))
    assert result.encoding == "gb18030"
    assert "decoded as gb18030" in result.warnings
    assert result.text == SIMPLIFIED


def test_str_input_has_no_encoding():
    assert decode_input("通知")[1] is None


def test_random_bytes_decode_with_a_warning():
    import random

    data = bytes(random.Random(1).getrandbits(8) for _ in range(2000))
    text, enc, warnings = decode_input(data)
    assert text and enc


@pytest.mark.parametrize("page", ["", "   \n\t", b"", b"\xef\xbb\xbf  \n", "\u3000\u3000", "\x00\x00"])
def test_empty_input_raises(page):
    with pytest.raises(EmptyInputError):
        decode_input(page)


def test_wrong_type_raises_input_error():
    with pytest.raises(InputError):
        policyextract.parse(12345)  # type: ignore[arg-type]


@pytest.mark.parametrize("page", ["通知" * 600, ("通知" * 600).encode("utf-8")])
def test_size_limit(page):
    with pytest.raises(InputTooLargeError) as info:
        policyextract.parse(page, max_chars=1000)
    assert isinstance(info.value, PolicyExtractError) and "max_chars" in str(info.value)


def test_lone_surrogates_become_replacement_chars():
    text, _, warnings = decode_input("关于\ud800做好\udfff工作的通知")
    assert text == "关于\ufffd做好\ufffd工作的通知"
    assert any("lone surrogate" in w for w in warnings)
    result = policyextract.parse("关于\ud800做好工作的通知\n各省：\n一、加强领导。")
    result.model_dump_json()  # serialisable


HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>国务院办公厅关于做好疫情防控工作的通知</title>
<style>p { color: red }</style><script>var x = "<p>不要</p>";</script></head>
<body><nav>首页 &gt; 政策</nav><div class="content">
<p>各省、自治区、直辖市人民政府：</p>
<p>一、加强&nbsp;组织&amp;领导。</p><p>二、做好<b>物资</b>保障。<br/>三、及时报告。</p>
</div></body></html>"""


def test_html_is_detected_and_reduced_with_paragraph_breaks():
    assert looks_like_html(HTML)
    text = html_to_text(HTML)
    assert text.splitlines()[0] == "国务院办公厅关于做好疫情防控工作的通知"
    assert "各省、自治区、直辖市人民政府：\n\n一、加强\xa0组织&领导。\n\n二、做好物资保障。\n三、及时报告。" in text
    assert "不要" not in text and "color" not in text and "首页" not in text


def test_parse_of_html_indexes_the_reduced_text():
    result = policyextract.parse(HTML.encode("gb18030"))
    assert result.encoding == "gb18030"
    assert "<p>" not in result.text and result.text.startswith("国务院办公厅")
    assert any(w.startswith("HTML input reduced to text") for w in result.warnings)
    from conftest import walk_located

    for path, (a, b), source in walk_located(result):
        assert result.text[a:b] == source, path


@pytest.mark.parametrize("text", ["一、加强领导。a<b 且 c>d", "1<2 是对的", "（一）<按规定>执行"])
def test_plain_text_with_angle_brackets_is_not_html(text):
    assert not looks_like_html(text)


def test_broken_html_does_not_raise():
    assert "正文" in html_to_text("<div><p>正文<td></div></span><script>")


# ---------------------------------------------------------------------------------------------
# str input that a client decoded as Latin-1: what `requests` returns as .text for a page served
# without a charset in its Content-Type (it falls back to ISO-8859-1)
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("prefix,page_encoding", [("000", "utf-8"), ("001", "gb18030")])
def test_latin1_misread_seed_parses_like_the_original(prefix, page_encoding):
    from conftest import SEEDS, seed_name

    original = (SEEDS / f"{seed_name(prefix)}.txt").read_text(encoding="utf-8")
    misread = original.encode(page_encoding).decode("latin-1")
    assert "国" not in misread
    got, want = policyextract.parse(misread), policyextract.parse(original)
    assert got.encoding == page_encoding
    assert any("read as Latin-1" in w for w in got.warnings)
    assert got.text == want.text
    assert [d.title for d in got.documents] == [d.title for d in want.documents]
    assert [len(d.measures) for d in got.documents] == [len(d.measures) for d in want.documents]


def test_latin1_misread_saved_as_utf8_file_is_repaired():
    text = "国务院办公厅关于进一步做好稳就业工作的意见\n国务院办公厅\n2021年4月20日\n"
    data = text.encode("utf-8").decode("latin-1").encode("utf-8")  # saved after the misread
    res = policyextract.parse(data)
    assert res.text == text and res.documents[0].title == "国务院办公厅关于进一步做好稳就业工作的意见"


@pytest.mark.parametrize("text", [
    "Café déjà vu — résumé naïve façade, São Paulo. Ça va très bien, merci! Über straße.",
    "国务院 café ÷ × ± 关于…的通知",   # CJK present: never re-read
])
def test_real_latin_text_is_left_alone(text):
    res = policyextract.parse(text)
    assert res.text == text and res.encoding is None
