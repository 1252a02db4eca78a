"""Organisations from the NER model where the organ-suffix rule does not recognise one
(extract/header.py: model_organs). Notices laid out as real joint notices are (GB/T 9704):
共青团中央 and 全国妇联 end in no organ suffix (部/委/局/厅/院/办公室/政府/…)."""
from __future__ import annotations

import pytest

import policyextract
from policyextract.extract import common

JOINT = """关于开展2024年全国青少年禁毒宣传活动的通知
各省、自治区、直辖市团委、妇联：
为深入贯彻落实禁毒工作部署，现就有关事项通知如下。
一、活动主题
珍爱生命，远离毒品。
二、工作要求
各地要加强组织领导，认真做好宣传。
共青团中央  全国妇联
2024年5月20日
"""

TITLED = """共青团中央关于表彰2023年度全国优秀共青团员的决定
各省级团委：
经研究，决定授予100名同志全国优秀共青团员称号。
2024年5月4日
"""


def _issuers(page):
    return [(o.name, o.source) for o in policyextract.parse(page).documents[0].issuers]


def test_signature_organs_from_model():
    assert _issuers(JOINT) == [("共青团中央", "共青团中央"), ("全国妇联", "全国妇联")]


def test_signature_spans_index_the_input():
    res = policyextract.parse(JOINT)
    for o in res.documents[0].issuers:
        assert res.text[o.span[0]:o.span[1]] == o.name


def test_title_prefix_organ_from_model():
    assert _issuers(TITLED) == [("共青团中央", "共青团中央")]


def test_issue_date_still_read_below_model_signature():
    assert policyextract.parse(JOINT).documents[0].issue_date == "2024-05-20"


@pytest.mark.parametrize("page", [JOINT, TITLED])
def test_rules_alone_find_no_issuer_here(page, monkeypatch):
    monkeypatch.setitem(common.NER_STATE, "ok", False)  # model unavailable: rules only
    assert _issuers(page) == []


@pytest.mark.parametrize("line", [
    "各地要加强组织领导，认真做好宣传。",  # a sentence: never sent to the model
    "联系人：张三",
    "2024年5月20日",
])
def test_body_lines_are_not_organs(line):
    from policyextract.extract.header import model_organs

    class Ctx:  # model_organs only calls ctx.loc when it returns organs
        def loc(self, a, b):
            raise AssertionError("no organ expected")

    assert model_organs(Ctx(), 0, line) == []
