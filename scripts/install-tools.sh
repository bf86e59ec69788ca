#!/usr/bin/env bash
# Installs what building and testing Quorate needs, skipping whatever is already there.
# Safe to run again: every step checks first.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '==> %s\n' "$*" >&2; }

# The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock.
lock_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

want=$(lock_version wasm-bindgen)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ -n "$want" ] && [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (about 10 minutes the first time)"
  # Not --locked: its lockfile pins a webpki-roots the index no longer has (toolchain guide).
  cargo install wasm-bindgen-cli --version "$want"
fi

if [ "${QUORATE_SKIP_BROWSER:-}" != 1 ] && [ ! -x /usr/bin/chromium ]; then
  say "installing Debian's Chromium for the browser tests"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

# poppler-utils: the tests read the minutes' PDFs back (pdftotext, pdftoppm, pdfinfo).
if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
  say "installing poppler-utils to read PDFs in the tests"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq poppler-utils >/dev/null
fi

# npm ci again only when package-lock.json changed since the last install.
stamp=end2end/node_modules/.quorate-installed-lock
if ! cmp -s end2end/package-lock.json "$stamp" 2>/dev/null; then
  say "installing the npm packages (Playwright, axe, binaryen for wasm-opt)"
  (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  cp end2end/package-lock.json "$stamp"
fi
