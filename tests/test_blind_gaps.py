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
