"""policyextract.spark in Spark local mode (skipped without pyspark or java)."""
from __future__ import annotations

import json
import os
import shutil
import sys

import pytest

pytest.importorskip("pyspark")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs java", allow_module_level=True)

from conftest import SEED_NAMES, SEEDS, parsed  # noqa: E402

import policyextract  # noqa: E402
from policyextract import ParseResult  # noqa: E402
from policyextract.spark import json_schema_to_spark, parse_column, spark_schema  # noqa: E402

pytestmark = [pytest.mark.spark,
              pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")]


@pytest.fixture(scope="module")
def spark():
    os.environ["PYSPARK_PYTHON"] = sys.executable  # workers must import this checkout's policyextract
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[2]").appName("policyextract-test")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.driver.memory", "1g")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def out(spark):
    rows = [(n, (SEEDS / f"{n}.txt").read_text(encoding="utf-8")) for n in SEED_NAMES] + [("empty", "  ")]
    df = spark.createDataFrame(rows, "id string, text string").repartition(2)
    result = parse_column(df, "text")
    return {r["id"]: r for r in result.collect()}


def _expected(name: str) -> dict:
    text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")  # the str column, as given to Spark
    return policyextract.parse(text).model_dump(mode="json", exclude={"text"})


def _plain(value):
    """Spark Row / list structure -> plain JSON-like Python (spans as lists)."""
    if hasattr(value, "asDict"):
        return {k: _plain(v) for k, v in value.asDict(recursive=False).items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def test_schema_is_a_struct_following_pydantic():
    from pyspark.sql import types as T

    st = spark_schema()
    assert isinstance(st, T.StructType)
    assert [f.name for f in st.fields] == list(ParseResult.model_json_schema()["properties"])
    assert "text" not in spark_schema(include_text=False).fieldNames()
    notice = st["documents"].dataType.elementType
    assert isinstance(notice, T.StructType)
    assert notice["span"].dataType == T.ArrayType(T.LongType(), True)
    assert notice["title"].dataType == T.StringType()
    assert isinstance(notice["meetings"].dataType.elementType["attendees"].dataType.elementType, T.StructType)


def test_recursion_is_unrolled_to_max_depth():
    st = spark_schema(max_depth=2)
    measure = st["documents"].dataType.elementType["measures"].dataType.elementType
    child = measure["children"].dataType.elementType
    assert "children" not in child.fieldNames()


def test_json_schema_types():
    from pyspark.sql import types as T

    schema = {"type": "object", "properties": {
        "a": {"anyOf": [{"type": "integer"}, {"type": "null"}]},
        "b": {"type": "array", "items": {"type": "number"}},
        "c": {"type": "boolean"},
    }}
    st = json_schema_to_spark(schema)
    assert [f.dataType for f in st.fields] == [T.LongType(), T.ArrayType(T.DoubleType(), True), T.BooleanType()]


def test_columns_pass_through_and_struct_added(spark):
    df = spark.createDataFrame([("a", "关于印发方案的通知", 1)], "id string, text string, n int")
    result = parse_column(df, "text")
    assert result.columns == ["id", "text", "n", "parsed", "parse_error"]
    row = result.collect()[0]
    assert row["n"] == 1 and row["parse_error"] is None


@pytest.mark.parametrize("name", SEED_NAMES)
def test_parsed_struct_equals_parse(out, name):
    row = out[name]
    assert row["parse_error"] is None
    got = _plain(row["parsed"])
    assert got == _expected(name)


def test_failing_page_gives_error_struct(out):
    row = out["empty"]
    assert row["parsed"] is None
    assert row["parse_error"]["error"] == "EmptyInputError"


def test_binary_column_keeps_decoded_text(spark):
    page = (SEEDS / f"{SEED_NAMES[0]}.txt").read_bytes()
    df = spark.createDataFrame([("b", bytearray(page))], "id string, raw binary")
    row = parse_column(df, "raw").collect()[0]
    assert row["parsed"]["text"] == parsed(SEED_NAMES[0]).text
    assert row["parsed"]["encoding"] is not None


def test_struct_fields_are_queryable(spark, out):
    from pyspark.sql import functions as F

    rows = [(n, (SEEDS / f"{n}.txt").read_text(encoding="utf-8")) for n in SEED_NAMES[:2]]
    df = parse_column(spark.createDataFrame(rows, "id string, text string"), "text")
    docs = df.select("id", F.explode("parsed.documents").alias("d")).select("id", "d.span", "d.title").collect()
    expected = [(n, list(d.span), d.title) for n in SEED_NAMES[:2] for d in parsed(n).documents]
    assert sorted((r["id"], list(r["span"]), r["title"]) for r in docs) == sorted(expected, key=lambda t: (t[0], t[1]))
    assert json.dumps([r["title"] for r in docs], ensure_ascii=False)
