#!/usr/bin/env bash
# Browser half of `make bench` (called by scripts/bench.sh after it built dist/): the CRM with the
# 10 000 generated customers of benches/crm.rs, in headless Chromium on the release build. Prints a
# markdown table (tests/e2e/crm-bench.mjs); nothing is asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
[ -d dist/crm ] || trunk build --release --offline >&2
[ -d tests/e2e/node_modules ] || (cd tests/e2e && npm ci --no-audit --no-fund >&2)
dump=$(mktemp --suffix=.json)
trap 'rm -f "$dump"' EXIT
KEFU_CRM_DUMP="$dump" cargo bench --locked --quiet --bench crm >&2
(cd tests/e2e && node crm-bench.mjs "$dump")

# The student's experience (issue 16): first load per page (gzip, prefetches apart), nav -> first
# choice painted, click -> next content painted p50/p95 over 10 plays of the apple seller.
echo
(cd tests/e2e && node play-bench.mjs 10)

# --- Pack parse + check in wasm (issue 16, checker): its own script, its own table. ---
echo
scripts/bench-check-wasm.sh
# --- end of pack parse + check in wasm ---
