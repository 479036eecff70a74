#!/usr/bin/env bash
# `jianguan verify FILE`: every checked-in test vector (tests/vectors/draw/)
# verifies (exit 0) with its published commitment id; a tampered copy is a
# MISMATCH naming what (exit 3); a malformed one exits 5.
# Usage: verify_draw.sh JIANGUAN_BINARY
set -euo pipefail
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
vectors="$root/tests/vectors/draw"
vector="$vectors/vector1.draw"
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

# Every vector, with what it must report (docs/draw-algorithm.md §11); a new
# file without an entry here fails.
expected() {
  case $1 in
    vector1.draw) echo "OK: 9 entities, 18 assignments, commitment $id" ;;
    vector2-public-value.draw) echo "OK: 3 entities, 6 assignments, commitment 50960b37aeba37c674add4b0e3b877787d0dbd64a8f39e438eb73f5664af49ce" ;;
    vector3-selection-only.draw) echo "OK: 4 entities, 0 assignments, commitment f62cfd6da8eb8c52d27f9a4df311703a82e1ce29eba8c0dad776efadea08b628" ;;
    vector4-strata.draw) echo "OK: 6 entities, 12 assignments, commitment 8aa89095c1af37119db9f56d5fbba5692075556cf2f956769d55ff97db1e7419" ;;
    vector5-recusals.draw) echo "OK: 3 entities, 6 assignments, commitment c12f74c58f5030f8167408be4b7d58e52e4aaad3fe7a9e57f8d42f3dd6d05a94" ;;
    *) echo "no expectation for $1" ;;
  esac
}
n=0
for f in "$vectors"/*.draw; do
  want=$(expected "$(basename "$f")")
  expect_rc 0 "$bin" verify "$f" --commitment "${want##* }"
  [ "$out" = "$want" ] || { echo "FAIL: $(basename "$f"): '$out', expected '$want'"; exit 1; }
  n=$((n + 1))
done
[ "$n" -ge 5 ] || { echo "FAIL: only $n vectors in $vectors"; exit 1; }

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
