#!/usr/bin/env bash
# `jianguan import entities`: a file with one bad row writes nothing and
# leaves a per-row report; the corrected file imports; a re-import updates.
# Usage: import_entities.sh JIANGUAN_BINARY
set -euo pipefail
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="sqlite:$work/dir.db"
"$bin" --db "$db" departments import "$root/data/departments-jiading.csv" >/dev/null

cat > "$work/bad.csv" <<CSV
统一社会信用代码,名称,街镇,管辖所
91310114MA0005019E,上海马陆葡萄专业合作社,马陆镇,MLS
91310114MA00050270,坏代码公司,江桥镇,JQS
91310114MA00050354,南翔小笼包餐饮有限公司,南翔镇,NXS
CSV
set +e
"$bin" --db "$db" import entities "$work/bad.csv" --report "$work/report.csv" 2>"$work/err.txt"
rc=$?
set -e
[ $rc -eq 5 ] || { echo "FAIL: bad file exited $rc"; cat "$work/err.txt"; exit 1; }
grep -q "row 3" "$work/err.txt" || { echo "FAIL: row 3 not named"; cat "$work/err.txt"; exit 1; }
grep -q "^3,统一社会信用代码," "$work/report.csv" || { echo "FAIL: report"; cat "$work/report.csv"; exit 1; }
[ "$(sqlite3 "$work/dir.db" 'SELECT COUNT(*) FROM entities')" = 0 ] || { echo "FAIL: rows written"; exit 1; }

sed -i "s/^91310114MA00050270,/91310114MA00050279,/" "$work/bad.csv"
out=$("$bin" --db "$db" import entities "$work/bad.csv" --dry-run)
echo "$out" | grep -q "dry run" || { echo "FAIL: dry run: $out"; exit 1; }
out=$("$bin" --db "$db" import entities "$work/bad.csv")
echo "$out" | grep -q "3 new, 0 updated" || { echo "FAIL: import: $out"; exit 1; }
out=$("$bin" --db "$db" import entities "$work/bad.csv")
echo "$out" | grep -q "0 new, 3 updated" || { echo "FAIL: re-import: $out"; exit 1; }
"$bin" --db "$db" audit verify >/dev/null
echo "PASS: import entities"
