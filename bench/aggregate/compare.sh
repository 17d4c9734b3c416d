#!/usr/bin/env bash
# Dawid–Skene on 1e6 labels: the release `verdict aggregate` vs crowd-kit, same file, end to end,
# and whether the labels agree. Needs `scripts/setup.sh test` (target/venv-peers) and
# `cargo build --release -p verdict-cli`. Figures go in docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
VERDICT=${VERDICT:-${CARGO_TARGET_DIR:-target}/release/verdict}
mkdir -p bench/out
[ -f bench/out/labels.jsonl ] || python3 bench/aggregate/make_labels.py 1000000 > bench/out/labels.jsonl
echo "verdict aggregate --method dawid_skene:"
/usr/bin/time -f "  wall %e s, max RSS %M KB" "$VERDICT" aggregate bench/out/labels.jsonl --criterion grade --method dawid_skene --csv bench/out/verdict-ds.csv > /dev/null
echo "crowd-kit DawidSkene:"
/usr/bin/time -f "  wall %e s, max RSS %M KB" target/venv-peers/bin/python bench/aggregate/crowd_kit_ds.py bench/out/labels.jsonl > bench/out/crowdkit-ds.csv
target/venv-peers/bin/python - <<'PY'
import pandas as pd
ours = pd.read_csv("bench/out/verdict-ds.csv").set_index("item_id")["label"]
theirs = pd.read_csv("bench/out/crowdkit-ds.csv").set_index("task").iloc[:, 0]
same = (ours.reindex(theirs.index) == theirs).mean()
print(f"labels equal on {same:.6%} of {len(theirs)} items")
PY
