#!/usr/bin/env bash
# `jianguan export --dir` and `import --dir` from the command line: a demo
# database exported, imported into an empty one (SQLite, and PostgreSQL when
# configured), exported again with the same files; `audit verify` passes;
# a non-empty database and a broken file are refused with exit 5 and a
# report naming file, row and column, and nothing is written.
# Usage: exchange.sh JIANGUAN_BINARY
set -euo pipefail
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# The data files and the manifest's file lines (not the time or the source store).
same_export() {
  for f in "$1"/*.csv; do
    n=$(basename "$f")
    if [ "$n" = manifest.csv ]; then
      diff <(grep '^file,' "$1/$n") <(grep '^file,' "$2/$n") >/dev/null || fail "manifests differ"
    else
      cmp -s "$f" "$2/$n" || fail "$n differs"
    fi
  done
}

src="sqlite:$work/src.db"
"$bin" --db "$src" demo-init --departments "$root/data/departments-jiading.csv" \
  --entities "$root/data/demo/entities-demo.csv" >/dev/null
"$bin" --db "$src" export --dir "$work/a" | grep -q "^exported 52 files" || fail "export"
[ -f "$work/a/manifest.csv" ] || fail "no manifest"

"$bin" --db "sqlite:$work/copy.db" import --dir "$work/a" | grep -q "^imported" || fail "import"
"$bin" --db "sqlite:$work/copy.db" audit verify | grep -q "audit chain OK" || fail "chain after import"
"$bin" --db "sqlite:$work/copy.db" export --dir "$work/b" >/dev/null
same_export "$work/a" "$work/b"

# Into a database that already has records: refused, exit 5.
set +e
"$bin" --db "$src" import --dir "$work/a" 2>"$work/err.txt"; rc=$?
set -e
[ $rc = 5 ] || fail "non-empty database: exit $rc"
grep -q database_not_empty "$work/err.txt" || fail "non-empty database: message"

# A bad date: exit 5, the report names the file, row and column; nothing written.
cp -r "$work/a" "$work/bad"
python3 - "$work/bad" <<'PY'
import sys, csv, io, hashlib, subprocess
d = sys.argv[1]
rows = list(csv.reader(open(f"{d}/entities.csv", newline="", encoding="utf-8")))
rows[1][rows[0].index("registered_on")] = "2023-13-01"
open(f"{d}/entities.csv", "w", newline="", encoding="utf-8").write(
    "".join(",".join('"' + c.replace('"', '""') + '"' if c == "" or any(x in c for x in ',"\r\n') else c for c in r) + "\r\n" for r in rows))
# Blank the checksum of that file so only the date is wrong.
m = open(f"{d}/manifest.csv", encoding="utf-8").read().replace("\r\n", "\n").split("\n")
m = [l if not l.startswith("file,entities.csv,") else ",".join(l.split(",")[:3]) + "," for l in m]
open(f"{d}/manifest.csv", "w", encoding="utf-8", newline="").write("\r\n".join(m))
PY
set +e
"$bin" --db "sqlite:$work/empty.db" import --dir "$work/bad" --errors "$work/errors.csv" 2>"$work/err.txt"; rc=$?
set -e
[ $rc = 5 ] || fail "bad date: exit $rc"
grep -q "^entities.csv:2: registered_on=2023-13-01: bad_date" "$work/err.txt" || { cat "$work/err.txt"; fail "bad date: stderr"; }
grep -q "entities.csv,2,registered_on,2023-13-01,bad_date," "$work/errors.csv" || fail "bad date: --errors"
[ "$(sqlite3 "$work/empty.db" 'SELECT COUNT(*) FROM departments')" = 0 ] || fail "bad date: rows written"

if [ -n "${JG_TEST_PG_URL:-}" ]; then
  base=${JG_TEST_PG_URL%/*}
  n=$$
  psql -q "$JG_TEST_PG_URL" -c "CREATE DATABASE exchange_$n"
  "$bin" --db "$base/exchange_$n" import --dir "$work/a" >/dev/null || fail "import into PostgreSQL"
  "$bin" --db "$base/exchange_$n" audit verify | grep -q "audit chain OK" || fail "chain on PostgreSQL"
  "$bin" --db "$base/exchange_$n" export --dir "$work/c" >/dev/null
  same_export "$work/a" "$work/c"
  echo "PASS: export, import and export again on SQLite and PostgreSQL give the same files"
else
  [ "${JG_REQUIRE_PG:-}" != 1 ] || fail "JG_REQUIRE_PG=1 but JG_TEST_PG_URL is not set"
  echo "PASS: export, import and export again on SQLite give the same files (PostgreSQL not configured)"
fi
