"""to_dataframe: flat tables with page id, document index, spans and sources."""
from __future__ import annotations

import pytest

pd = pytest.importorskip("pandas")

from conftest import SEED_NAMES, SEEDS, parsed  # noqa: E402

from policyextract import parse_many, to_dataframe  # noqa: E402
from policyextract.tables import COLUMNS, TABLES, iter_rows  # noqa: E402


@pytest.fixture(scope="module")
def results():
    pairs = [(name, (SEEDS / f"{name}.txt").read_bytes()) for name in SEED_NAMES] + [("broken", "")]
    return list(parse_many(pairs))


def _walk(measures):
    for m in measures:
        yield m
        yield from _walk(m.children)


@pytest.mark.parametrize("table", TABLES)
def test_columns_are_fixed(results, table):
    df = to_dataframe(results, table=table)
    assert list(df.columns) == list(COLUMNS[table])


@pytest.mark.parametrize("table", TABLES)
def test_empty_input_gives_empty_frame_with_columns(table):
    df = to_dataframe([], table=table)
    assert len(df) == 0 and list(df.columns) == list(COLUMNS[table])


def test_unknown_table_is_an_error(results):
    with pytest.raises(ValueError, match="unknown table"):
        to_dataframe(results, table="people")


def test_documents_one_row_per_notice(results):
    df = to_dataframe(results, table="documents")
    for name in SEED_NAMES:
        docs = parsed(name).documents
        rows = df[df.page_id == name]
        assert list(rows.doc_index) == list(range(len(docs)))
        assert list(rows.title.fillna("<none>")) == [d.title or "<none>" for d in docs]
        assert list(rows.n_measures) == [sum(1 for _ in _walk(d.measures)) for d in docs]
    assert "broken" not in set(df.page_id)


def test_seed_000_has_documents(results):
    df = to_dataframe(results, table="documents")
    assert (df.page_id == SEED_NAMES[0]).sum() >= 1


def test_measures_every_item_at_every_depth(results):
    df = to_dataframe(results, table="measures")
    for name in SEED_NAMES:
        expected = sum(1 for d in parsed(name).documents for _ in _walk(d.measures))
        assert (df.page_id == name).sum() == expected
    if len(df):
        top = df[df.depth == 1]
        assert top.parent_path.isna().all()
        deeper = df[df.depth > 1]
        assert all(p.startswith(pp + ".") for p, pp in zip(deeper.path, deeper.parent_path))


@pytest.mark.parametrize("table", ["documents", "measures", "officials", "meetings", "attendees"])
def test_spans_point_at_their_source(results, table):
    df = to_dataframe(results, table=table)
    texts = {r.id: r.text for r in results if r.ok}
    for row in df.dropna(subset=["start"]).itertuples():
        assert texts[row.page_id][row.start:row.end] == row.source


def test_officials_and_attendees_match_records(results):
    off = to_dataframe(results, table="officials")
    att = to_dataframe(results, table="attendees")
    for name in SEED_NAMES:
        docs = parsed(name).documents
        assert list(off[off.page_id == name].name) == [o.name for d in docs for o in d.officials]
        assert list(att[att.page_id == name].name) == [a.name for d in docs for m in d.meetings for a in m.attendees]


def test_meetings_match_records(results):
    df = to_dataframe(results, table="meetings")
    for name in SEED_NAMES:
        docs = parsed(name).documents
        rows = df[df.page_id == name]
        assert list(rows.date.fillna("")) == [m.date or "" for d in docs for m in d.meetings]
        assert list(rows.n_attendees) == [len(m.attendees) for d in docs for m in d.meetings]


def test_errors_table(results):
    df = to_dataframe(results, table="errors")
    assert list(df.page_id) == ["broken"]
    assert list(df.error) == ["EmptyInputError"]


def test_plain_parse_results_use_positions_as_ids():
    df = to_dataframe([parsed(SEED_NAMES[0]), parsed(SEED_NAMES[1])], table="documents")
    assert set(df.page_id) <= {"0", "1"}


def test_single_result_and_dicts_are_accepted():
    r = parsed(SEED_NAMES[0])
    one = to_dataframe(r, table="documents")
    dumped = to_dataframe([r.model_dump(mode="json")], table="documents")
    assert len(one) == len(dumped) == len(r.documents)
    assert list(one.title.fillna("")) == list(dumped.title.fillna(""))


def test_dtypes(results):
    df = to_dataframe(results, table="measures")
    assert str(df["start"].dtype) == "Int64" and str(df["doc_index"].dtype) == "Int64"
    assert str(df["label"].dtype) == "string"


def test_iter_rows_needs_no_pandas(results):
    rows = list(iter_rows(results, "documents"))
    assert rows and set(rows[0]) == set(COLUMNS["documents"])


def test_parquet_round_trip(results, tmp_path):
    pytest.importorskip("pyarrow")
    df = to_dataframe(results, table="measures")
    df.to_parquet(tmp_path / "m.parquet")
    back = pd.read_parquet(tmp_path / "m.parquet")
    assert len(back) == len(df)
