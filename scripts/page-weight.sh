#!/usr/bin/env bash
# What a first visit costs (docs/performance.md, "Page weight"): starts the built binary on
# a fresh SQLite database with the demo co-op, and measures the home page and the members
# page in Chromium with an empty cache. Build first: scripts/build.sh (release) or
# scripts/build.sh --debug; BIN=target/debug/quorate to measure a debug build.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BIN:-target/release/quorate}
site=${SITE_ROOT:-target/site}
port=${PORT:-3277}
data=$(mktemp -d)
export QUORATE_DATABASE_URL="sqlite://$data/quorate.db" QUORATE_BIND="127.0.0.1:$port" \
  QUORATE_SITE_ROOT="$site" QUORATE_LOG_LEVEL=warn
"$bin" demo >/dev/null
"$bin" serve & server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
(cd end2end && node page-weight.mjs "http://127.0.0.1:$port" ada@demo.quorate.invalid \
  "quorate demo password" /o/riverside-co-op/members)
