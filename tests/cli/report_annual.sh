#!/usr/bin/env bash
# `jianguan report annual`: the annual report's figures from a real database
# file, as JSON, the A4 HTML page and an .xlsx workbook. Records are written
# with sqlite3 straight into the file (as another system would have left
# them), so the figures can only come from the records: three food licences
# with 含酒类 in 2023 (one revoked since) and one in 2022, and registrations
# at the 北虹桥 service point. Bad options exit 2.
# Usage: report_annual.sh JIANGUAN_BINARY
set -euo pipefail
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
file="$work/report.db"
db="sqlite:$file"
"$bin" --db "$db" departments import "$root/data/departments-jiading.csv" >/dev/null
"$bin" --db "$db" import entities "$root/data/demo/entities-demo.csv" >/dev/null

sqlite3 "$file" <<'SQL'
INSERT INTO holdings (kind, identifier, entity_id, valid_from, status, updated_at) VALUES
 ('food_operation_licence', 'JY13101140000011', 1, '2023-01-01', 'valid', 1),
 ('food_operation_licence', 'JY13101140000022', 2, '2023-07-01', 'revoked', 1),
 ('food_operation_licence', 'JY13101140000033', 3, '2023-12-31', 'valid', 1),
 ('food_operation_licence', 'JY13101140000044', 4, '2022-06-30', 'valid', 1),
 ('food_operation_licence', 'JY13101140000055', 5, '2023-03-03', 'valid', 1);
INSERT INTO holding_attributes (holding_id, key, value)
 SELECT id, 'business_items', '含酒类' FROM holdings WHERE identifier <> 'JY13101140000055';
INSERT INTO registrations (entity_id, kind, service_point, handled_on, fully_electronic, recorded_at) VALUES
 (1, 'establishment', '北虹桥企业登记注册服务点', '2023-02-01', 1, 1),
 (2, 'establishment', '北虹桥企业登记注册服务点', '2023-03-01', 1, 1),
 (3, 'change', '北虹桥企业登记注册服务点', '2023-04-01', 0, 1);
SQL

fail() { echo "FAIL: $*" >&2; exit 1; }

"$bin" --db "$db" report annual --year 2023 > "$work/r.json"
python3 - "$work/r.json" <<'PY' || fail "json figures"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["year"] == 2023 and r["bureau"] == "上海市嘉定区市场监督管理局", r["bureau"]
f = {x["id"]: x for s in r["sections"] for x in s["figures"]}
a = f["food_licences_alcohol"]
assert (a["value"], a["previous"], a["change"]) == (3, 1, 2.0), a
assert a["report_2023"] == "2911"
assert a["link"].startswith("/holdings?kind=food_operation_licence&item=%E5%90%AB%E9%85%92%E7%B1%BB&issued_from=2023-01-01"), a["link"]
l = f["licences_issued"]
assert (l["value"], l["previous"]) == (4, 1), l
e = f["establishments"]
assert e["value"] == 2 and e["previous"] is None and e["change"] is None, e  # no registration in 2022
assert e["breakdown"][0]["key"] == "北虹桥企业登记注册服务点"
s = f["registrations_electronic_share"]
assert s["value"] == 66.67 and s["unit"] == "%", s
c = f["cases_filed"]
assert c["value"] == 0 and c["previous"] is None and c["link"] == "/cases?filed_year=2023", c
assert f["discovery_rate"]["value"] is None
PY

"$bin" --db "$db" report annual --year 2023 --format html --out "$work/r.html" 2>/dev/null
grep -q '@page { size: A4' "$work/r.html" || fail "html not A4"
grep -q '<td>核发含酒类食品经营许可证（张）</td><td class="n">3</td><td class="n">1</td><td class="n">+200.0%</td><td class="r">2911</td>' "$work/r.html" \
  || fail "html figure row"

"$bin" --db "$db" report annual --year 2023 --format xlsx --out "$work/r.xlsx" 2>/dev/null
python3 - "$work/r.xlsx" <<'PY' || fail "xlsx sheets"
import sys, zipfile, re
z = zipfile.ZipFile(sys.argv[1])
wb = z.read("xl/workbook.xml").decode()
names = re.findall(r'<sheet name="([^"]+)"', wb)
assert len(names) == 6 and names[0] == "准营许可（一）1", names
shared = z.read("xl/sharedStrings.xml").decode()
assert "核发含酒类食品经营许可证" in shared and "北虹桥企业登记注册服务点" in shared
PY

# Bad options: exit 2 with a message.
set +e
"$bin" --db "$db" report annual --year 1999 >/dev/null 2>&1; [ $? -eq 2 ] || fail "year 1999 accepted"
"$bin" --db "$db" report annual --format pdf >/dev/null 2>&1; [ $? -eq 2 ] || fail "format pdf accepted"
"$bin" --db "$db" report annual --format xlsx >/dev/null 2>&1; [ $? -eq 2 ] || fail "xlsx to a terminal"
set -e
echo "report annual: ok"
