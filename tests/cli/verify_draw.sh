#!/usr/bin/env bash
# `jianguan verify FILE`: the checked-in test vector verifies (exit 0); a
# tampered copy is a MISMATCH naming what (exit 3); a malformed one exits 5.
# Usage: verify_draw.sh JIANGUAN_BINARY
set -euo pipefail
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
vector="$root/tests/data/draw/vector1.draw"
id=2ad3ffccb7707f70a1d9587bfb5bc765e7f0ee8921c69403f8b535fba4c1866f
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
expect_rc() {  # expected-code command…
  local want=$1; shift
  set +e; out=$("$@" 2>&1); rc=$?; set -e
  [ "$rc" -eq "$want" ] || { echo "FAIL: '$*' exited $rc, expected $want: $out"; exit 1; }
}

"$bin" verify --help | grep -q -- "--commitment" || { echo "FAIL: verify --help"; exit 1; }
expect_rc 2 "$bin" verify
expect_rc 2 "$bin" verify "$work/missing.draw"

expect_rc 0 "$bin" verify "$vector"
[ "$out" = "OK: 9 entities, 18 assignments, commitment $id" ] || { echo "FAIL: output '$out'"; exit 1; }
expect_rc 0 "$bin" verify "$vector" --commitment "$id"
expect_rc 3 "$bin" verify "$vector" --commitment 0000
echo "$out" | grep -q "^MISMATCH: commitment_id" || { echo "FAIL: $out"; exit 1; }

# Another inspector in the second result row.
sed 's/^\(91310114MA0010002B\tA\tJQ\tJD002,\)NX002$/\1NX001/' "$vector" > "$work/tampered.draw"
cmp -s "$vector" "$work/tampered.draw" && { echo "FAIL: sed did not tamper"; exit 1; }
expect_rc 3 "$bin" verify "$work/tampered.draw"
echo "$out" | grep -q "^MISMATCH: result (line 73): 第2户不符" || { echo "FAIL: $out"; exit 1; }

# Another seed.
sed 's/^seed_hex: 5a/seed_hex: 5b/' "$vector" > "$work/seed.draw"
expect_rc 3 "$bin" verify "$work/seed.draw"
echo "$out" | grep -q "^MISMATCH: seed (line 8)" || { echo "FAIL: $out"; exit 1; }

# Malformed: a row with a missing field.
sed 's/^\(91310114MA0010002B\tA\)\tJQ$/\1/' "$vector" > "$work/malformed.draw"
expect_rc 5 "$bin" verify "$work/malformed.draw"
echo "$out" | grep -q "第18行" || { echo "FAIL: $out"; exit 1; }
echo "PASS: verify draw"
