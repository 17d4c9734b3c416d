#!/usr/bin/env bash
# Bytes of a Fluent implementation in a wasm32 bundle: the same tiny program (parse a catalog,
# format one plural message) with fluent-bundle 0.16 and with verdict_core::fluent, each built
# alone (opt-level z, LTO, panic=abort), then wasm-opt -Oz and gzip -9. Results: docs/BENCHMARKS.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
opt="$here/../../node_modules/.bin/wasm-opt"
for probe in fluent-bundle verdict-fluent; do
  (cd "$here/$probe" && CARGO_TARGET_DIR="$here/../../target/fluent-size/$probe" cargo build -q --release --target wasm32-unknown-unknown)
  wasm="$(ls "$here/../../target/fluent-size/$probe/wasm32-unknown-unknown/release/"*.wasm)"
  "$opt" "$wasm" -Oz --strip-debug --strip-producers --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int \
    --enable-mutable-globals --enable-reference-types --enable-multivalue -o "/tmp/$probe.wasm"
  echo "$probe: $(stat -c%s "/tmp/$probe.wasm") B raw, $(gzip -9 -c "/tmp/$probe.wasm" | wc -c) B gzip -9"
done
