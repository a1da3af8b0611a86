#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml): puts the compiled built-in packs into the build, as
# dist/packs/ID-HASH.bin, written by the same checker pack authors run (`packcheck --emit`). The app
# embeds only the packs' summaries (build.rs) and fetches a pack's file when a student opens it.
# Like build.rs, a pack with errors is left out with its diagnostics printed, not a failed build;
# `make test` fails on it instead.
set -euo pipefail
: "${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
scenarios=${KEFU_SCENARIOS_DIR:-scenarios}
status=0
cargo run --quiet --locked --bin packcheck -- --emit "$TRUNK_STAGING_DIR/packs" "$scenarios" >/dev/null || status=$?
if [ "$status" = 1 ]; then
  echo "warning: some packs in $scenarios have errors and were left out (run: make check-packs)" >&2
elif [ "$status" != 0 ]; then
  exit "$status"
fi
