#!/usr/bin/env bash
# Runs crash_safety.py on a fresh SQLite file or a fresh PostgreSQL schema.
# Usage: run.sh JIANGUAN_BINARY sqlite|postgresql KILLS
set -euo pipefail
bin=$1 backend=$2 kills=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ "$backend" = sqlite ]; then
  db="sqlite:$work/crash.db"
else
  [ -n "${JG_TEST_PG_URL:-}" ] || { echo "SKIP: JG_TEST_PG_URL not set"; [ "${JG_REQUIRE_PG:-}" != 1 ] || exit 1; exit 0; }
  schema="crash_$$"
  psql -q "$JG_TEST_PG_URL" -c "CREATE SCHEMA $schema"
  db="$JG_TEST_PG_URL?options=-csearch_path%3D$schema"
fi
python3 "$here/crash_safety.py" "$bin" "$db" "$kills"
