#!/usr/bin/env bash
# `jianguan audit verify` against a real database that an attacker edits
# directly: it must pass before, then fail with exit code 3 naming the entry.
# Usage: audit_tamper.sh JIANGUAN_BINARY sqlite|postgresql
set -euo pipefail
bin=$1
backend=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ "$backend" = sqlite ]; then
  db="sqlite:$work/tamper.db"
  sql() { sqlite3 "$work/tamper.db" "$1"; }
else
  [ -n "${JG_TEST_PG_URL:-}" ] || { echo "SKIP: JG_TEST_PG_URL not set"; [ "${JG_REQUIRE_PG:-}" != 1 ] || exit 1; exit 0; }
  schema="tamper_$$"
  psql -q "$JG_TEST_PG_URL" -c "CREATE SCHEMA $schema"
  db="$JG_TEST_PG_URL?options=-csearch_path%3D$schema"
  sql() { psql -q "$db" -c "$1" >/dev/null; }
fi

"$bin" --db "$db" demo-init --departments "$root/data/departments-jiading.csv" >/dev/null
out=$("$bin" --db "$db" audit verify)
echo "$out" | grep -q "audit chain OK" || { echo "FAIL: fresh chain did not verify: $out"; exit 1; }

# The attacker removes the append-only guard and rewrites entry 7.
if [ "$backend" = sqlite ]; then
  sql "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 7;"
else
  sql "DROP TRIGGER audit_log_no_change ON audit_log; UPDATE audit_log SET actor = 'mallory' WHERE seq = 7;"
fi
set +e
out=$("$bin" --db "$db" audit verify)
rc=$?
set -e
[ $rc -eq 3 ] || { echo "FAIL: expected exit 3 after tampering, got $rc: $out"; exit 1; }
echo "$out" | grep -q "BROKEN at entry 7" || { echo "FAIL: did not name entry 7: $out"; exit 1; }

# Deleting an entry is named too (entry 12 goes missing).
sql "DELETE FROM audit_log WHERE seq = 12;" 2>/dev/null || true
json=$("$bin" --db "$db" audit verify --json || true)
echo "$json" | grep -q '"ok":false' || { echo "FAIL: json report: $json"; exit 1; }
echo "PASS ($backend): tampered entry 7 named, exit code 3"
