#!/usr/bin/env bash
# Installs what `make serve`, `make dist` and `make test` need when it is missing, and nothing
# when it is present, so a second run costs a second. Usage: ensure-tools.sh web|browser|all
#   web:     wasm32 target, wasm-bindgen CLI (= Cargo.lock's version), trunk ~0.21, wasm-opt 132
#   browser: Chromium + chromedriver + a CJK font (Debian packages), playwright-core for e2e
# Facts behind each choice are in docs/toolchain.md (versions that fail here, and why).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
want=${1:-all}
export PATH="$HOME/.cargo/bin:$ROOT/.tools/node_modules/.bin:$PATH"

log() { printf '\033[1m[tools]\033[0m %s\n' "$*" >&2; }

lock_version() { # the version Cargo.lock pins for crate $1
  awk -v n="$1" '$0 == "name = \"" n "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_web() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  local wb; wb=$(lock_version wasm-bindgen)
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb" ]; then
    log "installing wasm-bindgen-cli $wb (~4 min on 2 cores)"
    # Not --locked: the locked webpki-roots of the CLI's own lock file is not in the registry mirror.
    cargo install wasm-bindgen-cli --version "=$wb" --force
  fi
  if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
    log "installing trunk 0.21 (~11 min on 2 cores; 0.22 needs a newer rustc than 1.95)"
    cargo install trunk --version '~0.21' --locked
  fi
  if ! wasm-opt --version 2>/dev/null | grep -q 'version 132'; then
    log "installing wasm-opt (binaryen 132, from npm; Debian's 108 cannot read rustc 1.95 output)"
    mkdir -p .tools
    [ -f .tools/package.json ] || echo '{"private":true}' > .tools/package.json
    npm install --prefix .tools --no-audit --no-fund --loglevel=error binaryen@132.0.0
  fi
}

ensure_browser() {
  local pkgs=()
  command -v chromium >/dev/null || pkgs+=(chromium)
  command -v chromedriver >/dev/null || pkgs+=(chromium-driver)
  [ -d /usr/share/fonts/opentype/noto ] || pkgs+=(fonts-noto-cjk)
  if [ ${#pkgs[@]} -gt 0 ]; then
    log "installing ${pkgs[*]} (Debian packages)"
    local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
  fi
  if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/scorm-again ]; then
    log "installing playwright-core and scorm-again for the e2e tests (no browser is downloaded: Debian's is used)"
    npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error
  fi
}

case "$want" in
  web) ensure_web ;;
  browser) ensure_browser ;;
  all) ensure_browser & bp=$!; ensure_web; wait $bp ;;
  *) echo "usage: $0 web|browser|all" >&2; exit 2 ;;
esac
