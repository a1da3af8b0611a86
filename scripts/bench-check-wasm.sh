#!/usr/bin/env bash
# Pack parse + check time in wasm, in headless Chromium (issue 16's checker row): runs the ignored
# browser test tests/browser/check_bench.rs in a release build (the profile the app ships with)
# and prints the markdown table it logs. Called by scripts/bench-browser.sh; nothing is asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
# The 100 000-node pack alone takes seconds in wasm on a loaded 2-core machine.
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-600}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
cargo test --locked --release --target wasm32-unknown-unknown -p kefu-sim --test browser -- \
  --include-ignored --nocapture check_time_in_wasm >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
echo "## Pack parse + check in wasm (headless Chromium, release build)"
echo
sed -n 's/^.*BENCH //p' "$log"
