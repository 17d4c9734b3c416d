#!/usr/bin/env bash
# DuckDB push-down on 1e6 judgments per kind (ranking, agreement, SPC), checked equal to the CLI
# (docs/SCALE.md, docs/BENCHMARKS.md "Push-down on DuckDB and Spark"). Not part of `make test`:
# a release build and a few minutes. Usage: bench/pushdown/duckdb_1e6.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-1000000}"
cargo build --locked --release -p verdict-cli
target_dir="${CARGO_TARGET_DIR:-target}"
venv="target/venv-duckdb"
[ -x "$venv/bin/python" ] || { echo "run scripts/setup.sh test first (it builds $venv)" >&2; exit 2; }
"$venv/bin/python" tests/reference/scale/duckdb_pushdown.py "$target_dir/release/verdict" target/bench/pushdown "$n"
