"""Expected values from the seed pages, one case per line of cases/records.jsonl.

Each case names a seed, a document index, a path into the Notice (``a.b[3].c``, ``[*]`` maps)
and the expected value; ``tag`` says where it came from (seed, bug, gap — gaps are xfail).
"""
from __future__ import annotations

import json

import pytest

from conftest import CASES


def _get(obj, path: str):
    if not path:
        return obj
    head, _, rest = path.partition(".")
    name, *idx = head.replace("]", "").split("[")
    cur = getattr(obj, name) if name else obj
    for i in idx:
        if i == "*":
            return [_get(x, rest) for x in cur]
        cur = cur[int(i)]
    return _get(cur, rest)


def _load():
    out = []
    for n, line in enumerate((CASES / "records.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        case = json.loads(line)
        marks = [pytest.mark.xfail(reason=case.get("why", "known gap"), strict=False)] if case["tag"] == "gap" else []
        out.append(pytest.param(case, id=f"{case['tag']}-{case['seed']}-d{case['doc']}-{case['path']}-L{n}", marks=marks))
    return out


@pytest.mark.parametrize("case", _load())
def test_expected_record(case, seed):
    doc = seed(case["seed"]).documents[case["doc"]]
    assert _get(doc, case["path"]) == case["expect"], case.get("why", "")
