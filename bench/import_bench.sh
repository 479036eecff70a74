#!/usr/bin/env bash
# Directory import at scale: `jianguan import entities` of N generated rows
# (IMPORT_ROWS, default 1,000,000; every row validated: credit code check
# characters, dates, kinds, …; search index and history written) into a new
# SQLite file and into PostgreSQL, next to the databases' own loaders of the
# same CSV into a table of the same shape, which validate nothing: sqlite3's
# .import and PostgreSQL's COPY. Also the floor of storing the rows the way
# jianguan keeps them: the database itself copying the loaded rows into
# jianguan's own entities table (its indexes and constraints) with INSERT …
# SELECT, validating nothing and writing no name index. Prints rows/s and the
# ratios.
# Usage: scripts/with-postgres.sh bench/import_bench.sh build/release/src/jianguan
set -euo pipefail
bin=${1:-build/release/src/jianguan}
rows=${IMPORT_ROWS:-1000000}
dir=$(mktemp -d /tmp/jianguan-import-bench.XXXXXX)
trap 'rm -rf "$dir"' EXIT
here=$(dirname "$0")

python3 "$here/import_entities_gen.py" "$rows" > "$dir/entities.csv"
echo "import_bench: $rows rows, $(du -m "$dir/entities.csv" | cut -f1) MB"

seconds() { python3 -c "import sys; print(f'{float(sys.argv[1]):.2f}')" "$1"; }
timed() {  # timed VAR command…: runs the command, stores the wall seconds in VAR
  local var=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >"$dir/out.txt" 2>&1 || { cat "$dir/out.txt" >&2; exit 1; }
  t1=$(date +%s.%N)
  printf -v "$var" '%s' "$(python3 -c "print($t1 - $t0)")"
}
# The table .import and COPY load: the entities' columns, no constraints.
shape="CREATE TABLE plain_entities (credit_code TEXT, name TEXT, kind TEXT, legal_representative TEXT,
  address TEXT, street TEXT, industry TEXT, registered_on TEXT, status TEXT, risk_class TEXT,
  risk_classified_on TEXT, tags TEXT)"

# The floor: the rows (from plain_entities, already loaded) into jianguan's
# entities, by the database alone. $1 = the source table.
floor_sql() {
  local cols="credit_code, name, kind, legal_representative, address, street, industry,
    registered_on, status, risk_class, risk_classified_on, tags, updated_at, updated_by"
  cat <<SQL
BEGIN;
INSERT INTO entities (name_fold, version, source, $cols)
SELECT lower(name), 1, 'import', credit_code, name,
  CASE kind WHEN '企业' THEN 'enterprise' WHEN '个体工商户' THEN 'individual'
    WHEN '农民专业合作社' THEN 'cooperative' ELSE 'branch' END,
  COALESCE(legal_representative, ''), COALESCE(address, ''), COALESCE(street, ''),
  COALESCE(industry, ''), COALESCE(registered_on, ''),
  CASE status WHEN '存续' THEN 'active' WHEN '注销' THEN 'deregistered'
    WHEN '吊销' THEN 'revoked' ELSE 'moved_out' END,
  COALESCE(risk_class, ''), COALESCE(risk_classified_on, ''), COALESCE(tags, ''), 0, 'bench'
FROM $1;
COMMIT;
SQL
}

"$bin" --db "sqlite:$dir/jg.db" migrate >/dev/null
timed t_jg_sqlite "$bin" --db "sqlite:$dir/jg.db" import entities "$dir/entities.csv"
grep -q "imported: $rows rows" "$dir/out.txt" || { cat "$dir/out.txt"; exit 1; }

