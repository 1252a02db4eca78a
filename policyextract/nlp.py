"""spaCy + pkuseg: the library's named-entity layer.

* :func:`load` returns the shipped pipeline (``policyextract/models/ner``), loaded once per
  process, offline, from files inside the package.
* Its tokenizer is pkuseg's bundled default ("mixed") model wrapped as the registered spaCy
  tokenizer ``policyextract.PkusegTokenizer.v1``. Two deterministic refinements on top of
  pkuseg, both data-driven and documented in ``policyextract/models/README.md``:

  - segmentation runs on the OpenCC t2s image of the text (char-for-char on these pages), so
    traditional-script input is cut like simplified input; each token keeps its original
    characters and gets the simplified form as ``token.norm_``;
  - pkuseg tokens listed in ``policyextract/data/ner_splits.json`` (mined from the MSRA train
    split: tokens that straddle an entity boundary more often than not, e.g. ``访华`` ->
    ``访|华``, ``中国人`` -> ``中国|人``) are split at the recorded offsets;
  - all-Han tokens not in ``policyextract/data/ner_vocab.txt`` (token types seen >= 3 times in
    the MSRA train segmentation) are split into characters: unknown words are mostly names and
    pkuseg's glued fragments (黄菊尉健行 -> 黄|菊尉|健行), and the model composes them per char.

* :func:`entities` runs the pipeline over many texts (chunked at sentence punctuation) and
  returns character offsets into each input text.
* :func:`segment` is plain pkuseg, for benchmarks.

This module imports only the standard library and spaCy at import time (pkuseg and OpenCC are
loaded lazily, once per process), so ``spacy train --code policyextract/nlp.py`` works on a
machine without pkuseg as long as the corpus readers below are used.
"""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.util import DummyTokenizer, registry

TOKENIZER_NAME = "policyextract.PkusegTokenizer.v1"
READER_NAME = "policyextract.PretokenizedCorpus.v1"
NAME_ROLLS_FACTORY = "policyextract_name_rolls_v1"
CORRECTIONS_FACTORY = "policyextract_corrections_v1"

_HERE = Path(__file__).resolve().parent
MODEL_DIR = _HERE / "models" / "ner"
SPLITS_PATH = _HERE / "data" / "ner_splits.json"
VOCAB_PATH = _HERE / "data" / "ner_vocab.txt"
PATTERNS_PATH = _HERE / "data" / "ner_patterns.jsonl"

DEFAULT_LABELS = ("PER", "ORG", "LOC")
MAX_CHUNK = 500
_SENT_END = re.compile(r"[。！？；!?;]+[”’」』）)]*")
_SOFT_BREAK = re.compile(r"[，、,：:\s]")


# --------------------------------------------------------------------------- lazy resources

@functools.lru_cache(maxsize=1)
def _pkuseg():
    """pkuseg's bundled default model, loaded once per process (through
    :mod:`policyextract.pkuseg_cache`, which builds the identical segmenter faster, when the
    package imports; stock ``pkuseg.pkuseg()`` otherwise)."""
    try:
        import pkuseg  # noqa: F401,WPS433 (lazy on purpose: ~1-3 s and ~100s of MB)
    except ImportError as exc:  # pragma: no cover - pkuseg is a hard dependency
        raise _model_error("pkuseg is not installed") from exc
    try:
        from .pkuseg_cache import load as cached_load
    except ImportError:  # loaded as a plain file (spacy train --code)
        return pkuseg.pkuseg()
    return cached_load()


@functools.lru_cache(maxsize=1)
def _t2s():
    try:
        import opencc
    except ImportError:  # pragma: no cover - opencc is a hard dependency
        return None
    try:
        return opencc.OpenCC("t2s")
    except Exception:  # pragma: no cover - config name differs between builds
        return opencc.OpenCC("t2s.json")


@functools.lru_cache(maxsize=4)
def _load_splits(path: str) -> dict[str, tuple[int, ...]]:
    p = Path(path)
    if not p.exists():
        return {}
    raw = json.loads(p.read_text(encoding="utf-8"))
    return {tok: tuple(int(i) for i in cuts) for tok, cuts in raw["splits"].items()}


