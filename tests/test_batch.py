"""parse_many: order, ids, error records, equality with parse(), worker processes."""
from __future__ import annotations

import pytest

import policyextract
from policyextract import ErrorRecord, PageResult, ParseResult, parse_many

from conftest import SEED_NAMES, SEEDS, parsed


def _seed_pairs():
    return [(name, (SEEDS / f"{name}.txt").read_bytes()) for name in SEED_NAMES]


def _comparable(result: ParseResult) -> dict:
    return ParseResult.model_dump(result, mode="json", exclude={"id"})


def test_exported_from_package():
    assert policyextract.parse_many is parse_many
    assert "parse_many" in policyextract.__all__ and "to_dataframe" in policyextract.__all__


def test_plain_strings_get_positions_as_ids():
    out = list(parse_many(["关于做好春节期间工作的通知", "关于印发方案的通知"]))
    assert [r.id for r in out] == ["0", "1"]
    assert all(isinstance(r, PageResult) and isinstance(r, ParseResult) and r.ok for r in out)


def test_pairs_keep_their_ids_and_order():
    pairs = _seed_pairs()
    out = list(parse_many(pairs))
    assert [r.id for r in out] == [name for name, _ in pairs]


def test_mapping_records_like_jsonl():
    out = list(parse_many([{"id": 7, "text": "关于印发方案的通知"}, {"text": "通知"}]))
    assert [r.id for r in out] == ["7", "1"]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_same_result_as_parse(name):
    (item,) = parse_many([(name, (SEEDS / f"{name}.txt").read_bytes())])
    assert _comparable(item) == _comparable(parsed(name))


@pytest.mark.parametrize("bad, error", [
    ("", "EmptyInputError"),
    ("   \n\t", "EmptyInputError"),
    (b"", "EmptyInputError"),
    (["not", "a page"], "InputError"),
    (12345, "InputError"),
    (None, "InputError"),
])
def test_failing_page_becomes_error_record_and_stream_goes_on(bad, error):
    out = list(parse_many([("before", "关于印发方案的通知"), ("bad", bad), ("after", "关于印发方案的通知")]))
    assert [r.id for r in out] == ["before", "bad", "after"]
    assert [r.ok for r in out] == [True, False, True]
    assert isinstance(out[1], ErrorRecord)
    assert out[1].error == error and out[1].message


def test_max_chars_is_passed_to_parse():
    (item,) = parse_many([("big", "通知" * 50)], max_chars=10)
    assert not item.ok and item.error == "InputTooLargeError"


def test_input_is_consumed_lazily():
    seen = []

    def gen():
        for i in range(5):
            seen.append(i)
            yield f"关于第{i}项工作的通知"

    stream = parse_many(gen())
    first = next(stream)
    assert first.id == "0" and seen == [0]
    stream.close()


def test_error_record_schema():
    rec = ErrorRecord(id="x", error="DecodeError", message="bad bytes")
    assert rec.model_dump() == {"id": "x", "error": "DecodeError", "message": "bad bytes"}
    assert set(ErrorRecord.model_json_schema()["required"]) == {"error"}


def test_page_result_json_round_trip():
    (item,) = parse_many([("p1", "关于印发方案的通知")])
    back = PageResult.model_validate_json(item.model_dump_json())
    assert back == item and back.id == "p1"


@pytest.mark.parametrize("batch_size", [1, 2, 64])
def test_two_processes_same_results_in_order(batch_size):
    pairs = _seed_pairs() + [("empty", "")] + _seed_pairs()[:2]
    serial = list(parse_many(pairs))
    parallel = list(parse_many(pairs, n_process=2, batch_size=batch_size))
    assert [r.id for r in parallel] == [r.id for r in serial]
    assert [r.ok for r in parallel] == [r.ok for r in serial]
    for a, b in zip(serial, parallel):
        assert a.model_dump(mode="json") == b.model_dump(mode="json")


def test_spawn_context_works():
    out = list(parse_many([("a", "关于印发方案的通知"), ("b", "")], n_process=2, batch_size=1, mp_context="spawn"))
    assert [(r.id, r.ok) for r in out] == [("a", True), ("b", False)]


def test_worker_crash_becomes_error_records(monkeypatch):
    # A page whose parse kills the worker process (as an out-of-memory kill would).
    import policyextract.batch as batch

    real = batch.parse

    def fragile(page, **kw):
        if page == "CRASH":
            import os
            os._exit(3)
        return real(page, **kw)

    monkeypatch.setattr(batch, "parse", fragile)  # inherited by forked workers
    out = list(parse_many([("ok1", "关于印发方案的通知"), ("boom", "CRASH"), ("ok2", "关于印发方案的通知")],
                          n_process=2, batch_size=1, mp_context="fork"))
    assert [r.id for r in out] == ["ok1", "boom", "ok2"]
    assert out[1].error == "WorkerCrashed"
    assert out[2].ok


def test_rejects_bad_batch_size():
    with pytest.raises(ValueError):
        list(parse_many(["x"], batch_size=0))


@pytest.mark.parametrize("context, preload, expected", [("fork", None, 1), ("spawn", None, 0), ("fork", False, 0)])
def test_preload_in_parent_only_when_forking(monkeypatch, context, preload, expected):
    import policyextract.batch as batch

    calls = []
    monkeypatch.setattr(batch, "warm_up", lambda: calls.append(1))
    out = list(parse_many(["关于印发方案的通知"] * 2, n_process=2, mp_context=context, preload=preload))
    assert len(out) == 2 and len(calls) == expected


def test_warm_up_page_has_people():
    from policyextract.batch import WARM_UP_PAGE, warm_up

    warm_up()  # must not raise, whatever is loaded
    assert "主持" in WARM_UP_PAGE and "出席" in WARM_UP_PAGE


def test_documents_per_seed_match_gold():
    from conftest import gold

    out = list(parse_many((name, (SEEDS / f"{name}.txt").read_bytes()) for name in SEED_NAMES))
    assert {r.id: len(r.documents) for r in out} == {n: len(gold(n)["documents"]) for n in SEED_NAMES}
