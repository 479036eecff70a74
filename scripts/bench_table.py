"""Turns Google Benchmark JSON files into one Markdown table: each
benchmark's backends side by side, with the ratio to SQLite."""
import json
import sys
from collections import defaultdict

rows = defaultdict(dict)
for path in sys.argv[1:]:
    with open(path) as f:
        for b in json.load(f)["benchmarks"]:
            # BM_Name/backend[/arg]/real_time -> row "BM_Name/arg", column backend
            parts = [x for x in b["name"].split("/") if x != "real_time"]
            base, variant = parts[0], parts[1] if len(parts) > 1 else ""
            if len(parts) > 2:
                base += "/" + "/".join(parts[2:])
            ns = b["real_time"] * {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[b["time_unit"]]
            rows[base][variant] = ns

print("| benchmark | SQLite | PostgreSQL | PostgreSQL / SQLite |")
print("| --- | --- | --- | --- |")
for base, v in sorted(rows.items()):
    s, p = v.get("sqlite"), v.get("postgresql")
    # A skipped run (no PostgreSQL, or a "before" variant not run) reports no time.
    fmt = lambda ns: "—" if not ns else f"{ns / 1e3:.1f} µs ({1e9 / ns:,.0f}/s)"
    ratio = f"{p / s:.2f}×" if s and p else "—"
    print(f"| {base} | {fmt(s)} | {fmt(p)} | {ratio} |")
