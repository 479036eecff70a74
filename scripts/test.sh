#!/usr/bin/env bash
# `make test`: the ASan+UBSan build (warnings are errors), then every suite:
# unit, contract and API on SQLite and a throwaway PostgreSQL 15, the CLI
# against real database files, the browser tests in Chromium, and a short
# run of every fuzz target.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)

cmake --preset asan >/dev/null
cmake --build --preset asan -j"$(nproc)"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export JG_REQUIRE_PG=1
scripts/with-postgres.sh bash -c '
  set -e
  (cd build/asan && ctest -j"$(nproc)" --output-on-failure --timeout 300)
  JG_E2E_SPLIT=1 scripts/e2e.sh build/asan/src/jianguan
'
# Every libFuzzer target briefly (make fuzz runs them longer).
FUZZ_SECONDS=${FUZZ_SECONDS:-5} scripts/fuzz.sh

echo "make test: all suites passed in $(( $(date +%s) - start ))s"
