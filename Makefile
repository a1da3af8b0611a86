# The project's interface. Every target installs what it needs when it is missing
# (scripts/ensure-tools.sh), so the two commands in the README work on a fresh machine.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/.tools/node_modules/.bin:$(PATH)

ADDRESS ?= 127.0.0.1
PORT ?= 8080

.PHONY: serve dist test bench check-packs fuzz tools clean

## Build and serve the app with live reload on http://127.0.0.1:8080
serve:
	scripts/ensure-tools.sh web
	trunk serve --offline --address $(ADDRESS) --port $(PORT)

## Release build into dist/ (works from any static host path)
dist:
	scripts/ensure-tools.sh web
	trunk build --release --offline

## Every check CI runs, with the time of each stage
test:
	scripts/test.sh

## Mutation fuzzing of every parser and decoder (FUZZ_CASES=N inputs in total, default 1 000 000);
## last line: `fuzz: N inputs, P panics, H hangs` (crates/kefu-core/examples/fuzz.rs)
fuzz:
	cargo run --locked --quiet --profile fuzz -p kefu-core --example fuzz

## Benchmarks: first-load size of dist/, pack parse+check, engine steps (see docs/benchmarks.md)
bench:
	scripts/bench.sh

## Check the built-in packs (or PACKS=path/to/packs) like a compiler
check-packs:
	cargo run --release --quiet -p kefu-cli --bin packcheck -- $(or $(PACKS),scenarios/)

tools:
	scripts/ensure-tools.sh all

clean:
	cargo clean
	rm -rf dist tests/e2e/artifacts
