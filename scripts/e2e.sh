#!/usr/bin/env bash
# Browser tests: the real binary on a fresh demo database (SQLite, and the
# test PostgreSQL when $JG_TEST_PG_URL is set), Debian's Chromium driven by
# playwright-core. Screenshots go to build/e2e-screenshots/<backend>/.
# Usage: scripts/e2e.sh JIANGUAN_BINARY
# JG_E2E_SPLIT=1 (make test) runs every second spec on SQLite and the others on
# PostgreSQL, each spec once, to keep make test short; without it (make e2e) every
# spec runs on both stores. The API and contract suites run everything on both.
set -euo pipefail
bin=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -f web/dist/index.html ] || { echo "e2e: web/dist missing; run make web" >&2; exit 1; }

run_one() {  # backend db-url [part]
  local backend=$1 db=$2 part=${3:-}
  local port log shots pid
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  shots="$root/build/e2e-screenshots/$backend"
  log=$(mktemp)
  mkdir -p "$shots"
  "$bin" --db "$db" demo-init --departments data/departments-jiading.csv >/dev/null
  "$bin" --db "$db" serve --port "$port" --web-root web/dist --no-access-log >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.1
  done
  set +e
  JG_E2E_BASE_URL="http://127.0.0.1:$port" JG_E2E_SCREENSHOT_DIR="$shots" JG_E2E_BIN="$bin" JG_E2E_PART="$part" \
    node tests/e2e/run-all.mjs
  local rc=$?
  set -e
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ $rc -ne 0 ]; then echo "e2e ($backend) FAILED; server log:"; tail -50 "$log"; fi
  rm -f "$log"
  [ $rc -eq 0 ] && echo "e2e ($backend): passed, screenshots in $shots"
  return $rc
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The two stores run at the same time (each with its own server and browser;
# the specs spend much of their time waiting on pages); each one's output is
# printed whole when both are done.
if [ -z "${JG_TEST_PG_URL:-}" ] && [ "${JG_REQUIRE_PG:-}" = 1 ]; then
  echo "e2e: JG_REQUIRE_PG=1 but no JG_TEST_PG_URL" >&2; exit 1
fi
sqlite_part='' pg_part=''
if [ "${JG_E2E_SPLIT:-}" = 1 ] && [ -n "${JG_TEST_PG_URL:-}" ]; then sqlite_part=0/2 pg_part=1/2; fi
run_one sqlite "sqlite:$tmp/e2e.db" "$sqlite_part" >"$tmp/sqlite.log" 2>&1 &
sqlite_pid=$!
pg_rc=0
if [ -n "${JG_TEST_PG_URL:-}" ]; then
  psql -q "$JG_TEST_PG_URL" -c "CREATE SCHEMA e2e_$$"
  run_one postgresql "$JG_TEST_PG_URL?options=-csearch_path%3De2e_$$" "$pg_part" >"$tmp/postgresql.log" 2>&1 &
  wait $! || pg_rc=$?
fi
sqlite_rc=0
wait "$sqlite_pid" || sqlite_rc=$?
echo "===== e2e on SQLite"; cat "$tmp/sqlite.log"
if [ -f "$tmp/postgresql.log" ]; then echo "===== e2e on PostgreSQL"; cat "$tmp/postgresql.log"; fi
[ "$sqlite_rc" = 0 ] && [ "$pg_rc" = 0 ]
