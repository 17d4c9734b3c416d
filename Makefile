# Verdict — the two commands: `make run` and `make test`. Both install what is missing first.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
PORT ?= 8080
NATIVE_PACKAGES := -p verdict-core -p verdict-cli -p verdict-web

.PHONY: run test setup-build setup-test build check-bundle cli test-native test-reference test-wasm test-e2e check-core-pure

## make run: install what is missing, build the app, serve it with its demo on 127.0.0.1:$(PORT)
run: setup-build build
	node tests/e2e/serve.mjs dist $(PORT)

## make test: install what is missing, then every test: native, wasm in Chromium, end-to-end
test: setup-test test-native test-reference check-core-pure test-wasm build check-bundle cli test-e2e
	@echo "make test: all suites passed"

setup-build:
	scripts/setup.sh build

setup-test:
	scripts/setup.sh test

# Two pages, two bundles: index.html (rating, embedding) and quality.html (the quality workspace
# and its analysis worker). The second is built aside, then merged into dist/.
build:
	trunk build --release --cargo-profile wasm-release
	trunk build --release --cargo-profile wasm-quality quality.html --html-output quality.html --dist target/dist-quality
	cp -r target/dist-quality/. dist/
	node scripts/externalize-boot.mjs dist

# The rating page's first paint (wasm + JS glue, gzip -9) within 350 KB (docs/BENCHMARKS.md).
check-bundle:
	node scripts/check-bundle-size.mjs dist 350000

# The release CLI: the end-to-end tests compare the workspace's numbers with its output.
cli:
	cargo build --release --locked -p verdict-cli

test-native:
	cargo test --locked $(NATIVE_PACKAGES) --features verdict-web/quality

# Live checks against the independent Python peers (installed by setup-test into target/venv-peers):
# regenerate the reference fixtures into target/ with the installed packages, then compare.
test-reference:
	target/venv-peers/bin/python tests/reference/aggregate/make_fixtures.py --out target/reference/aggregate/fixtures.json
	VERDICT_AGGREGATE_FIXTURES=$(CURDIR)/target/reference/aggregate/fixtures.json \
	  cargo test --locked -p verdict-core --test aggregate_reference

# verdict-core must stay free of DOM/web dependencies (see docs/ARCHITECTURE.md).
check-core-pure:
	@if cargo tree --locked -p verdict-core -e normal --target all -i web-sys >/dev/null 2>&1; then \
	  echo "verdict-core depends on web-sys: the core must stay pure" >&2; exit 1; fi
	@echo "verdict-core is pure (no web-sys)"

test-wasm:
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=60 \
	  cargo test --locked -p verdict-web --target wasm32-unknown-unknown

test-e2e:
	node --test tests/e2e/
