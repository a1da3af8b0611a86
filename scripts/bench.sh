#!/usr/bin/env bash
# `make bench`: measures, prints and writes docs/benchmarks.md:
#   1. first-load size of everything in dist/ (raw and gzip -9, what a static host would send),
#   2. parse + check time of generated 1k/10k/100k-node packs (crates/kefu-core/benches/check.rs),
#   3. engine start/step/replay/debrief times (benches/engine.rs),
#   4. every other bench registered in crates/kefu-core/Cargo.toml (e.g. the CRM at 10 000 customers).
# Timings are medians of repeated runs on this machine; nothing here is asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
scripts/ensure-tools.sh web >&2
trunk build --release --offline >&2

out=$(mktemp)
{
  echo "# Benchmarks"
  echo
  echo "Written by \`make bench\` (scripts/bench.sh); do not edit by hand. Timings are medians of"
  echo "repeated runs, native release builds unless a table says otherwise."
  echo
  echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores;"
  echo "$(rustc -V); $(date -u +%Y-%m-%d)."
  echo
  echo "## First load (dist/)"
  echo
  echo "Budget: a student's first load ≤ 120 KB gzip (never above 160). The site is six apps"
  echo "(src/ui/app.rs). The student's first page is static HTML (src/ui/student/static_home) that only"
  echo "prefetches the play app; the other pages load their app. Pack bodies are fetched when a pack is"
  echo "opened. \`lms\` is the LMS page (LRS settings, xAPI sync, export), \`scorm\` the SCORM page."
  echo
  echo "| app | file | raw | gzip -9 |"
  echo "|---|---|---:|---:|"
  size_table() { # APP DIR: the files a first visit of DIR/index.html loads; what its script only
    # prefetches after the load (the play app named by the static first page's manifest) is listed
    # but not counted
    local app=$1 dir=$2 raw_total=0 gz_total=0 f raw gz prefetched
    local manifest
    manifest=$(grep -o 'data-app="[^"]*"' "$dir/index.html" | sed 's/data-app="\.\/\([^"]*\)"/\1/' || true)
    prefetched=$([ -n "$manifest" ] && grep -o '"\./[^"]*"' "$dir/$manifest" | tr -d '"' | sed 's|^\./||' || true)
    while IFS= read -r f; do
      raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
      if grep -qxF "$(basename "$f")" <<<"$prefetched"; then
        awk -v a="$app" -v f="${f#dist/}" -v r="$raw" -v g="$gz" 'BEGIN { printf "| %s | %s (prefetched, not counted) | %.1f KB | %.1f KB |\n", a, f, r / 1000, g / 1000 }'
        continue
      fi
      raw_total=$((raw_total + raw)); gz_total=$((gz_total + gz))
      awk -v a="$app" -v f="${f#dist/}" -v r="$raw" -v g="$gz" 'BEGIN { printf "| %s | %s | %.1f KB | %.1f KB |\n", a, f, r / 1000, g / 1000 }'
    done < <(find "$dir" -maxdepth 1 -type f ! -name '*.map' ! -name '*.gz' ! -name '*.br' | sort)
    awk -v a="$app" -v r="$raw_total" -v g="$gz_total" 'BEGIN { printf "| **%s** | **first load** | %.1f KB | **%.1f KB** |\n", a, r / 1000, g / 1000 }'
  }
  size_table student dist
  size_table crm dist/crm
  size_table teacher dist/teacher
  size_table teacher-packs dist/teacher/packs
  size_table lms dist/lms
  size_table scorm dist/lms/scorm
  packs_gz=0; n=0
  for f in dist/packs/*.bin; do packs_gz=$((packs_gz + $(gzip -9 -c "$f" | wc -c))); n=$((n + 1)); done
  awk -v n="$n" -v g="$packs_gz" 'BEGIN { printf "| packs | %d files, loaded one at a time when opened | | %.1f KB in all |\n", n, g / 1000 }'
  echo
  echo "## Share links"
  echo
  echo "A teacher's pack travels in its link (\`#/install/DATA\`, src/ui/share_link.rs): DATA is base64url of"
  echo "deflate-raw (the browser's CompressionStream; node's zlib here, same algorithm) of 9 header bytes"
  echo "and the compiled pack file. Counted for each built-in pack as if shared from https://school.example/kefu/;"
  echo "the packs page offers no link over 32 000 characters."
  echo
  node scripts/share-link-lengths.mjs dist/packs
  echo
  echo "## Pack parse + check"
  echo
  cargo bench --locked --quiet -p kefu-core --bench check 2>/dev/null
  echo
  echo "## Engine"
  echo
  cargo bench --locked --quiet -p kefu-core --bench engine 2>/dev/null
  for b in $(sed -n 's/^name = "\(.*\)"$/\1/p' <(awk '/^\[\[bench\]\]/{getline; print}' crates/kefu-core/Cargo.toml)); do
    case "$b" in check|engine) continue ;; esac
    echo
    echo "## ${b}"
    echo
    cargo bench --locked --quiet -p kefu-core --bench "$b" 2>/dev/null
  done
  if [ -x scripts/bench-browser.sh ]; then
    echo
    scripts/bench-browser.sh
  fi
} | tee "$out"
mv "$out" docs/benchmarks.md
echo >&2 "wrote docs/benchmarks.md"
