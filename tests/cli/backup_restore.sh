#!/usr/bin/env bash
# `jianguan backup` while the server is writing, then `jianguan restore` into
# a fresh database: same records, and `audit verify` passes.
# Usage: backup_restore.sh JIANGUAN_BINARY sqlite|postgresql
set -euo pipefail
bin=$1
backend=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

if [ "$backend" = sqlite ]; then
  db="sqlite:$work/live.db"
  restored="sqlite:$work/restored.db"
  count() { sqlite3 "${1#sqlite:}" "SELECT COUNT(*) FROM $2"; }
else
  [ -n "${JG_TEST_PG_URL:-}" ] || { echo "SKIP: JG_TEST_PG_URL not set"; [ "${JG_REQUIRE_PG:-}" != 1 ] || exit 1; exit 0; }
  base=${JG_TEST_PG_URL%/*}
  n=$$
  psql -q "$JG_TEST_PG_URL" -c "CREATE DATABASE backup_live_$n" -c "CREATE DATABASE backup_restored_$n"
  db="$base/backup_live_$n"
  restored="$base/backup_restored_$n"
  count() { psql -tAq "$1" -c "SELECT COUNT(*) FROM $2"; }
fi

"$bin" --db "$db" demo-init --departments "$root/data/departments-jiading.csv" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$bin" --db "$db" serve --port "$port" --no-access-log >"$work/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
# Writes while the backup runs: logins append audit entries.
( for _ in $(seq 1 30); do
    curl -sf -o /dev/null -H 'Content-Type: application/json' \
      -d '{"username":"leader","password":"Jianguan2024"}' "http://127.0.0.1:$port/api/v1/auth/login" || true
  done ) &
pids+=($!)
"$bin" --db "$db" backup "$work/backup.file" >/dev/null
wait "${pids[1]}" || true

"$bin" --db "$restored" restore "$work/backup.file" | grep -q "audit chain OK" \
  || { echo "FAIL: restored chain does not verify"; exit 1; }
[ "$(count "$restored" users)" = 5 ] || { echo "FAIL: users not restored"; exit 1; }
[ "$(count "$restored" departments)" -ge 60 ] || { echo "FAIL: departments not restored"; exit 1; }
"$bin" --db "$restored" migrate >/dev/null
echo "PASS ($backend): backup while serving, restore verified"