@functools.lru_cache(maxsize=4)
def _load_vocab(path: str) -> frozenset[str]:
    p = Path(path)
    if not p.exists():
        return frozenset()
    return frozenset(w for w in p.read_text(encoding="utf-8").split("\n") if w and not w.startswith("#"))


_HAN = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$")


def _model_error(msg: str) -> Exception:
    try:
        from .errors import ModelError
    except ImportError:  # loaded as a plain file by ``spacy train --code``
        return RuntimeError(msg)
    return ModelError(msg)


# --------------------------------------------------------------------------- tokenizer

def _simplified(text: str) -> str:
    conv = _t2s()
    if conv is None:
        return text
    out = conv.convert(text)
    # Only usable when char-for-char (true for the pages we see); otherwise segment as is.
    return out if len(out) == len(text) else text


def pkuseg_spans(text: str, *, t2s: bool = True, splits: dict[str, tuple[int, ...]] | None = None,
                 vocab: frozenset[str] | None = None) -> tuple[list[tuple[int, int]], str]:
    """Character spans of the (refined) pkuseg tokens of ``text`` (whitespace excluded), and the
    simplified image of ``text`` used for segmentation and norms.

    ``splits``: token -> cut offsets (applied first). ``vocab``: when given, an all-Han piece of
    2+ chars that is not in it is split into single characters (unknown words, mostly names and
    pkuseg's glued fragments like 菊尉 in 黄菊尉健行, are composed char by char by the model)."""
    simp = _simplified(text) if t2s else text
    spans: list[tuple[int, int]] = []
    if not text.strip():
        return spans, simp
    pos = 0
    n = len(simp)
    raw: list[tuple[int, int]] = []
    for tok in _pkuseg().cut(simp):
        if not tok:
            continue
        while pos < n and simp[pos].isspace() and not tok[0].isspace():
            pos += 1
        start = simp.find(tok, pos)
        if start != pos:
            # pkuseg altered or dropped something; fall back to single characters up to the
            # token (never loses text).
            if start < 0:
                continue
            raw.extend((i, i + 1) for i in range(pos, start) if not simp[i].isspace())
        raw.append((start, start + len(tok)))
        pos = start + len(tok)
    raw.extend((i, i + 1) for i in range(pos, n) if not simp[i].isspace())
    spans = refine_spans(raw, simp, splits, vocab)
    return spans, simp


def refine_spans(raw: list[tuple[int, int]], simp: str, splits=None, vocab=None
                 ) -> list[tuple[int, int]]:
    """Apply the split table, then the unknown-word-to-characters rule, to pkuseg spans."""
    spans: list[tuple[int, int]] = []
    for start, end in raw:
        tok = simp[start:end]
        cuts = splits.get(tok) if splits else None
        if cuts:
            bounds = [start] + [start + c for c in cuts] + [end]
            pieces = list(zip(bounds, bounds[1:]))
        else:
            pieces = [(start, end)]
        for a, b in pieces:
            if vocab is not None and b - a > 1 and simp[a:b] not in vocab and _HAN.match(simp[a:b]):
                spans.extend((i, i + 1) for i in range(a, b))
            else:
                spans.append((a, b))
    return spans


def _doc_from_spans(vocab, text: str, spans: list[tuple[int, int]], simp: str | None) -> Doc:
    """Build a Doc whose tokens cover ``text`` exactly (whitespace runs become tokens/spaces)."""
    words: list[str] = []
    spaces: list[bool] = []
    norms: list[str] = []

    def gap(g: str) -> None:  # whitespace between tokens: a single space rides on the token before
        if g == " " and words and not spaces[-1]:
            spaces[-1] = True
        else:
            words.append(g)
            spaces.append(False)
            norms.append(g)

    cursor = 0
    for s, e in spans:
        if s > cursor:
            gap(text[cursor:s])
        words.append(text[s:e])
        spaces.append(False)
        norms.append(simp[s:e] if simp is not None else text[s:e])
        cursor = e
    if cursor < len(text):
        gap(text[cursor:])
    doc = Doc(vocab, words=words, spaces=spaces)
    for tok, norm in zip(doc, norms):
        if norm != tok.text:
            tok.norm_ = norm
    return doc


