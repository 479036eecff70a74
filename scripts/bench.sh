#!/usr/bin/env bash
# `make bench`: every benchmark under bench/, on SQLite and a throwaway
# PostgreSQL in the same run, summarised as one Markdown table with ratios
# (build/bench/results.md). BENCH_MODE=full for longer runs.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p build/bench
min_time=0.5 import_rows=100000
[ "${BENCH_MODE:-quick}" = full ] && min_time=3 import_rows=1000000
# PostgreSQL's default 128 MB of shared buffers is far below what a server
# holding millions of entities is given (about a quarter of its memory); at
# 3M entities a name search that reads scattered rows took a third less with
# 1 GB. The tests keep the default.
export JG_PG_SHARED_BUFFERS=${JG_PG_SHARED_BUFFERS:-1GB}
scripts/with-postgres.sh bash -c "
  for b in build/release/bench/*_bench; do
    \"\$b\" --benchmark_min_time=$min_time --benchmark_format=json --benchmark_out=build/bench/\$(basename \$b).json >/dev/null
  done
  IMPORT_ROWS=$import_rows bench/import_bench.sh build/release/src/jianguan > build/bench/import.md
"
python3 scripts/bench_table.py build/bench/*_bench.json | tee build/bench/results.md
cat build/bench/import.md | tee -a build/bench/results.md
