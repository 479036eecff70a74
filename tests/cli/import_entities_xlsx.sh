#!/usr/bin/env bash
# `jianguan import entities FILE.xlsx`: the same command takes a workbook
# (told apart by content, whatever the file is called). A bad row writes
# nothing and is reported with its sheet row number; the corrected workbook
# imports, a date kept as a serial number included; a broken one is refused.
# Usage: import_entities_xlsx.sh JIANGUAN_BINARY
set -euo pipefail
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="sqlite:$work/dir.db"
"$bin" --db "$db" departments import "$root/data/departments-jiading.csv" >/dev/null

# A minimal workbook with inline strings; the last argument is the second
# data row's credit code. The date column holds a serial number (44259 =
# 2021-03-04) in a number cell.
make_xlsx() {
  python3 - "$1" "$2" <<'PY'
import sys, zipfile
from xml.sax.saxutils import escape
out, code2 = sys.argv[1], sys.argv[2]
rows = [["统一社会信用代码", "名称", "街镇", "管辖所", "成立日期"],
        ["91310114MA0005019E", "上海马陆葡萄专业合作社", "马陆镇", "MLS", 44259],
        [code2, "江桥某某商行", "江桥镇", "JQS", ""]]
def cell(v):
    if isinstance(v, int):
        return "<c><v>%d</v></c>" % v
    return '<c t="inlineStr"><is><t>%s</t></is></c>' % escape(v) if v else "<c/>"
sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
         "".join('<row r="%d">%s</row>' % (i + 1, "".join(cell(v) for v in r)) for i, r in enumerate(rows)) +
         "</sheetData></worksheet>")
rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % rel)
    z.writestr("xl/workbook.xml", '<workbook xmlns:r="%s"><sheets><sheet name="名录" sheetId="1" r:id="rId1"/></sheets></workbook>' % rel)
    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' % rel)
    z.writestr("xl/worksheets/sheet1.xml", sheet)
PY
}

make_xlsx "$work/bad.xlsx" 91310114MA00050270
set +e
"$bin" --db "$db" import entities "$work/bad.xlsx" --report "$work/report.csv" 2>"$work/err.txt"
rc=$?
set -e
[ $rc -eq 5 ] || { echo "FAIL: bad workbook exited $rc"; cat "$work/err.txt"; exit 1; }
grep -q "row 3" "$work/err.txt" || { echo "FAIL: row 3 not named"; cat "$work/err.txt"; exit 1; }
grep -q "^3,统一社会信用代码,91310114MA00050270," "$work/report.csv" || { echo "FAIL: report"; cat "$work/report.csv"; exit 1; }
[ "$(sqlite3 "$work/dir.db" 'SELECT COUNT(*) FROM entities')" = 0 ] || { echo "FAIL: rows written"; exit 1; }

# The format is read from the content, not the name.
make_xlsx "$work/good.dat" 91310114MA00050279
out=$("$bin" --db "$db" import entities "$work/good.dat" --dry-run)
echo "$out" | grep -q "dry run.*2 rows (XLSX)" || { echo "FAIL: dry run: $out"; exit 1; }
out=$("$bin" --db "$db" import entities "$work/good.dat")
echo "$out" | grep -q "2 new, 0 updated" || { echo "FAIL: import: $out"; exit 1; }
[ "$(sqlite3 "$work/dir.db" "SELECT registered_on FROM entities WHERE credit_code='91310114MA0005019E'")" = 2021-03-04 ] \
  || { echo "FAIL: serial date not converted"; exit 1; }

head -c 300 "$work/good.dat" > "$work/cut.xlsx"
set +e
"$bin" --db "$db" import entities "$work/cut.xlsx" 2>"$work/err.txt"
rc=$?
set -e
[ $rc -eq 5 ] || { echo "FAIL: truncated workbook exited $rc"; cat "$work/err.txt"; exit 1; }
grep -q "xlsx_invalid" "$work/err.txt" || { echo "FAIL: no xlsx_invalid"; cat "$work/err.txt"; exit 1; }
"$bin" --db "$db" audit verify >/dev/null
echo "PASS: import entities from .xlsx"