class PkusegTokenizer(DummyTokenizer):
    """pkuseg (bundled default model) as a spaCy tokenizer; see the module docstring."""

    def __init__(self, vocab, t2s: bool = True, split_tokens: bool = True, oov_chars: bool = True):
        self.vocab = vocab
        self.t2s = t2s
        self.split_tokens = split_tokens
        self.oov_chars = oov_chars

    def _splits(self):
        return _load_splits(str(SPLITS_PATH)) if self.split_tokens else None

    def _known(self):
        # an absent/empty vocabulary file disables the rule (instead of splitting everything)
        return (_load_vocab(str(VOCAB_PATH)) or None) if self.oov_chars else None

    def __call__(self, text: str) -> Doc:
        spans, simp = pkuseg_spans(text, t2s=self.t2s, splits=self._splits(), vocab=self._known())
        return _doc_from_spans(self.vocab, text, spans, simp)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)


def _last_char(string: str) -> str:
    return string[-1:]


@registry.tokenizers(TOKENIZER_NAME)
def create_pkuseg_tokenizer(t2s: bool = True, split_tokens: bool = True, oov_chars: bool = True,
                            last_char_suffix: bool = True):
    """``last_char_suffix``: make the lexical SUFFIX feature the last character (spaCy's default
    is the last three, i.e. the whole word for most Chinese tokens); 部/局/委/市/省 endings are
    what the model should see."""

    def make(nlp):
        if last_char_suffix:
            from spacy.attrs import SUFFIX

            nlp.vocab.lex_attr_getters[SUFFIX] = _last_char
        return PkusegTokenizer(nlp.vocab, t2s=t2s, split_tokens=split_tokens, oov_chars=oov_chars)

    return make


# --------------------------------------------------------------------------- training reader

@registry.readers(READER_NAME)
def create_pretokenized_reader(path: str, limit: int = 0):
    """Reads a DocBin whose docs were made by :class:`PkusegTokenizer` (see
    ``training/convert_msra.py``) and keeps their tokens *and norms* for the predicted side, so
    training needs no pkuseg (the 16-core training machine has none)."""

    def read(nlp) -> Iterator[Example]:
        db = DocBin().from_disk(path)
        for i, ref in enumerate(db.get_docs(nlp.vocab)):
            if limit and i >= limit:
                break
            pred = Doc(nlp.vocab, words=[t.text for t in ref],
                       spaces=[bool(t.whitespace_) for t in ref])
            for pt, rt in zip(pred, ref):
                if rt.norm_ != rt.text.lower():
                    pt.norm_ = rt.norm_
            yield Example(pred, ref)

    return read


# --------------------------------------------------------------------------- public API

@functools.lru_cache(maxsize=1)
def load() -> "spacy.Language":
    """The shipped NER pipeline (cached). Raises :class:`policyextract.ModelError` if the model
    files are missing or unreadable."""
    if not (MODEL_DIR / "config.cfg").exists():
        raise _model_error(f"NER model not found at {MODEL_DIR}; run `make train-ner`")
    try:
        nlp = spacy.load(MODEL_DIR)
    except Exception as exc:  # pragma: no cover - corrupted install
        raise _model_error(f"cannot load NER model at {MODEL_DIR}: {exc}") from exc
    add_fixes(nlp)
    add_rules(nlp)
    return nlp


@functools.lru_cache(maxsize=1)
def load_patterns() -> tuple[dict, ...]:
    """Rule patterns (``ner_patterns.jsonl``): TITLE for positions, ORG for known organs."""
    if not PATTERNS_PATH.exists():
        return ()
    out = []
    for line in PATTERNS_PATH.read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.append(json.loads(line))
    return tuple(out)


def _sibling(module: str):
    """policyextract.<module>, also when this file was loaded standalone (training/nlpmod.py):
    name_rolls.py and corrections.py import nothing from the package."""
    import importlib
    import importlib.util
    import sys

    if __package__:
        return importlib.import_module(f"{__package__}.{module}")
    name = f"policyextract_{module}_standalone"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, _HERE / f"{module}.py")
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]


