#!/usr/bin/env bash
# Builds and runs Quorate on this machine: installs what is missing, builds a release,
# migrates the embedded SQLite database in ./data and serves http://127.0.0.1:3000.
# Configuration: quorate.toml or QUORATE_* variables (see README).
set -euo pipefail
cd "$(dirname "$0")/.."

QUORATE_SKIP_BROWSER=1 scripts/install-tools.sh
scripts/build.sh
target/release/quorate migrate
exec target/release/quorate serve
