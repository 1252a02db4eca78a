"""Apache Spark: parse a DataFrame column of page texts into a struct column (``spark`` extra).

>>> from policyextract.spark import parse_column
>>> out = parse_column(df, "text")            # df: any DataFrame with a string/binary column
>>> out.select("id", F.explode("parsed.documents").alias("doc")).select("id", "doc.title")

How it runs: ``mapInPandas`` over the partitions. In each Python worker process the parser and
its models load once (module-level caches in :mod:`policyextract.nlp`, kept while Spark reuses
the worker, ``spark.python.worker.reuse`` — the default) and every page of the Arrow batches
that process sees is parsed with them. Each page becomes one JSON string, turned into the
``parsed`` struct column by ``from_json`` with a Spark schema derived from the pydantic JSON
schema of :class:`~policyextract.ParseResult` (:func:`spark_schema`). A page that fails has
``parsed`` null and ``parse_error`` = ``{error, message}``; other columns pass through.

Two differences from the pydantic schema, both forced by Spark types:

* ``Measure.children`` is recursive, Spark types are not: the schema is unrolled to
  ``max_depth`` levels of measures (default 6; deeper children are dropped);
* spans (``[start, end]``) are ``array<bigint>``.

The page text is left out of ``parsed`` by default (``include_text=False``) when the input column
is a string column — spans index into that column as is; for a binary column the decoded text is
kept, since spans index into it.

The workers must run a Python with ``policyextract`` installed (``PYSPARK_PYTHON``).
"""
from __future__ import annotations

from typing import Any, Dict, Iterator, List, Optional

from .batch import parse_one
from .records import ParseResult

_JSON_COL = "__policyextract_json"
_ERR_COL = "__policyextract_error"
_MSG_COL = "__policyextract_message"


def _pyspark_types():
    try:
        from pyspark.sql import types as T
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError("policyextract.spark needs pyspark: pip install 'policyextract[spark]'") from exc
    return T


def json_schema_to_spark(schema: Dict[str, Any], max_depth: int = 6):
    """A Spark ``DataType`` for a (pydantic v2) JSON schema; ``$ref`` recursion is unrolled
    ``max_depth`` times and then cut (the field that would recurse is left out)."""
    T = _pyspark_types()
    defs = schema.get("$defs", {})

    def convert(node: Dict[str, Any], stack: List[str]):
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            if stack.count(name) >= max_depth:
                return None
            return convert(defs[name], stack + [name])
        for key in ("anyOf", "oneOf"):
            if key in node:
                options = [o for o in node[key] if o.get("type") != "null"]
                if len(options) == 1:
                    return convert(options[0], stack)
                return T.StringType()  # a real union: keep it as JSON text
        if "allOf" in node and len(node["allOf"]) == 1:
            return convert(node["allOf"][0], stack)
        kind = node.get("type")
        if kind == "object" or "properties" in node:
            fields = []
            for name, sub in node.get("properties", {}).items():
                dtype = convert(sub, stack)
                if dtype is not None:
                    fields.append(T.StructField(name, dtype, True))
            return T.StructType(fields)
        if kind == "array":
            if "items" in node:
                inner = convert(node["items"], stack)
            else:  # tuple: prefixItems of one type (spans)
                kinds = [convert(p, stack) for p in node.get("prefixItems", [])]
                inner = kinds[0] if kinds and all(k == kinds[0] for k in kinds) else T.StringType()
            return None if inner is None else T.ArrayType(inner, True)
        return {"string": T.StringType(), "integer": T.LongType(), "number": T.DoubleType(),
                "boolean": T.BooleanType()}.get(kind, T.StringType())

    return convert(schema, [])


def spark_schema(include_text: bool = True, max_depth: int = 6):
    """The Spark ``StructType`` of the ``parsed`` column (see the module docstring)."""
    T = _pyspark_types()
    struct = json_schema_to_spark(ParseResult.model_json_schema(), max_depth=max_depth)
    if not include_text:
        struct = T.StructType([f for f in struct.fields if f.name != "text"])
    return struct


def _parse_batches(batches: Iterator[Any], text_col: str, include_text: bool,
                   parse_kwargs: Dict[str, Any]) -> Iterator[Any]:
    """mapInPandas body: runs in the Python workers; the models load there, once per process."""
    exclude = {"id"} if include_text else {"id", "text"}
    for pdf in batches:
        jsons: List[Optional[str]] = []
        errors: List[Optional[str]] = []
        messages: List[Optional[str]] = []
        for page in pdf[text_col]:
            item = parse_one("", None if page is None else page, **parse_kwargs)
            if item.ok:
                jsons.append(item.model_dump_json(exclude=exclude))
                errors.append(None)
                messages.append(None)
            else:
                jsons.append(None)
                errors.append(item.error)
                messages.append(item.message)
        pdf = pdf.copy()
        pdf[_JSON_COL] = jsons
        pdf[_ERR_COL] = errors
        pdf[_MSG_COL] = messages
        yield pdf


def parse_column(df, text_col: str = "text", *, output_col: str = "parsed",
                 error_col: str = "parse_error", include_text: Optional[bool] = None,
                 max_depth: int = 6, **parse_kwargs: Any):
    """``df`` with two more columns: ``output_col`` (struct following the ``ParseResult`` schema,
    null for a page that failed) and ``error_col`` (``struct<error, message>``, null on success).

    ``text_col`` holds the pages (string, or binary for undecoded bytes). ``include_text``:
    keep ``ParseResult.text`` in the struct (default: only for a binary column). Further keyword
    arguments go to :func:`policyextract.parse` (e.g. ``max_chars``).
    """
    T = _pyspark_types()
    from pyspark.sql import functions as F

    source_type = df.schema[text_col].dataType
    if include_text is None:
        include_text = isinstance(source_type, T.BinaryType)
    out_schema = T.StructType(list(df.schema.fields) + [
        T.StructField(_JSON_COL, T.StringType(), True),
        T.StructField(_ERR_COL, T.StringType(), True),
        T.StructField(_MSG_COL, T.StringType(), True),
    ])
    parsed_type = spark_schema(include_text=include_text, max_depth=max_depth)
    kwargs = dict(parse_kwargs)

    def run(batches):  # closure shipped to the workers (cloudpickle); the work is in _parse_batches
        return _parse_batches(batches, text_col, include_text, kwargs)

    raw = df.mapInPandas(run, out_schema)
    error = F.when(F.col(_ERR_COL).isNull(), F.lit(None)).otherwise(
        F.struct(F.col(_ERR_COL).alias("error"), F.col(_MSG_COL).alias("message")))
    return (raw.withColumn(output_col, F.from_json(F.col(_JSON_COL), parsed_type))
               .withColumn(error_col, error)
               .drop(_JSON_COL, _ERR_COL, _MSG_COL))
