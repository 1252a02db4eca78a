"""Blind probe sets (fixtures/blind/): pages and gold written by reviewers who did not read the
code, from their knowledge of real notices and readouts, then scored with the referee. They are
self-written, so not a measure of the held-out set, but a regression guard on layouts the seeds
do not show: each field's micro F1 over a set must not fall below its floor (the score when the
floor was set; raise it when a change raises the score)."""
from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

import policyextract
from conftest import referee

BLIND = Path(__file__).resolve().parents[1] / "fixtures" / "blind"

FLOORS = {
    "notices": {"documents": 1.0, "title": 1.0, "doc_number": 1.0, "issuers": 1.0, "recipients": 1.0,
                "issue_date": 1.0, "measures": 1.0, "measure_headings": 1.0, "officials": 1.0,
                "official_titles": 1.0, "meetings": 1.0, "dates": 1.0},
    "readouts": {"documents": 1.0, "title": 1.0, "measures": 1.0, "measure_headings": 1.0,
                 "officials": 1.0, "official_titles": 1.0, "meetings": 1.0, "attendees": 1.0,
                 "dates": 1.0},
    "minutes": {"documents": 1.0, "title": 1.0, "doc_number": 1.0, "issuers": 1.0, "recipients": 1.0,
                "issue_date": 1.0, "measures": 1.0, "measure_headings": 1.0, "officials": 1.0,
                "official_titles": 1.0, "meetings": 1.0, "attendees": 1.0, "dates": 1.0},
    "dirty": {"documents": 1.0, "title": 1.0, "doc_number": 1.0, "issuers": 1.0, "recipients": 1.0,
              "issue_date": 1.0, "measures": 1.0, "measure_headings": 1.0, "officials": 1.0,
              "official_titles": 1.0, "meetings": 1.0, "attendees": 1.0, "dates": 1.0},
    # third round: new page kinds (personnel notices, column pages, PDF text, seed-like pages);
    # first scores were 0.00-0.97 on several fields, the floors are the scores after the fixes
    "notices2": {"documents": 1.0, "title": 1.0, "doc_number": 1.0, "issuers": 1.0, "recipients": 1.0,
                "issue_date": 1.0, "measures": 1.0, "measure_headings": 1.0, "officials": 1.0,
                "official_titles": 1.0, "meetings": 1.0, "dates": 1.0},
    "readouts2": {"documents": 1.0, "title": 1.0, "measures": 1.0, "measure_headings": 0.91,
                 "officials": 0.99, "official_titles": 0.99, "meetings": 1.0, "attendees": 1.0,
                 "dates": 1.0},
    "seedlike": {"documents": 1.0, "title": 1.0, "doc_number": 1.0, "issuers": 1.0, "recipients": 1.0,
                "issue_date": 1.0, "measures": 1.0, "measure_headings": 1.0, "officials": 1.0,
                "official_titles": 1.0, "meetings": 1.0, "attendees": 1.0, "dates": 1.0},
    "dirty2": {"documents": 1.0, "title": 1.0, "doc_number": 1.0, "issuers": 1.0, "recipients": 1.0,
              "issue_date": 1.0, "measures": 1.0, "measure_headings": 1.0, "officials": 1.0,
              "official_titles": 1.0, "meetings": 1.0, "attendees": 1.0, "dates": 1.0},
    # fourth round: the first scores (an estimate for unseen pages) were these floors
    "round4n": {"documents": 1.0, "title": 1.0, "doc_number": 1.0, "issuers": 1.0, "recipients": 1.0,
                "issue_date": 1.0, "measures": 1.0, "measure_headings": 1.0, "officials": 1.0,
                "official_titles": 1.0, "meetings": 1.0, "attendees": 1.0, "dates": 1.0},
    "round4r": {"documents": 1.0, "title": 1.0, "measures": 1.0, "measure_headings": 1.0,
                "officials": 1.0, "official_titles": 1.0, "meetings": 1.0, "attendees": 1.0, "dates": 1.0},
}


@lru_cache(maxsize=None)
def _counts(kind: str):
    sc = referee()
    g_all, s_all = {}, {}
    for page in sorted((BLIND / kind).glob("*.txt")):
        gold = json.loads((BLIND / f"{kind}_gold" / f"{page.stem}.json").read_text(encoding="utf-8"))
        got = policyextract.parse(page.read_bytes()).model_dump(mode="json")
        for field, c in sc.keys(gold).items():
            g_all.setdefault(field, Counter()).update(c)
        for field, c in sc.keys(got).items():
            s_all.setdefault(field, Counter()).update(c)
    return g_all, s_all


@pytest.mark.parametrize("kind,field,floor", [(k, f, v) for k, fields in FLOORS.items() for f, v in fields.items()],
                         ids=lambda x: str(x))
def test_blind_set_field_reaches_floor(kind, field, floor):
    sc = referee()
    g, s = _counts(kind)
    g, s = g.get(field, Counter()), s.get(field, Counter())
    tp = sum((g & s).values())
    f1 = sc._f1(tp, sum(s.values()) - tp, sum(g.values()) - tp)
    assert f1 is not None and f1 >= floor, f"{kind} {field}: F1 {f1} < {floor}"


def test_every_blind_page_has_gold():
    for kind in FLOORS:
        pages = {p.stem for p in (BLIND / kind).glob("*.txt")}
        golds = {p.stem for p in (BLIND / f"{kind}_gold").glob("*.json")}
        assert pages and pages == golds
