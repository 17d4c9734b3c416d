#!/usr/bin/env bash
# Agreement benchmark: `verdict agree --metric krippendorff_alpha` vs the Python `krippendorff`
# package (orjson loader) on the same generated files, plus max RSS. Figures go to
# docs/BENCHMARKS.md ("Agreement"). Run from the repository root:
#   bash bench/agreement/compare.sh
set -euo pipefail
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
OUT=bench/out/agreement
PY=${PY:-bench/out/venv-agreement/bin/python}
mkdir -p "$OUT"
cargo build --release -p verdict-cli -p verdict-core --example gen_ratings
BIN=$CARGO_TARGET_DIR/release
if [ ! -x "$PY" ]; then
  python3 -m venv bench/out/venv-agreement
  bench/out/venv-agreement/bin/pip install -q -r tests/reference/agreement/requirements.txt orjson==3.13.0 msgspec==0.22.0
fi
[ -f $OUT/r1e5.jsonl ] || $BIN/examples/gen_ratings 1e5 $OUT/r1e5.jsonl
[ -f $OUT/r1e6.jsonl ] || $BIN/examples/gen_ratings 1e6 $OUT/r1e6.jsonl
[ -f $OUT/r1e7.jsonl ] || $BIN/examples/gen_ratings 1e7 $OUT/r1e7.jsonl
[ -f $OUT/sparse1e6.jsonl ] || $BIN/examples/gen_ratings 1e6 $OUT/sparse1e6.jsonl --raters 1000 --per-item 5
for f in r1e5 r1e6 sparse1e6 r1e7; do
  runs=5; [ $f = r1e7 ] && runs=2
  hyperfine --warmup 1 --runs $runs --export-json $OUT/$f.hyperfine.json \
    -n verdict "$BIN/verdict agree $OUT/$f.jsonl --metric krippendorff_alpha --json" \
    -n python "$PY bench/agreement/python_alpha.py $OUT/$f.jsonl quality interval"
  /usr/bin/time -f "$f verdict maxrss %M KB" $BIN/verdict agree $OUT/$f.jsonl --metric krippendorff_alpha --json > /dev/null
  /usr/bin/time -f "$f python maxrss %M KB" $PY bench/agreement/python_alpha.py $OUT/$f.jsonl > /dev/null
done
