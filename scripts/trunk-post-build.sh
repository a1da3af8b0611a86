#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml), run after the student app (index.html) is built into the
# staging dir that becomes dist/:
#   1. the compiled built-in packs, as dist/packs/ID-HASH.bin, written by the same checker pack
#      authors run (`packcheck --emit`); the apps embed only the packs' summaries (build.rs) and
#      fetch a pack's file when it is opened. Like build.rs, a pack with errors is left out with a
#      warning rather than failing the build; `make test` fails on it instead.
#   2. the student's first page as static HTML (examples/static_home.rs, src/ui/student/static_home):
#      the home page rendered at build time; the play app is prefetched, not loaded.
#   3. the other apps, crm/, teacher/ and teacher/packs/ (trunk builds one app per page; see
#      src/ui/mod.rs; teacher/packs/ after teacher/, whose build clears its own dist dir),
#      and lms/, the LMS page (cargo feature `lms`: LRS settings, xAPI sync frame, result export),
#      then lms/scorm/, the SCORM page (cargo feature `scorm`; after lms/, whose build clears it),
#      by a nested trunk build into the same staging dir, so `trunk build` and `trunk serve` both
#      produce the whole site. KEFU_INNER_BUILD stops the nested builds from recursing.
#   4. in release builds, each page's Content-Security-Policy (scripts/csp.mjs) and pre-compressed
#      .gz and .br copies (scripts/precompress.mjs).
set -euo pipefail
: "${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
[ -n "${KEFU_INNER_BUILD:-}" ] && exit 0
export KEFU_INNER_BUILD=1

scenarios=${KEFU_SCENARIOS_DIR:-scenarios}
status=0
cargo run --quiet --locked -p kefu-cli --bin packcheck -- --emit "$TRUNK_STAGING_DIR/packs" "$scenarios" >/dev/null || status=$?
if [ "$status" = 1 ]; then
  echo "warning: some packs in $scenarios have errors and were left out (run: make check-packs)" >&2
elif [ "$status" != 0 ]; then
  exit "$status"
fi

cargo run --quiet --locked --example static_home -- "$TRUNK_STAGING_DIR"

release=()
[ "${TRUNK_PROFILE:-debug}" = release ] && release=(--release)
for app in crm teacher teacher/packs lms lms/scorm; do
  trunk build "${release[@]}" --offline --public-url ./ --dist "$TRUNK_STAGING_DIR/$app" "$app/index.html"
done

# 4. Release builds: a Content-Security-Policy on every page (after the pages are final: it hashes
#    their inline scripts), then .gz and .br copies of every text and wasm file, for servers that
#    send pre-compressed files (README, "Serving dist/").
if [ "${TRUNK_PROFILE:-debug}" = release ]; then
  node scripts/csp.mjs "$TRUNK_STAGING_DIR"
  node scripts/precompress.mjs "$TRUNK_STAGING_DIR"
fi
