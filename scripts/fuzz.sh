#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for FUZZ_SECONDS (default 60;
# make test uses 8). New inputs found go to build/fuzz/corpus/<target>; a
# crash stops the run and leaves its input in build/fuzz/artifacts/ — turn it
# into a regression test named after what it found.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$(nproc)"
mkdir -p build/fuzz/artifacts
for t in build/fuzz/tests/fuzz/fuzz_*; do
  name=$(basename "$t")
  target=${name#fuzz_}
  work=build/fuzz/corpus/$target
  mkdir -p "$work"
  echo "fuzz: $name for ${seconds}s"
  "$t" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix=build/fuzz/artifacts/"$target"- "$work" "tests/fuzz/corpus/$target" 2>&1 \
    | grep -E "stat::number_of_executed_units|ERROR|SUMMARY|crash|Done" || true
  if ls build/fuzz/artifacts/"$target"-* >/dev/null 2>&1; then
    echo "fuzz: $name found a failing input: $(ls build/fuzz/artifacts/"$target"-*)" >&2
    exit 1
  fi
done
echo "fuzz: all targets ran ${seconds}s without a crash"
