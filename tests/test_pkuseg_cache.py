"""policyextract.pkuseg_cache: the cached default model segments exactly like stock pkuseg."""
from __future__ import annotations

import pytest
from conftest import SEED_NAMES, SEEDS

pkuseg = pytest.importorskip("pkuseg")

from policyextract import pkuseg_cache  # noqa: E402


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    root = tmp_path_factory.mktemp("pecache")
    mp = pytest.MonkeyPatch()
    mp.setenv("POLICYEXTRACT_CACHE", str(root))
    path = pkuseg_cache.build()
    yield path
    mp.undo()


@pytest.fixture(scope="module")
def seg(cache):
    return pkuseg_cache.load_cached(cache)


@pytest.fixture(scope="module")
def stock():
    return pkuseg.pkuseg()


def test_cache_goes_under_the_configured_root(cache, tmp_path_factory):
    assert cache.name.startswith("pkuseg-default-")
    assert (cache / "done").exists() and (cache / "weights.npy").exists()


def test_build_is_idempotent(cache):
    before = (cache / "features.txt").stat().st_mtime_ns
    assert pkuseg_cache.build(cache) == cache
    assert (cache / "features.txt").stat().st_mtime_ns == before


@pytest.mark.parametrize("name", SEED_NAMES)
def test_same_tokens_as_stock_pkuseg(seg, stock, name):
    text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
    assert seg.cut(text) == stock.cut(text)


def test_user_dict_postprocessing_kept(seg, stock):
    # the post-processor merges words of pkuseg's bundled dictionary: same merges as stock
    text = "国务院联防联控机制发布会，国家卫生健康委员会主任马晓伟出席。"
    assert seg.cut(text) == stock.cut(text)


def test_broken_cache_falls_back_to_stock(tmp_path, monkeypatch, capsys, stock):
    monkeypatch.setenv("POLICYEXTRACT_CACHE", str(tmp_path))
    target = pkuseg_cache.cache_dir()
    target.mkdir(parents=True)
    (target / "done").write_text("ok")  # claims to be complete but holds nothing
    seg = pkuseg_cache.load()
    assert seg.cut("国务院办公厅") == stock.cut("国务院办公厅")
    assert "pkuseg cache unavailable" in capsys.readouterr().err
