#!/usr/bin/env bash
# `make test`: every check, in the order that fails fastest, with the wall time of each stage and a
# summary table at the end (CI's log shows where the time goes). Stops at the first failing stage.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
# wasm-bindgen-test-runner: one browser test file may take a while on a loaded 2-core machine.
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-120}

summary=()
total_start=$(date +%s)

stage() { # stage NAME COMMAND...
  local name=$1; shift
  local start; start=$(date +%s)
  printf '\n\033[1m==> %s\033[0m: %s\n' "$name" "$*"
  if "$@"; then
    local took=$(( $(date +%s) - start ))
    summary+=("$(printf '| %-8s | %5ss | ok |' "$name" "$took")")
    printf '\033[1m<== %s\033[0m ok in %ss\n' "$name" "$took"
  else
    local rc=$? took=$(( $(date +%s) - start ))
    summary+=("$(printf '| %-8s | %5ss | FAILED (exit %s) |' "$name" "$took" "$rc")")
    report
    exit "$rc"
  fi
}

report() {
  printf '\n| stage    |  time | result |\n|---|---:|---|\n'
  printf '%s\n' "${summary[@]}"
  printf '| total    | %5ss | |\n' "$(( $(date +%s) - total_start ))"
}

wasm_clippy() {
  # The browser-only code (local storage, the wasm entries, browser tests) only compiles for wasm32.
  cargo clippy --locked --target wasm32-unknown-unknown -p kefu-sim --lib --bins --test browser -- -D warnings
  # The LMS page (lms/index.html, cargo feature `lms`) and the SCORM page (lms/scorm/, `scorm`).
  cargo clippy --locked --target wasm32-unknown-unknown -p kefu-sim --lib --bins --features lms -- -D warnings
  cargo clippy --locked --target wasm32-unknown-unknown -p kefu-sim --lib --bins --features scorm -- -D warnings
}

browser_tests() {
  cargo test --locked --target wasm32-unknown-unknown -p kefu-sim --test browser
}

e2e() {
  # Drives the release dist/ in Debian's headless Chromium, served by the test under /kefu/.
  (cd tests/e2e && node --test --test-concurrency=1 ./*.test.mjs)
}

stage tools   scripts/ensure-tools.sh all
stage fmt     cargo fmt --all -- --check
stage clippy  cargo clippy --locked --workspace --all-targets -- -D warnings
stage clippy-wasm wasm_clippy
stage native  cargo test --locked --workspace
stage packs   cargo run --locked --quiet -p kefu-cli --bin packcheck -- scenarios/
stage fuzz    env FUZZ_CASES="${FUZZ_CASES:-20000}" cargo run --locked --quiet --profile fuzz -p kefu-core --example fuzz
stage browser browser_tests
stage dist    trunk build --release --offline
stage e2e     e2e
report
