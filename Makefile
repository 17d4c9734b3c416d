# Verdict — the two commands: `make run` and `make test`. Both install what is missing first.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
PORT ?= 8080
NATIVE_PACKAGES := -p verdict-core -p verdict-io -p verdict-cli -p verdict-web

.PHONY: run test setup-build setup-test build check-bundle cli test-native test-reference test-fuzz test-wasm test-e2e check-core-pure check-io-native-only

## make run: install what is missing, build the app, serve it with its demo on 127.0.0.1:$(PORT)
run: setup-build build
	node tests/e2e/serve.mjs dist $(PORT)

## make test: install what is missing, then every test: native, wasm in Chromium, end-to-end
test: setup-test test-native test-reference check-core-pure check-io-native-only test-fuzz test-wasm build check-bundle cli test-e2e
	@echo "make test: all suites passed"

setup-build:
	scripts/setup.sh build

setup-test:
	scripts/setup.sh test

# Four bundles: index.html (rating, embedding), quality.html (the quality workspace's shell),
# the analysis module (its worker's computations, loaded on demand; also campaign.html, the rating
# app with the campaign planner) and the rich-content module (rich.html: Markdown, math, code,
# diff, loaded by www/rich-page.js after the rating page's first paint). The last three are built
# aside, then merged into dist/.
build:
	trunk build --release --cargo-profile wasm-release
	trunk build --release --cargo-profile wasm-release quality.html --html-output quality.html --dist target/dist-quality
	trunk build --release --cargo-profile wasm-quality campaign.html --html-output campaign.html --dist target/dist-campaign
	cp -r target/dist-quality/. target/dist-campaign/. dist/
	trunk build --release --cargo-profile wasm-release rich.html --html-output rich.html --dist target/dist-rich
	cp target/dist-rich/verdict-rich-*.js target/dist-rich/verdict-rich-*_bg.wasm dist/
	node scripts/externalize-boot.mjs dist

# The rating page's and the quality workspace's first paints (wasm + JS glue, gzip -9) within
# 350 KB each (docs/BENCHMARKS.md); the workspace's analysis module loads later, in its worker.
check-bundle:
	node scripts/check-bundle-size.mjs dist 350000
	node scripts/check-bundle-size.mjs dist 350000 verdict-workspace

# The release CLI: the end-to-end tests compare the workspace's numbers with its output.
cli:
	cargo build --release --locked -p verdict-cli

test-native:
	cargo test --locked $(NATIVE_PACKAGES) --features verdict-web/quality
	mkdir -p target/reference/spc && python3 tests/reference/spc/reference.py target/reference/spc/charts.json \
	  && Rscript tests/reference/spc/r_spc.R target/reference/spc/r_spc.json \
	  && SPC_REFERENCE_DIR=$(CURDIR)/target/reference/spc cargo test --locked -p verdict-core --test spc_reference

# Live checks against the independent Python peers (installed by setup-test into target/venv-peers):
# regenerate the reference fixtures into target/ with the installed packages, then compare.
test-reference:
	target/venv-peers/bin/python tests/reference/aggregate/make_fixtures.py --out target/reference/aggregate/fixtures.json
	VERDICT_AGGREGATE_FIXTURES=$(CURDIR)/target/reference/aggregate/fixtures.json \
	  cargo test --locked -p verdict-core --test aggregate_reference
	cargo build --locked -p verdict-cli
	target/venv-duckdb/bin/python tests/reference/scale/duckdb_pushdown.py $${CARGO_TARGET_DIR:-target}/debug/verdict target/reference/scale 100000
	target/venv-spark/bin/python tests/reference/scale/spark_pushdown.py $${CARGO_TARGET_DIR:-target}/debug/verdict target/reference/scale-spark 100000
	target/venv-peers/bin/python tests/reference/agreement-family/make_fixtures.py --out target/reference/agreement-family/fixtures.json
	VERDICT_AGREEMENT_FAMILY_FIXTURES=$(CURDIR)/target/reference/agreement-family/fixtures.json \
	  cargo test --locked -p verdict-core --test agreement_family_reference
	target/venv-arena-rank/bin/python tests/reference/ranking-style/make_fixtures.py --out target/reference/ranking-style
	VERDICT_STYLE_FIXTURES=$(CURDIR)/target/reference/ranking-style \
	  cargo test --locked -p verdict-core --test ranking_style_reference

# Every fuzz target briefly (docs/FORMATS.md, "Fuzzing"): stable Rust with RUSTC_BOOTSTRAP=1, as
# this machine has no nightly. Long runs are for benchmarks: FUZZ_SECONDS=600 make test-fuzz.
FUZZ_SECONDS ?= 15
FUZZ_TARGETS := judgments tasks rubric markdown agree rank
test-fuzz:
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz build -O
	cd fuzz && for target in $(FUZZ_TARGETS); do \
	  RUSTC_BOOTSTRAP=1 cargo fuzz run -O $$target -- -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -print_final_stats=1 2>&1 | tail -40 || exit 1; \
	done

# verdict-core must stay free of DOM/web dependencies (see docs/ARCHITECTURE.md).
check-core-pure:
	@if cargo tree --locked -p verdict-core -e normal --target all -i web-sys >/dev/null 2>&1; then \
	  echo "verdict-core depends on web-sys: the core must stay pure" >&2; exit 1; fi
	@echo "verdict-core is pure (no web-sys)"
	@python3 scripts/module-graph.py crates/core/src > target/module-graph.txt || { cat target/module-graph.txt; echo "verdict-core has a module cycle (docs/ARCHITECTURE.md, Layers)" >&2; exit 1; }
	@echo "verdict-core's module graph has no cycle (target/module-graph.txt)"

# Arrow and Parquet live in verdict-io (native only): never in the core or the web app's bundles.
check-io-native-only:
	@for package in verdict-web verdict-core; do \
	  if cargo tree --locked -p $$package -e normal --target all --prefix none | grep -E '^(parquet|arrow[a-z-]*|verdict-io) ' ; then \
	    echo "$$package depends on parquet/arrow/verdict-io: they must stay native-only" >&2; exit 1; fi; done
	@echo "verdict-web and verdict-core have no parquet/arrow"

test-wasm:
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=60 \
	  cargo test --locked -p verdict-web --target wasm32-unknown-unknown

test-e2e:
	node --test tests/e2e/