sqlite3 "$dir/plain.db" "$shape"
timed t_sqlite_import sqlite3 "$dir/plain.db" ".mode csv" ".import --skip 1 $dir/entities.csv plain_entities"
"$bin" --db "sqlite:$dir/floor.db" migrate >/dev/null
floor_sql p.plain_entities > "$dir/floor.sql"
timed t_sqlite_floor sqlite3 "$dir/floor.db" "ATTACH '$dir/plain.db' AS p" "PRAGMA cache_size = -262144" ".read $dir/floor.sql"
# The bare floor: the same without the secondary indexes (only the credit
# code's uniqueness, which no import can skip), in WAL mode as jianguan runs
# SQLite (readers go on during an import): what storing the rows alone costs.
"$bin" --db "sqlite:$dir/bare.db" migrate >/dev/null
for index in $(sqlite3 "$dir/bare.db" "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entities' AND sql IS NOT NULL"); do
  sqlite3 "$dir/bare.db" "DROP INDEX $index"
done
timed t_sqlite_bare sqlite3 "$dir/bare.db" "ATTACH '$dir/plain.db' AS p" "PRAGMA cache_size = -262144" ".read $dir/floor.sql"

t_jg_pg="" t_copy="" t_pg_floor=""
if [ -n "${JG_TEST_PG_URL:-}" ]; then
  schema="import_bench_$$"
  psql -q "$JG_TEST_PG_URL" -c "CREATE SCHEMA $schema" >/dev/null
  url="$JG_TEST_PG_URL?options=-csearch_path%3D$schema"
  "$bin" --db "$url" migrate >/dev/null
  timed t_jg_pg "$bin" --db "$url" import entities "$dir/entities.csv"
  grep -q "imported: $rows rows" "$dir/out.txt" || { cat "$dir/out.txt"; exit 1; }
  psql -q "$url" -c "$shape" >/dev/null
  timed t_copy psql -q "$url" -c "\\copy plain_entities FROM '$dir/entities.csv' WITH (FORMAT csv, HEADER true)"
  psql -q "$JG_TEST_PG_URL" -c "CREATE SCHEMA ${schema}_floor" >/dev/null
  floor_url="$JG_TEST_PG_URL?options=-csearch_path%3D${schema}_floor"
  "$bin" --db "$floor_url" migrate >/dev/null
  floor_sql "$schema.plain_entities" > "$dir/floor.sql"
  timed t_pg_floor psql -q -v ON_ERROR_STOP=1 "$floor_url" -f "$dir/floor.sql"
fi

python3 - "$rows" "$t_jg_sqlite" "$t_sqlite_import" "$t_sqlite_floor" "$t_jg_pg" "$t_copy" "$t_pg_floor" "$t_sqlite_bare" <<'PY'
import sys
rows = int(sys.argv[1])
t = [float(x) if x else None for x in sys.argv[2:]]
names = ["jianguan import → SQLite", "sqlite3 .import (no validation)",
         "SQLite INSERT … SELECT into jianguan's entities (no validation)",
         "jianguan import → PostgreSQL", "PostgreSQL COPY (no validation)",
         "PostgreSQL INSERT … SELECT into jianguan's entities (no validation)",
         "SQLite INSERT … SELECT into jianguan's entities without its secondary indexes (WAL)"]
print(f"| {rows:,} rows | seconds | rows/s |")
print("| --- | --- | --- |")
for n, v in zip(names, t):
    print(f"| {n} | {v:.2f} | {rows / v:,.0f} |" if v else f"| {n} | — | — |")
if t[1]: print(f"jianguan→SQLite / sqlite3 .import: {t[0] / t[1]:.2f}×")
if t[2]: print(f"jianguan→SQLite / SQLite INSERT … SELECT into the same tables: {t[0] / t[2]:.2f}×")
if t[6] and t[1]: print(f"SQLite INSERT … SELECT without secondary indexes / sqlite3 .import: {t[6] / t[1]:.2f}× (storing alone, nothing checked)")
if t[3] and t[4]: print(f"jianguan→PostgreSQL / COPY: {t[3] / t[4]:.2f}×")
if t[3] and t[5]: print(f"jianguan→PostgreSQL / PostgreSQL INSERT … SELECT into the same tables: {t[3] / t[5]:.2f}×")
PY
