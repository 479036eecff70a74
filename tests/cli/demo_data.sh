#!/usr/bin/env bash
# `jianguan demo-data`: a generated district whose 2023 annual report, computed
# afterwards by `report annual` from the records, equals the calibration
# targets (data/demo/calibration.csv scaled by 0.02, rounded half up); the
# audit chain of everything it wrote verifies; a second run and a run whose
# targets cannot be met are refused and write nothing.
# Usage: demo_data.sh JIANGUAN_BINARY sqlite|postgresql
set -euo pipefail
bin=$1
backend=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
cleanup() {
  rm -rf "$work"
  if [ "$backend" = postgresql ] && [ -n "${n:-}" ]; then
    psql -q "$JG_TEST_PG_URL" -c "DROP DATABASE IF EXISTS demo_data_$n" -c "DROP DATABASE IF EXISTS demo_small_$n" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
if [ "$backend" = sqlite ]; then
  db="sqlite:$work/demo.db"
  small="sqlite:$work/small.db"
  count() { sqlite3 "${1#sqlite:}" "SELECT COUNT(*) FROM $2"; }
else
  [ -n "${JG_TEST_PG_URL:-}" ] || { echo "SKIP: JG_TEST_PG_URL not set"; [ "${JG_REQUIRE_PG:-}" != 1 ] || exit 1; exit 0; }
  base=${JG_TEST_PG_URL%/*}
  n=$$
  psql -q "$JG_TEST_PG_URL" -c "CREATE DATABASE demo_data_$n" -c "CREATE DATABASE demo_small_$n"
  db="$base/demo_data_$n"
  small="$base/demo_small_$n"
  count() { psql -tAq "$1" -c "SELECT COUNT(*) FROM $2"; }
fi
fail() { echo "FAIL: $*" >&2; exit 1; }

"$bin" --db "$db" demo-init --departments "$root/data/departments-jiading.csv" \
  --entities "$root/data/demo/entities-demo.csv" >/dev/null
"$bin" --db "$db" demo-data --scale 0.02 >"$work/out.txt" 2>"$work/err.txt" || { cat "$work/err.txt"; fail "demo-data"; }
grep -q "random_inspections" "$work/out.txt" || fail "no check table: $(cat "$work/out.txt")"

"$bin" --db "$db" report annual --year 2023 >"$work/r.json"
python3 - "$work/r.json" "$root/data/demo/calibration.csv" <<'PY' || fail "report figures differ from the targets"
import csv, json, math, sys
r = json.load(open(sys.argv[1]))
f = {x["id"]: x for s in r["sections"] for x in s["figures"]}
rows = [l for l in open(sys.argv[2], encoding="utf-8") if l.strip() and not l.startswith("#")]
checked = 0
for row in list(csv.DictReader(rows)):
    want = math.floor(int(row["value"]) * 0.02 + 0.5)
    fig, year = row["figure"], int(row["year"])
    if fig == "establishments_at":
        line = next(b for b in f["establishments"]["breakdown"] if b["key"] == "北虹桥企业登记注册服务点")
    else:
        line = f[fig]
    got = line["value"] if year == 2023 else line["previous"]
    assert got is not None and round(got) == want, (fig, year, got, want)
    checked += 1
assert checked == 15, checked
rate = f["discovery_rate"]["value"]
assert abs(rate - 100.0 * f["problems_found"]["value"] / f["random_inspections"]["value"]) < 0.01, rate
print("figures checked:", checked)
PY
"$bin" --db "$db" audit verify >"$work/audit.txt" || fail "audit chain: $(cat "$work/audit.txt")"

# Every plan drawn was published; every case filed in 2022 is closed.
[ "$(count "$db" "inspection_plans WHERE status <> 'published'")" = 0 ] || fail "unpublished plans"
[ "$(count "$db" "inspection_plans")" -gt 40 ] || fail "too few plans"

# A second run is refused and changes nothing.
before=$(count "$db" "audit_log")
if "$bin" --db "$db" demo-data --scale 0.02 >/dev/null 2>"$work/err2.txt"; then fail "second run accepted"; fi
grep -q "demo_database_not_empty" "$work/err2.txt" || fail "second run: $(cat "$work/err2.txt")"
[ "$(count "$db" "audit_log")" = "$before" ] || fail "second run wrote"

# Targets that cannot be met: refused, all or nothing (the entities of the
# first simulated day are not left behind).
"$bin" --db "$small" demo-init --departments "$root/data/departments-jiading.csv" >/dev/null
if "$bin" --db "$small" demo-data --scale 0.02 --entities 100 >/dev/null 2>"$work/err3.txt"; then fail "too small accepted"; fi
grep -q "demo_too_small\|demo_population_too_small\|demo_targets_inconsistent" "$work/err3.txt" || fail "too small: $(cat "$work/err3.txt")"
[ "$(count "$small" "entities")" = 0 ] || fail "a failed run left entities"
[ "$(count "$small" "inspectors")" = 9 ] || fail "a failed run left inspectors"
echo "demo_data $backend: OK"
