"""Batch parsing: ``parse_many(pages, n_process=N, batch_size=B)`` streams results in input order.

Input: an iterable (consumed lazily, so it can be a generator over millions of files) whose
items are any of

* ``str`` or ``bytes`` — the page; its id is its position in the input (``"0"``, ``"1"``, …);
* an ``(id, page)`` pair — ``id`` is kept as given (converted to ``str``);
* a mapping with ``"text"`` (and optionally ``"id"``), the shape of a JSON Lines record
  ``{"id": …, "text": …}``.

Output: one item per input item, in input order, each either

* a :class:`PageResult` — a :class:`~policyextract.ParseResult` plus the page ``id``
  (``isinstance(item, ParseResult)`` holds, so it works wherever a ``ParseResult`` does), or
* an :class:`ErrorRecord` — ``id``, ``error`` (the exception class name) and ``message`` — for a
  page that could not be parsed. The stream goes on after a failure. Both have ``.ok``.

``n_process > 1`` (or ``n_process=-1`` for every core) parses in worker processes, ``batch_size``
pages per task, with a bounded number of tasks in flight (memory stays flat however long the
input is). Each worker loads the models once, the first time a page needs them (the
``policyextract.nlp`` caches are per process). A worker that dies (killed, out of memory) makes
only its page an error record with ``error="WorkerCrashed"`` (the tasks in flight are re-run
one page at a time to find it); the run goes on.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Iterable, Iterator, List, Mapping, Optional, Tuple, Union

from pydantic import BaseModel, ConfigDict, Field

from .api import parse
from .records import ParseResult

Page = Union[str, bytes]
PageInput = Union[Page, Tuple[Any, Page], Mapping[str, Any]]

DEFAULT_BATCH_SIZE = 8
_IN_FLIGHT_PER_PROCESS = 4


class PageResult(ParseResult):
    """A :class:`~policyextract.ParseResult` with the id of the page it came from."""

    id: Optional[str] = Field(None, description="page id: as given, or the position in the input")

    @property
    def ok(self) -> bool:
        return True


class ErrorRecord(BaseModel):
    """A page that could not be parsed: its id, the error class name and message."""

    model_config = ConfigDict(extra="forbid")

    id: Optional[str] = Field(None, description="page id: as given, or the position in the input")
    error: str = Field(description="exception class name, e.g. EmptyInputError, DecodeError, WorkerCrashed")
    message: str = Field("", description="the exception message")

    @property
    def ok(self) -> bool:
        return False


BatchItem = Union[PageResult, ErrorRecord]


def _split(item: PageInput, position: int) -> Tuple[str, Any]:
    """``(id, page)`` from one input item; malformed items become ``(id, item)`` and fail in parse()."""
    if isinstance(item, (str, bytes, bytearray, memoryview)):
        return str(position), item
    if isinstance(item, Mapping):
        ident = item.get("id")
        return (str(position) if ident is None else str(ident)), item.get("text")
    if isinstance(item, tuple) and len(item) == 2:
        ident, page = item
        return (str(position) if ident is None else str(ident)), page
    return str(position), item


def parse_one(ident: str, page: Any, **parse_kwargs: Any) -> BatchItem:
    """Parse one page into a :class:`PageResult`, or an :class:`ErrorRecord` if anything raises."""
    try:
        result = parse(page, **parse_kwargs)
    except Exception as exc:  # noqa: BLE001 - by design: one bad page must not end the run
        return ErrorRecord(id=ident, error=type(exc).__name__, message=str(exc))
    return PageResult.model_construct(id=ident, **{k: getattr(result, k) for k in ParseResult.model_fields})


def _parse_chunk(chunk: List[Tuple[str, Any]], parse_kwargs: dict) -> List[BatchItem]:
    return [parse_one(ident, page, **parse_kwargs) for ident, page in chunk]


def _worker_init() -> None:  # pragma: no cover - runs in the worker processes
    # Models are loaded lazily, once per worker; nothing to do up front but keep the
    # collector from walking the (frozen, shared) heap inherited from a forking parent.
    gc.freeze()


WARM_UP_PAGE = ("2020年1月25日，中共中央总书记习近平主持召开中央政治局常委会会议，李克强、栗战书、汪洋出席会议。\n"
                "国务院总理李克强主持召开国务院常务会议，部署疫情防控工作。")


def warm_up() -> None:
    """Load, in this process, whatever ``parse()`` loads lazily for a page with names (rules, data
    files, and the NER model and pkuseg when they are used). Forked workers then share those
    memory pages (each worker freezes what it inherited out of its garbage collector's walks)."""
    try:
        parse(WARM_UP_PAGE)
    except Exception:  # noqa: BLE001 - a warm-up failure shows again, per page, in the workers
        pass


def _default_context():
    methods = multiprocessing.get_all_start_methods()
    # fork: workers start in milliseconds and share whatever the parent already loaded.
    if sys.platform.startswith("linux") and "fork" in methods:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _chunks(pages: Iterable[PageInput], batch_size: int) -> Iterator[List[Tuple[str, Any]]]:
    chunk: List[Tuple[str, Any]] = []
    for position, item in enumerate(pages):
        chunk.append(_split(item, position))
        if len(chunk) >= batch_size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def parse_many(
    pages: Iterable[PageInput],
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    *,
    mp_context: Any = None,
    preload: Optional[bool] = None,
    **parse_kwargs: Any,
) -> Iterator[BatchItem]:
    """Parse many pages; yield a :class:`PageResult` or :class:`ErrorRecord` per page, in order.

    ``n_process``: worker processes (1: parse in this process; -1 or 0: one per core).
    ``batch_size``: pages sent to a worker per task. ``mp_context``: a ``multiprocessing``
    context or start-method name (default: ``fork`` on Linux, ``spawn`` elsewhere).
    ``preload``: parse a small page with names in this process before the workers start, so that
    forked workers inherit the loaded models (one load, shared memory pages) instead of each
    loading its own; default: on for ``fork``, off otherwise.
    Further keyword arguments (e.g. ``max_chars``) go to :func:`policyextract.parse`.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be >= 1")
    if n_process is None or n_process <= 0:
        n_process = os.cpu_count() or 1
    if n_process == 1:
        for position, item in enumerate(pages):
            ident, page = _split(item, position)
            yield parse_one(ident, page, **parse_kwargs)
        return
    yield from _parse_parallel(pages, n_process, batch_size, mp_context, preload, parse_kwargs)


def _crashed(chunk: List[Tuple[str, Any]]) -> List[BatchItem]:
    return [ErrorRecord(id=i, error="WorkerCrashed", message="the worker process parsing this page died")
            for i, _ in chunk]


def _parse_parallel(pages, n_process, batch_size, mp_context, preload, parse_kwargs) -> Iterator[BatchItem]:
    if mp_context is None:
        ctx = _default_context()
    elif isinstance(mp_context, str):
        ctx = multiprocessing.get_context(mp_context)
    else:
        ctx = mp_context
    if preload is None:  # nothing to warm up when the model is off
        preload = ctx.get_start_method() == "fork" and parse_kwargs.get("ner", True)
    if preload:
        warm_up()

    def new_pool(workers: int = n_process) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=ctx, initializer=_worker_init)

    max_in_flight = n_process * _IN_FLIGHT_PER_PROCESS
    source = _chunks(pages, batch_size)
    pending: deque = deque()  # (chunk, future), in input order
    executor = new_pool()
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < max_in_flight:
                chunk = next(source, None)
                if chunk is None:
                    exhausted = True
                    break
                pending.append((chunk, executor.submit(_parse_chunk, chunk, parse_kwargs)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                items = future.result()
            except BrokenProcessPool:
                items = None
            except Exception as exc:  # noqa: BLE001 - e.g. an unpicklable page or result
                items = [ErrorRecord(id=i, error=type(exc).__name__, message=str(exc)) for i, _ in chunk]
            if items is not None:
                yield from items
                continue
            # A worker died (killed, out of memory, a crash in native code) and took every task in
            # flight with it. Re-run those tasks one at a time in a fresh one-worker pool, and a
            # task that kills it again page by page, so only the culprit page becomes an error.
            executor.shutdown(wait=False, cancel_futures=True)
            retry = [chunk] + [c for c, _ in pending]
            pending.clear()
            executor = new_pool(1)
            for chunk in retry:
                for part in ([chunk] if len(chunk) == 1 else [chunk] + [[p] for p in chunk]):
                    try:
                        items = executor.submit(_parse_chunk, part, parse_kwargs).result()
                    except BrokenProcessPool:
                        executor.shutdown(wait=False, cancel_futures=True)
                        executor = new_pool(1)
                        if len(part) == 1:
                            yield from _crashed(part)
                        continue  # a multi-page chunk: go on page by page
                    except Exception as exc:  # noqa: BLE001
                        items = [ErrorRecord(id=i, error=type(exc).__name__, message=str(exc)) for i, _ in part]
                    yield from items
                    if len(part) == len(chunk):
                        break  # the whole chunk went through
            executor.shutdown(wait=True)
            executor = new_pool()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
