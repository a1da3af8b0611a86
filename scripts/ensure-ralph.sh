#!/usr/bin/env bash
# Installs Ralph, a real xAPI Learning Record Store (https://github.com/openfun/ralph), for the LRS
# e2e test (tests/e2e/lrs.test.mjs): a Python venv under .tools/ralph with `ralph-malph` and the
# extras the `ralph runserver` command needs (without `cli` and `requests` it fails to import).
# Idempotent: pip runs only when the venv's `ralph` cannot start, so the next run takes a second.
# Needs PyPI; installs Debian's python3-venv when python3 cannot make a venv. Prints the path of the `ralph` command.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${RALPH_VENV:-$PWD/.tools/ralph}
# The version TOOLCHAIN.md verified; override to try another. (5.1.0 has no `backend-fs` extra:
# pip warns and goes on, the file-system backend is in the base package.)
spec=${RALPH_SPEC:-ralph-malph[backend-fs,lrs,cli]==5.1.0}

if "$venv/bin/ralph" --help >/dev/null 2>&1; then
  echo "$venv/bin/ralph"
  exit 0
fi

start=$(date +%s)
echo "ensure-ralph: installing $spec into $venv" >&2
if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
  # A fresh Debian has python3 without venv/ensurepip: they are the python3-venv package.
  echo "ensure-ralph: installing python3-venv (Debian package)" >&2
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends python3 python3-venv >/dev/null
fi
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "$spec" requests >&2
"$venv/bin/ralph" --help >/dev/null
echo "ensure-ralph: installed in $(( $(date +%s) - start ))s" >&2
echo "$venv/bin/ralph"
