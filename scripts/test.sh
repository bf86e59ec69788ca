#!/usr/bin/env bash
# Every test Quorate has, in one command (`.ci/run` calls exactly this):
# format, lints (server build and browser build separately), unit tests, integration tests on
# SQLite and PostgreSQL, and the browser tests in Chromium with JavaScript on and off.
# Ends with one line `N passed, N failed`; exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
failures=()
log_dir=$(mktemp -d)

banner() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

# Adds the test counts a runner printed (cargo: "test result: ok. 3 passed; 0 failed";
# Playwright: "  12 passed", "  1 failed") to the totals.
count_tests() {
  local log=$1 p f
  p=$(grep -aEo '[0-9]+ passed' "$log" | awk '{s+=$1} END {print s+0}')
  f=$(grep -aEo '[0-9]+ failed' "$log" | awk '{s+=$1} END {print s+0}')
  echo "$p $f"
}

# Runs a step that is a check (no test counts): one pass or one failure.
check() {
  local name=$1; shift
  banner "$name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); failures+=("$name")
  fi
}

# Runs a step that runs tests, counting them; a step that fails without a failing test
# (a build error, a crash) counts as one failure.
suite() {
  local name=$1; shift
  local log="$log_dir/$(echo "$name" | tr -c 'a-zA-Z0-9' '_').log"
  banner "$name"
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  local p f
  read -r p f < <(count_tests "$log")
  passed=$((passed + p))
  failed=$((failed + f))
  if [ "$status" -ne 0 ]; then
    failures+=("$name")
    [ "$f" -eq 0 ] && failed=$((failed + 1))
  fi
}

postgres_ready() {
  local url=${QUORATE_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}
  if command -v psql >/dev/null 2>&1; then
    psql "$url" -tAc 'SELECT 1' >/dev/null 2>&1
  else
    (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null
  fi
}

banner "installing what the tests need"
scripts/install-tools.sh || { echo "0 passed, 1 failed"; exit 1; }

check "format (cargo fmt --check)" cargo fmt --all -- --check
check "lints, server build (clippy, ssr)" \
  cargo clippy --workspace --exclude frontend --all-targets --locked -- -D warnings
check "lints, browser build (clippy, hydrate, wasm32)" \
  cargo clippy -p frontend -p tally --target wasm32-unknown-unknown --locked -- -D warnings

# One cargo invocation over one package set, so every crate is compiled once with one set of
# features; it also builds target/debug/quorate (server/tests/cli.rs needs it), which the
# integration and browser tests start.
# A hung test fails the run after 30 minutes instead of using up CI's time.
tests=(timeout 1800 cargo test --workspace --exclude frontend --locked)
if postgres_ready; then
  suite "unit and integration tests (SQLite and PostgreSQL)" "${tests[@]}"
elif [ -n "${CI:-}" ]; then
  suite "unit and integration tests (SQLite; PostgreSQL missing)" "${tests[@]}" -- --skip postgres::
  echo "FAILED: PostgreSQL is not reachable at 127.0.0.1:5432 (database 'test', trust auth for" \
       "user postgres), and CI is set, so its suite may not be skipped."
  failed=$((failed + 1)); failures+=("PostgreSQL not reachable in CI")
else
  suite "unit and integration tests (SQLite only)" "${tests[@]}" -- --skip postgres::
  printf '%s\n' "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" \
    "!! PostgreSQL is not reachable at 127.0.0.1:5432 as postgres@.../test (trust auth)." \
    "!! The PostgreSQL suite was SKIPPED. Start PostgreSQL, or set" \
    "!! QUORATE_TEST_POSTGRES_URL, and run again. (In CI this is a failure.)" \
    "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
fi

check "build the browser bundle (debug)" scripts/build.sh --debug --bundle-only
suite "browser tests (Playwright, Chromium, JavaScript on and off)" \
  bash -c 'cd end2end && npx --no-install playwright test'

rm -rf "$log_dir"
banner "summary"
for name in "${failures[@]}"; do echo "failed: $name"; done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
