#!/usr/bin/env bash
# `jianguan code check`: one line per code, CODE<TAB>valid or
# CODE<TAB>invalid<TAB>原因; exit 5 if any code is invalid, 0 otherwise.
# Usage: code_check.sh JIANGUAN_BINARY
set -euo pipefail
bin=$1
tab=$'\t'
expect_rc() {  # expected-code command…
  local want=$1; shift
  set +e; out=$("$@" 2>&1); rc=$?; set -e
  [ "$rc" -eq "$want" ] || { echo "FAIL: '$*' exited $rc, expected $want: $out"; exit 1; }
}
expect_line() {  # line-number expected-line
  local got
  got=$(printf '%s\n' "$out" | sed -n "${1}p")
  [ "$got" = "$2" ] || { echo "FAIL: line $1 is '$got', expected '$2'"; exit 1; }
}

"$bin" code check --help | grep -q -- "--help" || { echo "FAIL: code check --help"; exit 1; }
expect_rc 2 "$bin" code check
expect_rc 2 "$bin" code

expect_rc 0 "$bin" code check 91350100M000100Y43
expect_line 1 "91350100M000100Y43${tab}valid"

# Normalised input is accepted and echoed as given.
expect_rc 0 "$bin" code check ' 91310114ma1gt5k294' '９１３１０１１４ＭＡ１ＧＴ５Ｋ２９４'
expect_line 1 " 91310114ma1gt5k294${tab}valid"
expect_line 2 "９１３１０１１４ＭＡ１ＧＴ５Ｋ２９４${tab}valid"

# One bad code among good ones: every code still gets its line, exit 5.
expect_rc 5 "$bin" code check 91310114MA1GT5K294 91310114MA1GT5K295 9131011 91310114MA1GT5KI94
[ "$(printf '%s\n' "$out" | wc -l)" -eq 4 ] || { echo "FAIL: expected 4 lines: $out"; exit 1; }
expect_line 1 "91310114MA1GT5K294${tab}valid"
expect_line 2 "91310114MA1GT5K295${tab}invalid${tab}第18位校验码错误：按前17位计算应为“4”，实际为“5”"
expect_line 3 "9131011${tab}invalid${tab}统一社会信用代码应为18位，实际为7位"
printf '%s\n' "$out" | sed -n 4p | grep -q "^91310114MA1GT5KI94${tab}invalid${tab}第16位字符“I”不合法" \
  || { echo "FAIL: invalid character line: $out"; exit 1; }

expect_rc 5 "$bin" code check 91310114MA1GT5K394
printf '%s\n' "$out" | grep -q "${tab}invalid${tab}.*组织机构代码" || { echo "FAIL: org code: $out"; exit 1; }
echo "PASS: code check"
