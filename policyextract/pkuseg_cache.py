"""Fast loading of pkuseg's bundled default model (same segmenter, same output, ~2x faster load).

``pkuseg.pkuseg()`` spends its ~3 s of start-up unpickling ``features.pkl`` (a list of 1.1 M
bigrams that segmentation never reads, and a dict of 2.6 M feature strings) and reading a
105 MB ``weights.npz``. :func:`load` builds the same segmenter from a cache made once from those
very files (nothing is downloaded):

* ``features.txt`` — the feature strings in index order (the dict is rebuilt with ``zip``,
  ~2x faster than unpickling it), ``unigram.txt``, ``postprocess.txt`` (the user-dict words);
* ``weights.npy`` — memory-mapped copy-on-write: loads instantly, and only the pages of weights
  actually used are read (lower RSS; forked workers share them).

The cache lives in ``$POLICYEXTRACT_CACHE`` or ``$XDG_CACHE_HOME/policyextract`` (default
``~/.cache/policyextract``), under a key made of pkuseg's version and its model files' sizes and
times, and is written atomically on first use. If it cannot be written or read, :func:`load`
returns the stock ``pkuseg.pkuseg()``. ``python -m policyextract.pkuseg_cache`` builds it ahead.
Segmentation is identical to stock pkuseg (tests/test_pkuseg_cache.py checks the seeds).
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any, Optional

CACHE_FORMAT = 1
_FILES = ("models/default/features.pkl", "models/default/weights.npz", "dicts/default.pkl")


def _pkuseg_dir() -> Path:
    import pkuseg

    return Path(pkuseg.__file__).resolve().parent


def cache_root() -> Path:
    env = os.environ.get("POLICYEXTRACT_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "policyextract"


def cache_dir() -> Path:
    """Where the cache for the installed pkuseg model goes (the key changes with its files)."""
    root = _pkuseg_dir()
    h = hashlib.sha1(f"format={CACHE_FORMAT}".encode())
    try:
        from importlib.metadata import version

        h.update(version("pkuseg").encode())
    except Exception:  # pragma: no cover - metadata missing
        pass
    for rel in _FILES:
        st = (root / rel).stat()
        h.update(f"{rel}:{st.st_size}:{int(st.st_mtime)}".encode())
    return cache_root() / f"pkuseg-default-{h.hexdigest()[:16]}"


def build(target: Optional[Path] = None) -> Path:
    """Write the cache (atomically: a temporary folder renamed into place) and return its path."""
    import numpy as np

    target = Path(target) if target is not None else cache_dir()
    if (target / "done").exists():
        return target
    root = _pkuseg_dir()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=target.name + ".", dir=target.parent))
    try:
        with open(root / "models/default/features.pkl", "rb") as fh:
            data = pickle.load(fh)
        f2i = data["feature_to_idx"]
        keys = list(f2i)
        if [f2i[k] for k in keys] != list(range(len(keys))) or any("\n" in k for k in keys):
            raise ValueError("pkuseg features are not in index order; cache format does not apply")
        (tmp / "features.txt").write_text("\n".join(keys), encoding="utf-8")
        (tmp / "unigram.txt").write_text("\n".join(data["unigram"]), encoding="utf-8")
        (tmp / "meta.json").write_text(json.dumps({"tag_to_idx": data["tag_to_idx"], "n_features": len(keys)}),
                                       encoding="utf-8")
        del data, f2i, keys
        npz = np.load(root / "models/default/weights.npz")
        np.save(tmp / "weights.npy", np.ascontiguousarray(npz["w"], dtype=np.float64))
        (tmp / "sizes.json").write_text(json.dumps([int(x) for x in npz["sizes"]]), encoding="utf-8")
        with open(root / "dicts/default.pkl", "rb") as fh:
            words = pickle.load(fh).strip().split("\n")
        (tmp / "postprocess.txt").write_text("\n".join(words), encoding="utf-8")
        (tmp / "done").write_text("ok", encoding="utf-8")
        try:
            os.replace(tmp, target)
        except OSError:  # another process won the race: theirs is as good
            shutil.rmtree(tmp, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


def _lines(path: Path) -> list:
    return path.read_text(encoding="utf-8").split("\n")


def load_cached(path: Path) -> Any:
    """A ``pkuseg.pkuseg`` object for the default model, assembled from the cache at ``path``."""
    import numpy as np
    import pkuseg
    from pkuseg.config import config
    from pkuseg.feature_extractor import FeatureExtractor
    from pkuseg.model import Model

    if not (path / "done").exists():
        raise FileNotFoundError(path)
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    n_tag, n_feature = json.loads((path / "sizes.json").read_text(encoding="utf-8"))
    keys = _lines(path / "features.txt")
    if len(keys) != meta["n_features"] or n_feature != len(keys):
        raise ValueError(f"pkuseg cache at {path} is inconsistent")

    config.modelDir = str(_pkuseg_dir() / "models" / "default")  # what pkuseg.pkuseg() sets
    fe = FeatureExtractor.__new__(FeatureExtractor)
    fe.feature_to_idx = dict(zip(keys, range(len(keys))))
    del keys
    fe.unigram = set(_lines(path / "unigram.txt"))
    fe.bigram = set()  # only training and the slow feature path read it; cut() does not
    fe.tag_to_idx = meta["tag_to_idx"]

    model = Model.__new__(Model)
    model.n_tag, model.n_feature = int(n_tag), int(n_feature)
    model.n_transition_feature = model.n_tag * (model.n_feature + model.n_tag)
    model.w = np.load(path / "weights.npy", mmap_mode="c")  # copy-on-write: writable for Cython, shared pages
    if model.w.shape[0] != model.n_transition_feature:
        raise ValueError(f"pkuseg cache at {path} has {model.w.shape[0]} weights, expected {model.n_transition_feature}")

    post = pkuseg.Postprocesser.__new__(pkuseg.Postprocesser)
    post.do_process = True
    post.common_words = set()
    post.other_words = set(_lines(path / "postprocess.txt"))

    seg = pkuseg.pkuseg.__new__(pkuseg.pkuseg)
    seg.postag = False
    seg.preprocesser = pkuseg.Preprocesser(None)
    seg.postprocesser = post
    seg.feature_extractor = fe
    seg.model = model
    seg.idx_to_tag = {idx: tag for tag, idx in fe.tag_to_idx.items()}
    seg.n_feature = len(fe.feature_to_idx)
    seg.n_tag = len(fe.tag_to_idx)
    return seg


def load() -> Any:
    """pkuseg's default segmenter, from the cache (built on first use); stock pkuseg if that fails."""
    try:
        path = cache_dir()
        if not (path / "done").exists():
            build(path)
        return load_cached(path)
    except Exception as exc:  # noqa: BLE001 - any cache problem: fall back to the stock loader
        print(f"policyextract: pkuseg cache unavailable ({type(exc).__name__}: {exc}); loading pkuseg directly",
              file=sys.stderr)
        import pkuseg

        return pkuseg.pkuseg()


if __name__ == "__main__":  # pragma: no cover
    print(build())
