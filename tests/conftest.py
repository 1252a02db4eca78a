"""Shared fixtures: the seed pages and their gold records (copied from ../shared)."""
from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "fixtures" / "seeds"
GOLD = ROOT / "fixtures" / "gold"
CASES = Path(__file__).resolve().parent / "cases"
SEED_NAMES = sorted(p.stem for p in SEEDS.glob("*.txt"))


@lru_cache(maxsize=None)
def parsed(name: str):
    import policyextract

    return policyextract.parse((SEEDS / f"{name}.txt").read_bytes())


@lru_cache(maxsize=None)
def parse_fixture(rel: str, ner: bool = True):
    """ParseResult of the page fixtures/REL, parsed once per session. REL may end in a glob that
    names one file ("blind/round4r/q05_*.txt"); the page is read as bytes, as a user would pass it."""
    import policyextract

    path = next((ROOT / "fixtures").glob(rel))
    return policyextract.parse(path.read_bytes(), ner=ner)


@lru_cache(maxsize=None)
def gold(name: str) -> dict:
    return json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def referee():
    """The shared scorer (a copy of ../shared/score.py kept in scripts/)."""
    spec = importlib.util.spec_from_file_location("score", ROOT / "scripts" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def seed_name(prefix: str) -> str:
    return next(n for n in SEED_NAMES if n.startswith(prefix))


@pytest.fixture(scope="session")
def seed():
    """seed("000") → ParseResult of fixtures/seeds/000_*.txt (parsed once per session)."""
    return lambda prefix: parsed(seed_name(prefix))


def walk_located(obj, path="result"):
    """Yield (path, span, source) for every record in a ParseResult that carries a span."""
    from pydantic import BaseModel

    if isinstance(obj, BaseModel):
        data = obj.__dict__
        if "span" in data and "source" in data and data["span"] is not None:
            yield path, data["span"], data["source"]
        for k, v in data.items():
            yield from walk_located(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from walk_located(v, f"{path}[{i}]")
