"""examples/ run as a user would run them (subprocesses) on the fixtures."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

from conftest import GOLD, ROOT, SEED_NAMES, SEEDS, parsed  # noqa: E402

EXAMPLES = ROOT / "examples"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _run(*args, timeout=300):
    proc = subprocess.run([sys.executable, *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", timeout=timeout, cwd=ROOT)
    return proc


def _walk(measures):
    for m in measures:
        yield m
        yield from _walk(m.children)


@pytest.fixture(scope="module")
def etl_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("etl")
    proc = _run(EXAMPLES / "etl_to_parquet.py", SEEDS, out, "--jobs", "2", "--chunk", "2")
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.mark.parametrize("table", ["documents", "measures", "officials", "meetings", "attendees", "errors"])
def test_etl_writes_every_table(etl_out, table):
    assert (etl_out / f"{table}.parquet").stat().st_size > 0
    pd.read_parquet(etl_out / f"{table}.parquet")


def test_etl_documents_hold_real_rows(etl_out):
    df = pd.read_parquet(etl_out / "documents.parquet")
    assert len(df) == sum(len(parsed(n).documents) for n in SEED_NAMES) >= len(SEED_NAMES)
    assert set(df.page_id) == {f"{n}.txt" for n in SEED_NAMES}
    assert df.title.notna().any()


def test_etl_measures_hold_real_rows(etl_out):
    df = pd.read_parquet(etl_out / "measures.parquet")
    assert len(df) == sum(1 for n in SEED_NAMES for d in parsed(n).documents for _ in _walk(d.measures))
    assert len(df) > 0 and df.label.notna().all()


def test_etl_people_tables_match_parse(etl_out):
    off = pd.read_parquet(etl_out / "officials.parquet")
    meet = pd.read_parquet(etl_out / "meetings.parquet")
    assert len(off) == sum(len(d.officials) for n in SEED_NAMES for d in parsed(n).documents)
    assert len(meet) == sum(len(d.meetings) for n in SEED_NAMES for d in parsed(n).documents)


def test_etl_reports_failures(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "empty.txt").write_text("", encoding="utf-8")
    (pages / "ok.txt").write_bytes((SEEDS / f"{SEED_NAMES[0]}.txt").read_bytes())
    proc = _run(EXAMPLES / "etl_to_parquet.py", pages, tmp_path / "out")
    assert proc.returncode == 1
    errors = pd.read_parquet(tmp_path / "out" / "errors.parquet")
    assert list(errors.page_id) == ["empty.txt"] and list(errors.error) == ["EmptyInputError"]


def _check_png(path):
    data = path.read_bytes()
    assert data[:8] == PNG_MAGIC and len(data) > 5000


def test_analysis_on_etl_output(etl_out, tmp_path):
    proc = _run(EXAMPLES / "analysis.py", etl_out, tmp_path)
    assert proc.returncode == 0, proc.stderr
    _check_png(tmp_path / "meetings.png")
    weeks = pd.read_csv(tmp_path / "meetings_per_week.csv")
    meetings = pd.read_parquet(etl_out / "meetings.parquet")
    assert weeks["meetings"].sum() <= meetings["date"].notna().sum()
    assert (len(weeks) > 0) == bool(meetings["date"].notna().any())
    co = pd.read_csv(tmp_path / "coattendance.csv")
    attendees = pd.read_parquet(etl_out / "attendees.parquet")
    assert (len(co) > 0) == (len(attendees) > 0)


@pytest.fixture()
def gold_tables(tmp_path):
    """meetings/attendees tables built from the gold records: the analysis on real meetings."""
    meetings, attendees = [], []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for d, doc in enumerate(gold["documents"]):
            for k, m in enumerate(doc.get("meetings") or []):
                base = {"page_id": path.stem, "doc_index": d, "meeting_index": k}
                meetings.append({**base, "date": m.get("date"), "name": None, "chair": m.get("chair"),
                                 "n_attendees": len(m.get("attendees") or []), "start": 0, "end": 0, "source": ""})
                for a in m.get("attendees") or []:
                    attendees.append({**base, "meeting_date": m.get("date"), "meeting_name": None,
                                      "chair": m.get("chair"), "name": a, "role": "出席",
                                      "start": 0, "end": 0, "source": ""})
    src = tmp_path / "tables"
    src.mkdir()
    pd.DataFrame(meetings).to_parquet(src / "meetings.parquet")
    pd.DataFrame(attendees).to_parquet(src / "attendees.parquet")
    return src, meetings


def test_analysis_on_real_meetings(gold_tables, tmp_path):
    src, meetings = gold_tables
    out = tmp_path / "out"
    proc = _run(EXAMPLES / "analysis.py", src, out)
    assert proc.returncode == 0, proc.stderr
    _check_png(out / "meetings.png")
    weeks = pd.read_csv(out / "meetings_per_week.csv", parse_dates=["week"])
    distinct = {(m["date"], m["chair"] or "") for m in meetings if m["date"]}
    assert weeks["meetings"].sum() == len(distinct)
    assert (weeks["week"].dt.day_of_week == 0).all()  # weeks start on Monday
    co = pd.read_csv(out / "coattendance.csv")
    top = co.iloc[0]
    assert "李克强" in (top.a, top.b) and top.meetings >= 5


def test_analysis_parses_a_pages_dir(tmp_path):
    proc = _run(EXAMPLES / "analysis.py", SEEDS, tmp_path)
    assert proc.returncode == 0, proc.stderr
    _check_png(tmp_path / "meetings.png")


def test_spark_etl(tmp_path):
    import shutil

    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Spark needs java")
    proc = _run(EXAMPLES / "spark_etl.py", SEEDS, tmp_path, "--master", "local[2]", timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    parsed_tab = pd.read_parquet(tmp_path / "parsed")
    docs = pd.read_parquet(tmp_path / "documents")
    att = pd.read_parquet(tmp_path / "attendees")
    assert len(parsed_tab) == len(SEED_NAMES) and parsed_tab["parse_error"].isna().all()
    by_page = docs.assign(name=docs.path.str.rsplit("/", n=1).str[-1].str[:-4]).groupby("name").size().to_dict()
    assert by_page == {n: len(parsed(n).documents) for n in SEED_NAMES if parsed(n).documents}
    assert len(att) == sum(len(m.attendees) for n in SEED_NAMES for d in parsed(n).documents for m in d.meetings)
