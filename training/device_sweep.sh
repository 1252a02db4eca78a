#!/usr/bin/env bash
# Parallel config sweep on the 16-core training machine (no network, no pkuseg needed):
#   bash training/device_sweep.sh SECONDS OUTDIR "name:config:gpu:overrides..." ...
# Each run is `spacy train` under `timeout`; model-best is kept (saved at every dev improvement),
# then scored on MSRA test with scripts/eval_ner.py --pretokenized. Wheels come from .whl/.
set -u
SECS=$1; OUTDIR=$2; shift 2
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 BLIS_NUM_THREADS=1 PYTHONUNBUFFERED=1
PY=${PY:-python3}
# pkuseg stand-in for the tokenization timing in spacy evaluate (see the stub's docstring)
python3 -c "import pkuseg" 2>/dev/null || export PYTHONPATH="$PWD/training/device_stub${PYTHONPATH:+:$PYTHONPATH}"
D=training/corpus/spacy
mkdir -p "$OUTDIR"
pids=()
for spec in "$@"; do
  IFS=':' read -r name cfg gpu ovr <<<"$spec"
  mkdir -p "$OUTDIR/$name"
  ( timeout "$SECS" $PY -m spacy train "$cfg" --code training/nlpmod.py --gpu-id "$gpu" \
      --paths.train $D/train.spacy --paths.dev $D/dev.spacy --output "$OUTDIR/$name" $ovr \
      > "$OUTDIR/$name/train.log" 2>&1 ) &
  pids+=($!)
done
wait "${pids[@]}"
for spec in "$@"; do
  IFS=':' read -r name cfg gpu ovr <<<"$spec"
  m="$OUTDIR/$name/model-best"; [ -d "$OUTDIR/$name/model-last" ] && m2="$OUTDIR/$name/model-last" || m2=""
  if [ -d "$m" ]; then
    ( $PY scripts/eval_ner.py --model "$m" --pretokenized $D/test.spacy --json "$OUTDIR/$name/test.json" \
        > "$OUTDIR/$name/eval.txt" 2>&1 ) &
  fi
done
wait
for spec in "$@"; do
  IFS=':' read -r name cfg gpu ovr <<<"$spec"
  echo "=== $name ($cfg gpu=$gpu $ovr)"
  grep -E "^ *[0-9]+ +[0-9]+ " "$OUTDIR/$name/train.log" | tail -3
  tail -3 "$OUTDIR/$name/train.log" | grep -iE "error|Traceback" || true
  cat "$OUTDIR/$name/eval.txt" 2>/dev/null
done
# PACK=N: tar the N best model-best dirs (by MSRA-test F) into $PACKDIR as <name>.tgz.partXX (15 MB pieces)
if [ -n "${PACK:-}" ]; then
  best=$($PY - "$OUTDIR" "$PACK" <<'PYEOF'
import json, sys, pathlib
out, n = pathlib.Path(sys.argv[1]), int(sys.argv[2])
rows = []
for d in out.iterdir():
    f = d / "test.json"
    if f.exists():
        rows.append((json.loads(f.read_text())["ALL"]["f"], d.name))
rows.sort(reverse=True)
print(" ".join(name for _, name in rows[:n]))
PYEOF
)
  for name in $best; do
    tar -C "$OUTDIR/$name" -czf - model-best | split -b 15000000 -d - "$PACKDIR/$name.tgz.part"
  done
  ls -la "$PACKDIR"
fi
