#!/usr/bin/env bash
# Installs what Verdict's build and tests need, skipping whatever is already at the right version.
# Usage: scripts/setup.sh build   (wasm target, Trunk, wasm-bindgen CLI, wasm-opt)
#        scripts/setup.sh test    (the above + Chromium, ChromeDriver, playwright-core, Python peers)
# Facts behind the pins: ../shared/TOOLCHAIN.md (kept in docs/ARCHITECTURE.md too).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen version locked in Cargo.lock (pinned with `=` in Cargo.toml).
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock)
export PATH="$HOME/.cargo/bin:$PATH"
# Faster cold installs of the tools themselves on 2 cores; does not affect the project's build.
export CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16

say() { printf 'setup: %s\n' "$*"; }

install_wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then return; fi
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}

install_trunk() {
  if trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then return; fi
  say "installing trunk $TRUNK_VERSION"
  cargo install --locked trunk --version "$TRUNK_VERSION"
}

install_wasm_bindgen() {
  if wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then return; fi
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # --locked fails: the registry lacks one of its locked transitive versions.
  CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
}

install_node_packages() {
  # binaryen's wasm-opt (Debian's is too old for current wasm-bindgen output) and playwright-core.
  if [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] \
     && [ node_modules/.package-lock.json -nt package-lock.json ]; then return; fi
  say "installing node packages (binaryen, playwright-core)"
  npm ci --no-audit --no-fund
}

install_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then return; fi
  say "installing Debian's chromium and chromium-driver"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
}

install_arena_rank() {
  # lmarena's arena-rank (style control, sandwich intervals) pins numpy 2.3.3: its own venv.
  local venv=target/venv-arena-rank req=tests/reference/ranking-style/requirements.txt
  if cmp -s "$req" "$venv/stamp" && "$venv/bin/python" -c 'import arena_rank.models.contextual_bradley_terry' 2>/dev/null; then return; fi
  say "installing the Python peer arena-rank into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --no-deps -r "$req"
  cp "$req" "$venv/stamp"
}

install_python_peers() {
  install_arena_rank
  # Independent implementations the reference checks run live (`make test-reference`), in a venv
  # so that their pins never meet other Python packages. crowd-kit goes in without its declared
  # dependencies (transformers, pyarrow serve its text/learning parts, which we do not use).
  local venv=target/venv-peers dir=tests/reference/aggregate
  local family=tests/reference/agreement-family/requirements.txt
  if cat "$dir/requirements.txt" "$dir/requirements-no-deps.txt" "$family" | cmp -s - "$venv/stamp" \
     && "$venv/bin/python" -c 'import crowdkit.aggregation, irrCAC.raw' 2>/dev/null; then return; fi
  say "installing the Python peers (crowd-kit, irrCAC) into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r "$dir/requirements.txt"
  "$venv/bin/pip" install -q --no-deps -r "$dir/requirements-no-deps.txt"
  "$venv/bin/pip" install -q -r "$family"
  cat "$dir/requirements.txt" "$dir/requirements-no-deps.txt" "$family" > "$venv/stamp"
}

install_r_spc() {
  # R's spc package: the live reference for the control charts' run lengths (make test).
  if Rscript -e 'library(spc)' >/dev/null 2>&1; then return; fi
  say "installing Debian's r-cran-spc"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends r-cran-spc
}

install_duckdb_peer() {
  # DuckDB for the SQL push-down check (docs/SCALE.md), in its own small venv.
  local venv=target/venv-duckdb req=tests/reference/scale/requirements.txt
  if cmp -s "$req" "$venv/stamp" && "$venv/bin/python" -c 'import duckdb' 2>/dev/null; then return; fi
  say "installing DuckDB into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r "$req"
  cp "$req" "$venv/stamp"
}

install_spark_peer() {
  # Spark in local mode for the SQL push-down check (docs/SCALE.md): pyspark in its own venv,
  # Debian's OpenJDK 17 for its JVM.
  if ! java -version 2>&1 | grep -q 'version "17'; then
    say "installing Debian's openjdk-17-jre-headless"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends openjdk-17-jre-headless
  fi
  local venv=target/venv-spark req=tests/reference/scale/requirements-spark.txt
  if cmp -s "$req" "$venv/stamp" && "$venv/bin/python" -c 'import pyspark' 2>/dev/null; then return; fi
  say "installing pyspark into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r "$req"
  cp "$req" "$venv/stamp"
}

install_script_fonts() {
  # Fonts for the screenshots and e2e runs in every interface language (docs/ACCESSIBILITY.md,
  # "Fonts"). Arabic: DejaVu Sans (with Chromium). Thai: TLWG Loma (150 KB), always. CJK: Noto
  # Sans CJK is 57 MB to download (91 MB installed), so only `setup.sh fonts` fetches it; without
  # it Chromium draws Chinese and Japanese as boxes in screenshots (the tests read text, not glyphs).
  local packages=()
  fc-list :lang=th | grep -q . || packages+=(fonts-tlwg-loma-otf)
  fc-list :lang=ar | grep -q . || packages+=(fonts-dejavu-core)
  if [ "${1:-}" = cjk ]; then fc-list :lang=ja | grep -q . || packages+=(fonts-noto-cjk); fi
  [ ${#packages[@]} -eq 0 ] && return
  say "installing fonts: ${packages[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${packages[@]}"
}

install_cargo_fuzz() {
  # The fuzz targets run briefly in `make test` (stable Rust, RUSTC_BOOTSTRAP=1 for the sanitizer).
  if cargo fuzz --version 2>/dev/null | grep -q "0.13.2"; then return; fi
  say "installing cargo-fuzz 0.13.2"
  cargo install --locked cargo-fuzz --version 0.13.2
}

fetch_crates() {
  # Trunk builds offline (Trunk.toml), so every crate must be in the cache first.
  cargo fetch --locked -q
}

case "${1:-build}" in
  build)
    # The two cargo installs are the slow part of a cold machine: run them side by side.
    install_wasm_target
    install_trunk & trunk_pid=$!
    install_wasm_bindgen & wbg_pid=$!
    install_node_packages
    fetch_crates
    wait "$trunk_pid"; wait "$wbg_pid"
    ;;
  test)
    install_chromium & chromium_pid=$!
    install_cargo_fuzz
    install_python_peers
    install_duckdb_peer
    install_spark_peer
    "$0" build
    wait "$chromium_pid"
    install_r_spc
    install_script_fonts
    ;;
  fonts)
    # Fonts for refreshing the screenshots in docs/ (CJK included: 57 MB).
    install_script_fonts cjk
    ;;
  *) echo "usage: $0 build|test|fonts" >&2; exit 2 ;;
esac
