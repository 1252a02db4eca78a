"""policyextract.nlp: the shipped spaCy NER pipeline on pkuseg tokens."""
from __future__ import annotations

import json

import pytest
import spacy
from conftest import SEEDS

from policyextract import nlp as pnlp

SEED_002 = (SEEDS / "002_4ec4b0ae00f95d62.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def nlp():
    return pnlp.load()


@pytest.fixture(scope="module")
def readout():
    """The seed 002 readout sentence that names 李克强 after a title chain (spun text)."""
    line = next(l for l in SEED_002.splitlines() if "组长李克强" in l)
    return line.strip().split("。")[0]


def test_tokenizer_registered_under_versioned_name():
    assert pnlp.TOKENIZER_NAME == "policyextract.PkusegTokenizer.v1"
    assert spacy.registry.tokenizers.get(pnlp.TOKENIZER_NAME) is pnlp.create_pkuseg_tokenizer


def test_load_is_cached_and_uses_pkuseg_tokenizer(nlp):
    assert pnlp.load() is nlp
    assert isinstance(nlp.tokenizer, pnlp.PkusegTokenizer)
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == pnlp.TOKENIZER_NAME


def test_ner_labels(nlp):
    assert {"PER", "ORG", "LOC"} <= set(nlp.get_pipe("ner").labels)


def test_model_files_within_size_budget():
    size = sum(p.stat().st_size for p in pnlp.MODEL_DIR.rglob("*") if p.is_file())
    assert size <= 30 * 1024 * 1024


def test_finds_li_keqiang_in_seed_readout(readout):
    ents = pnlp.entities([readout])[0]
    assert ("李克强", "PER") in {(readout[s:e], l) for s, e, l in ents}


def test_rules_add_titles(readout):
    ents = pnlp.entities([readout], labels=None)[0]
    titles = {readout[s:e] for s, e, l in ents if l == "TITLE"}
    assert {"常委", "总理"} <= titles


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_entity_offsets_slice_back(name):
    text = (SEEDS / name).read_text(encoding="utf-8")[:40000]
    ents = pnlp.entities([text, "", "  "])
    assert ents[1] == [] and ents[2] == []
    for s, e, label in ents[0]:
        assert 0 <= s < e <= len(text)
        assert label in {"PER", "ORG", "LOC"}
        assert text[s:e].strip() == text[s:e]


def test_chunks_cover_long_line_and_respect_limit():
    line = max((SEEDS / "004_ab36b690b8809160.txt").read_text(encoding="utf-8").splitlines(), key=len)
    assert len(line) > 20000
    chunks = pnlp.chunk(line)
    assert "".join(piece for _, piece in chunks) == line
    assert all(len(piece) <= pnlp.MAX_CHUNK for _, piece in chunks)
    assert all(line[off:off + len(piece)] == piece for off, piece in chunks)


def test_tokenizer_keeps_text_and_simplified_norms(nlp):
    text = "國務院副總理  孫春蘭\n在武漢 考察"
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert "".join(t.norm_ for t in doc if not t.is_space).replace(" ", "") == "国务院副总理孙春兰在武汉考察"


def test_segment_is_plain_pkuseg():
    assert pnlp.segment("国务院总理李克强主持会议") == ["国务院", "总理", "李克强", "主持", "会议"]


def test_patterns_file_integrity():
    lines = pnlp.PATTERNS_PATH.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(l) for l in lines if l.strip()]
    assert rows
    seen = set()
    for r in rows:
        assert set(r) <= {"label", "pattern", "id"}
        assert r["label"] in {"TITLE", "ORG", "PER", "LOC"}
        assert isinstance(r["pattern"], str) and r["pattern"] == r["pattern"].strip() and r["pattern"]
        assert (r["label"], r["pattern"]) not in seen
        seen.add((r["label"], r["pattern"]))


def test_split_table_and_vocab_integrity():
    raw = json.loads(pnlp.SPLITS_PATH.read_text(encoding="utf-8"))
    for tok, cuts in raw["splits"].items():
        assert cuts and cuts == sorted(set(cuts)) and 0 < cuts[0] and cuts[-1] < len(tok)
    vocab = pnlp._load_vocab(str(pnlp.VOCAB_PATH))
    assert len(vocab) > 10000 and "国务院" in vocab
