"""Hostile input: parse() returns a result or raises a PolicyExtractError, spans slice back to
their sources, the output validates against the JSON Schema, and the same bytes give the same
output. Property tests (hypothesis) plus the named hostile cases of issue 5 at test size (the
200k-char timings are in scripts/stress.py, ``make stress``)."""
from __future__ import annotations

import json
import random
from functools import lru_cache

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policyextract
from policyextract.errors import PolicyExtractError
from policyextract.records import ParseResult

from conftest import walk_located

FRAGMENTS = [
    "一、", "二、", "（一）", "（二）", "1.", "2、", "（1）", "一是", "第一，", "\n", "\n\n", "。", "，", "；", "：",
    "2020年1月25日", "1月25日", "2月3日", "〔2020〕", "国办发〔2020〕1号", "关于", "做好", "疫情防控", "工作的通知",
    "国务院办公厅", "各省、自治区、直辖市人民政府：", "李克强主持召开会议", "王沪宁出席", "中共中央政治局常委、国务院总理",
    "（", "）", "《", "》", "(yī)", "醫療", "东谈主", "专揽召开", "政事局", "服务", "率领", "?锻ㄖ\ue000诽岢?", "\ue000",
    "\x00", "\u3000", "\xa0", "<p>", "</p>", "<div>", "&nbsp;", "\ufeff", "\u200b", "?",
]

hostile_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=300),
    st.lists(st.sampled_from(FRAGMENTS), max_size=80).map("".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=5)), max_size=60).map("".join),
)
hostile_bytes = st.one_of(
    st.binary(max_size=600),
    hostile_text.map(lambda t: t.encode("utf-8", errors="surrogatepass")),
    hostile_text.map(lambda t: t.encode("gb18030", errors="replace")),
    hostile_text.map(lambda t: t.encode("utf-16", errors="replace")),
)


@lru_cache(maxsize=1)
def schema():
    return ParseResult.model_json_schema()


def parse_or_error(page):
    """parse(page), or None when it raised a PolicyExtractError on purpose.

    api.parse wraps a stray exception of a rule in a PolicyExtractError (the contract), but that
    is still a bug: such an error, chained from a non-library exception, fails the test.
    """
    try:
        return policyextract.parse(page)
    except PolicyExtractError as exc:
        cause = exc.__cause__
        if cause is not None and not isinstance(cause, (PolicyExtractError, RecursionError)):
            raise AssertionError(f"internal error on {page[:80]!r}") from cause
        return None


def check_result(result: ParseResult) -> None:
    for path, (a, b), source in walk_located(result):
        assert 0 <= a <= b <= len(result.text), path
        assert result.text[a:b] == source, path
    for doc in result.documents:
        for span in (doc.title_span, doc.doc_number_span):
            if span is not None:
                assert 0 <= span[0] <= span[1] <= len(result.text)
    data = json.loads(result.model_dump_json())
    jsonschema.validate(data, schema())


SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(hostile_text)
def test_any_text_parses_or_raises_a_library_error(page):
    result = parse_or_error(page)
    if result is not None:
        check_result(result)


@SETTINGS
@given(hostile_bytes)
def test_any_bytes_parse_or_raise_a_library_error(page):
    result = parse_or_error(page)
    if result is not None:
        check_result(result)
        assert result.encoding


@settings(max_examples=40, deadline=None)
@given(hostile_bytes)
def test_same_bytes_give_identical_output(page):
    first = parse_or_error(page)
    second = parse_or_error(page)
    if first is None:
        assert second is None
    else:
        assert first.model_dump_json() == second.model_dump_json()


def _real(n: int) -> str:
    from conftest import SEEDS

    body = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("00[01]_*.txt")))
    return (body * (n // len(body) + 1))[:n]


N = 20_000
RNG = random.Random(7)
HOSTILE = {
    "empty": "",
    "whitespace": " \n\t\u3000" * 100,
    "nul only": "\x00" * 1000,
    "nul bytes": b"\x00" * 1000,
    "nul interleaved": "".join(c + "\x00" for c in _real(N // 2)),
    "lone surrogates": "".join(c + ("\ud800" if i % 20 == 0 else "") for i, c in enumerate(_real(N))),
    "random bytes": bytes(RNG.getrandbits(8) for _ in range(N)),
    "random cjk": "".join(chr(RNG.randint(0x4E00, 0x9FFF)) for _ in range(N)),
    "long line without punctuation": "".join(c for c in _real(N * 2) if c not in "，。、；：,.;:\n ")[:N],
    "一、 × n": "一、" * (N // 2),
    "dates × n": "2020年1月25日" * (N // 10),
    "（ × n": "（" * N,
    "private use": "".join(chr(RNG.randint(0xE000, 0xE4C5)) for _ in range(N)),
    "nested html": "<div>" * 3000 + "通知" + "</div>" * 3000,
    "utf-16 without bom": _real(N).encode("utf-16-le"),
    "big5": "國務院辦公廳關於做好疫情防控工作的通知\n各省：\n一、加強領導。".encode("big5"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_named_hostile_inputs(name):
    result = parse_or_error(HOSTILE[name])
    if name in ("empty", "whitespace", "nul only"):
        assert result is None  # EmptyInputError
        return
    if result is not None:
        check_result(result)


def test_seed_pages_hold_the_properties():
    from conftest import SEED_NAMES, parsed

    for name in SEED_NAMES:
        check_result(parsed(name))


def test_spun_and_garbled_records_keep_sources_true_to_the_input():
    from conftest import parsed, seed_name

    for prefix in ("002", "004"):
        result = parsed(seed_name(prefix))
        located = list(walk_located(result))
        assert located
        for path, (a, b), source in located:
            assert result.text[a:b] == source


def test_non_library_errors_never_escape(monkeypatch):
    """A bug deep in a rule must still surface as a PolicyExtractError, not a raw exception."""
    from policyextract import api

    def boom(*args, **kwargs):
        raise IndexError("rule bug")

    monkeypatch.setattr(api, "extract_document", boom)
    with pytest.raises(PolicyExtractError):
        policyextract.parse("关于做好疫情防控工作的通知\n各省：\n一、加强领导。")
