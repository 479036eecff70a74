#!/usr/bin/env bash
# The CLI's documented behaviour: help, user add, exit codes for bad input.
# Usage: cli_basics.sh JIANGUAN_BINARY
set -euo pipefail
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="sqlite:$work/cli.db"
expect_rc() {  # expected-code command… (stdin from $input)
  local want=$1; shift
  set +e; out=$(printf '%s\n' "${input:-}" | "$@" 2>&1); rc=$?; set -e
  [ "$rc" -eq "$want" ] || { echo "FAIL: '$*' exited $rc, expected $want: $out"; exit 1; }
}

for sub in serve migrate "user add" "audit verify" "departments import" demo-init; do
  # shellcheck disable=SC2086
  "$bin" $sub --help | grep -q -- "--help" || { echo "FAIL: $sub --help"; exit 1; }
done
expect_rc 2 "$bin" no-such-command
expect_rc 0 "$bin" --db "$db" migrate
expect_rc 0 "$bin" --db "$db" departments import "$root/data/departments-jiading.csv"
input='Strongpass123' expect_rc 0 "$bin" --db "$db" user add zhang.san --name 张三 --role inspector --department JQS --password-stdin
input='Strongpass123' expect_rc 6 "$bin" --db "$db" user add zhang.san --name 张三 --role inspector --department JQS --password-stdin
input='short' expect_rc 5 "$bin" --db "$db" user add li.si --name 李四 --role staff --department JQS --password-stdin
echo "$out" | grep -q "password" || { echo "FAIL: weak password error does not name the field: $out"; exit 1; }
input='Strongpass123' expect_rc 5 "$bin" --db "$db" user add li.si --name 李四 --role boss --department JQS --password-stdin
input='Strongpass123' expect_rc 5 "$bin" --db "$db" user add li.si --name 李四 --role staff --department NOPE --password-stdin
expect_rc 0 "$bin" --db "$db" audit verify
expect_rc 4 "$bin" --db "sqlite:/nonexistent-dir/x.db" migrate
echo "PASS: cli basics"
