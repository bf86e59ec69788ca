#!/usr/bin/env bash
# Builds Quorate without cargo-leptos: the `quorate` binary and the browser bundle in
# target/site (pkg/quorate.js, pkg/quorate_bg.wasm, pkg/quorate.css, public files).
#   scripts/build.sh            release build (wasm optimised with wasm-opt)
#   scripts/build.sh --debug    debug build (what the tests use)
#   --bundle-only               only the browser bundle (the tests build the binary themselves)
# Extra environment: RUSTC_WORKSPACE_WRAPPER/CLIPPY_ARGS pass through (the test command
# uses them to lint while it builds).
set -euo pipefail
cd "$(dirname "$0")/.."

profile=release
bundle_only=
for arg in "$@"; do
  case "$arg" in
    --debug) profile=debug ;;
    --bundle-only) bundle_only=1 ;;
    *) echo "usage: scripts/build.sh [--debug] [--bundle-only]" >&2; exit 2 ;;
  esac
done

site=target/site
pkg=$site/pkg
mkdir -p "$pkg"

if [ "$profile" = release ]; then
  [ -n "$bundle_only" ] || cargo build --release -p server --bin quorate
  cargo build --profile wasm-release -p frontend --lib --target wasm32-unknown-unknown
  wasm=target/wasm32-unknown-unknown/wasm-release/frontend.wasm
else
  [ -n "$bundle_only" ] || cargo build -p server --bin quorate
  cargo build -p frontend --lib --target wasm32-unknown-unknown
  wasm=target/wasm32-unknown-unknown/debug/frontend.wasm
fi

wasm-bindgen --target web --no-typescript --out-dir "$pkg" --out-name quorate "$wasm"

if [ "$profile" = release ]; then
  wasm_opt=end2end/node_modules/.bin/wasm-opt
  if [ -x "$wasm_opt" ]; then
    "$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
      --enable-sign-ext --enable-mutable-globals --enable-reference-types \
      "$pkg/quorate_bg.wasm" -o "$pkg/quorate_bg.wasm"
  else
    echo "note: wasm-opt not found ($wasm_opt); the bundle is left unoptimised" >&2
  fi
fi

cp style/main.css "$pkg/quorate.css"

# Content-hashed names (the server finds them and sends them cached for good), and the
# precompressed copies it serves (docs/decisions.md, "Page weight").
hash=$(cat "$pkg/quorate.js" "$pkg/quorate_bg.wasm" "$pkg/quorate.css" | sha256sum | cut -c1-16)
rm -f "$pkg"/quorate-*
mv "$pkg/quorate.js" "$pkg/quorate-$hash.js"
mv "$pkg/quorate_bg.wasm" "$pkg/quorate-${hash}_bg.wasm"
mv "$pkg/quorate.css" "$pkg/quorate-$hash.css"
fast=""
[ "$profile" = release ] || fast="--fast"
node scripts/precompress.mjs $fast "$pkg/quorate-$hash.js" "$pkg/quorate-${hash}_bg.wasm" \
  "$pkg/quorate-$hash.css"

cp -R public/. "$site/"
echo "built $profile: ${bundle_only:+(bundle only) }$site (bundle quorate-$hash)" >&2