@spacy.Language.factory(NAME_ROLLS_FACTORY)
def create_name_rolls(nlp, name: str):
    """Re-segment rolls of names printed back to back (policyextract/name_rolls.py)."""
    return _sibling("name_rolls").apply_to_doc


@spacy.Language.factory(CORRECTIONS_FACTORY)
def create_corrections(nlp, name: str):
    """Certain corrections: country names read as PER become LOC, all-numeral entities go
    (policyextract/corrections.py)."""
    return _sibling("corrections").apply_to_doc


def add_fixes(nlp) -> None:
    """Add the model-correcting components right after ``ner``: the name-roll resolver, then
    the certain corrections (the rule component goes after them)."""
    if "policyextract_name_rolls" not in nlp.pipe_names:
        nlp.add_pipe(NAME_ROLLS_FACTORY, name="policyextract_name_rolls", after="ner")
    if "policyextract_corrections" not in nlp.pipe_names:
        nlp.add_pipe(CORRECTIONS_FACTORY, name="policyextract_corrections",
                     after="policyextract_name_rolls")


def add_rules(nlp) -> None:
    """Add the rule component after ``ner``: an EntityRuler matching ``ner_patterns.jsonl`` on
    NORM (simplified script), which fills spans the model left empty (it never overrides the
    model: ``overwrite_ents=False``). TITLE spans only appear in ``entities(labels=None)`` or
    with ``"TITLE"`` in ``labels``."""
    if "policyextract_rules" in nlp.pipe_names:
        return
    after = "policyextract_corrections" if "policyextract_corrections" in nlp.pipe_names else "ner"
    ruler = nlp.add_pipe("entity_ruler", name="policyextract_rules", after=after,
                         config={"overwrite_ents": False, "phrase_matcher_attr": "NORM",
                                 "validate": True})
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns([dict(p) for p in load_patterns()])


def segment(text: str) -> list[str]:
    """Plain pkuseg tokens of ``text`` (no t2s, no splits) — for benchmarking pkuseg alone."""
    return list(_pkuseg().cut(text))


def chunk(text: str, max_len: int = MAX_CHUNK) -> list[tuple[int, str]]:
    """Split ``text`` into ``(offset, piece)`` chunks of at most ``max_len`` chars, cutting after
    sentence punctuation (。！？；) where possible, else at a comma/space, else hard."""
    out: list[tuple[int, str]] = []
    n = len(text)
    start = 0
    while start < n:
        if n - start <= max_len:
            out.append((start, text[start:]))
            break
        window = text[start:start + max_len]
        cut = 0
        for m in _SENT_END.finditer(window):
            cut = m.end()
        if cut < max_len // 5:
            soft = [m.end() for m in _SOFT_BREAK.finditer(window)]
            cut = soft[-1] if soft and soft[-1] >= max_len // 5 else max_len
        out.append((start, text[start:start + cut]))
        start += cut
    return out


def entities(texts: Sequence[str], labels: Sequence[str] | None = DEFAULT_LABELS,
             batch_size: int = 64, nlp=None) -> list[list[tuple[int, int, str]]]:
    """Entities in each text as ``(start, end, label)`` character offsets into that text.

    ``labels=None`` keeps every label the pipeline produces (including rule labels like TITLE).
    ``nlp``: another pipeline to use instead of :func:`load` (evaluation of candidates).
    """
    if nlp is None:
        nlp = load()
    keep = None if labels is None else set(labels)
    pieces: list[str] = []
    owners: list[tuple[int, int]] = []
    for ti, text in enumerate(texts):
        for off, piece in chunk(text):
            if piece.strip():
                pieces.append(piece)
                owners.append((ti, off))
    result: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    for (ti, off), doc in zip(owners, nlp.pipe(pieces, batch_size=batch_size)):
        for ent in doc.ents:
            if keep is None or ent.label_ in keep:
                result[ti].append((off + ent.start_char, off + ent.end_char, ent.label_))
    return result
