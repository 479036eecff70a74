#!/usr/bin/env bash
# Load test on loopback with wrk: jianguan's hot read paths next to nginx
# serving a static JSON file of the same size, in the same run (nginx is the
# ceiling of this machine). Prints a Markdown table to build/bench/load.md.
# LOAD_SECONDS (default 10), LOAD_CONNECTIONS (64), LOAD_DB (default: a fresh
# SQLite demo database with a small generated history, so the inspector has
# tasks). LOAD_SOAK_SECONDS (make soak: 1800) then runs a mix of every path
# (one request in ten a write) in LOAD_SOAK_CHUNK-second rounds (60), and
# reports each round's throughput, p99, errors and the server's memory.
# LOAD_BIN runs another binary (e.g. a copy, so a rebuild during a soak
# does not matter).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
secs=${LOAD_SECONDS:-10}
conns=${LOAD_CONNECTIONS:-64}
for tool in wrk nginx; do
  command -v $tool >/dev/null || [ -x /usr/sbin/$tool ] || {
    echo "load: installing wrk and nginx (benchmark-only dependencies)"
    sudo=(); [ "$(id -u)" = 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get install -y -q --no-install-recommends wrk nginx-light >/dev/null
  }
done
bin=${LOAD_BIN:-build/release/src/jianguan}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

db=${LOAD_DB:-sqlite:$work/load.db}
if [ -z "${LOAD_DB:-}" ]; then
  "$bin" --db "$db" demo-init --departments data/departments-jiading.csv \
    --entities data/demo/entities-demo.csv >/dev/null
  "$bin" --db "$db" demo-data --year 2023 --scale 0.02 >/dev/null
fi
port=$(free_port)
"$bin" --db "$db" serve --port "$port" --threads 2 --no-access-log --portal-rate 0 >"$work/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$port"
login=$(curl -s -D "$work/h" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"Jianguan2024"}' "$base/api/v1/auth/login")
cookie=$(grep -i '^set-cookie:' "$work/h" | sed 's/^[Ss]et-[Cc]ookie: //; s/;.*//')
csrf=$(echo "$login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
curl -s -D "$work/hi" -o /dev/null -H 'Content-Type: application/json' \
  -d '{"username":"inspector","password":"Jianguan2024"}' "$base/api/v1/auth/login"
inspector_cookie=$(grep -i '^set-cookie:' "$work/hi" | sed 's/^[Ss]et-[Cc]ookie: //; s/;.*//')
department=$(curl -sf -b "$cookie" "$base/api/v1/departments" |
  python3 -c 'import json,sys; print(next(d["id"] for d in json.load(sys.stdin)["items"] if d["code"]=="JQS"))')
tasks_path="/api/v1/inspection-tasks?page_size=20"
tasks=$(curl -sf -b "$inspector_cookie" "$base$tasks_path" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
echo "load: the inspector has $tasks tasks" >&2
# A small directory to read from.
python3 - "$work/entities.csv" <<'PY'
import sys
A="0123456789ABCDEFGHJKLMNPQRTUWXY"; W=[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28]
def org(b):
    s=sum((int(c) if c.isdigit() else ord(c)-55)*w for c,w in zip(b,[3,7,9,10,5,8,4,2])); c=11-s%11
    return 'X' if c==10 else ('0' if c==11 else str(c))
def code(n):
    b="MA%06d"%n; f="91310114"+b+org(b); c=31-sum(A.index(x)*w for x,w in zip(f,W))%31
    return f+A[0 if c==31 else c]
places=["马陆","江桥","南翔","安亭","徐行"]; words=["葡萄","食品","餐饮","贸易","科技"]
with open(sys.argv[1],"w") as f:
    f.write("统一社会信用代码,名称,街镇,管辖所\n")
    for i in range(2000):
        f.write(f"{code(i)},上海{places[i%5]}{words[i//5%5]}有限公司{i},{places[i%5]}镇,JQS\n")
PY
curl -sf -o /dev/null -b "$cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: text/csv' \
  --data-binary @"$work/entities.csv" "$base/api/v1/entities/import"
# The public pages of those 2000 entities, for a scraper-like walk.
tail -n +2 "$work/entities.csv" | cut -d, -f1 | sed 's|^|/api/v1/public/entities/|' > "$work/public_paths.txt"
# A second server on the same database without the public answers' cache,
# to show what the cache is worth.
nocache_port=$(free_port)
"$bin" --db "$db" serve --port "$nocache_port" --threads 2 --no-access-log --portal-rate 0 \
  --portal-cache-ms 0 >"$work/serve-nocache.log" 2>&1 &
pids+=($!)
entity_path="/api/v1/entities/1"
curl -sf -b "$cookie" "$base$entity_path" > "$work/entity.json"
code=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["credit_code"])' "$work/entity.json")
public_path="/api/v1/public/entities/$code"
curl -sf "$base$public_path" > "$work/public.json"

# nginx with a static file of the same size as the entity answer.
nport=$(free_port)
mkdir -p "$work/www"
cp "$work/public.json" "$work/www/entity.json"
cat > "$work/nginx.conf" <<NGINX
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work;
  uwsgi_temp_path $work; scgi_temp_path $work;
  server { listen 127.0.0.1:$nport; root $work/www; default_type application/json; }
}
NGINX
/usr/sbin/nginx -c "$work/nginx.conf" -g 'daemon off;' &
pids+=($!)
sleep 0.5

cat bench/load/session.lua bench/load/stats.lua > "$work/both.lua"
cat bench/load/session.lua bench/load/write.lua bench/load/stats.lua > "$work/write.lua"
cat bench/load/session.lua bench/load/mix.lua bench/load/stats.lua > "$work/mix.lua"
cat bench/load/rotate.lua bench/load/stats.lua > "$work/rotate.lua"
measure() {  # name url [script] [cookie]
  JG_COOKIE="${4:-$cookie}" JG_CSRF="$csrf" JG_DEPARTMENT="$department" JG_PATHS_FILE="${JG_PATHS_FILE:-}" \
    wrk -t1 -c"$conns" -d"${secs}s" -s "${3:-$work/both.lua}" "$2" 2>/dev/null \
    | awk -v n="$1" '/^JGSTAT/ {print n, $2, $3, $4, $5, $6}'
}
{
  measure nginx_static_json "http://127.0.0.1:$nport/entity.json"
  measure public_entity_page "$base$public_path"
  JG_PATHS_FILE="$work/public_paths.txt" measure public_entity_pages_2000_in_turn "$base" "$work/rotate.lua"
  measure public_entity_page_no_cache "http://127.0.0.1:$nocache_port$public_path"
  measure entity_profile_signed_in "$base$entity_path"
  measure directory_search "$base/api/v1/entities?q=%E9%A9%AC%E9%99%86&page_size=20"
  measure portal_search "$base/api/v1/public/entities?q=%E9%A9%AC%E9%99%86"
  measure inspector_task_list "$base$tasks_path" "$work/both.lua" "$inspector_cookie"
  measure lead_create_write "$base/api/v1/leads" "$work/write.lua"
  measure healthz "$base/healthz"
} > "$work/results.txt"
mkdir -p build/bench
python3 - "$work/results.txt" "$(stat -c %s "$work/public.json")" "$secs" "$conns" <<'PY' | tee build/bench/load.md
import sys
rows=[l.split() for l in open(sys.argv[1]) if l.strip()]
base=float(rows[0][1]) if rows else 0
print(f"Load on loopback: wrk 1 thread, {sys.argv[4]} connections, {sys.argv[3]} s each; public entity page {sys.argv[2]} bytes (nginx serves a copy of it).\n")
print("| path | requests/s | vs nginx | p50 | p99 | p99.9 | errors/non-2xx |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for name, rps, p50, p99, p999, err in rows:
    r=float(rps)
    print(f"| {name} | {r:,.0f} | {r/base:.2f}× | {int(p50)/1000:.2f} ms | {int(p99)/1000:.2f} ms | {int(p999)/1000:.2f} ms | {err} |")
PY

# Soak: the mix for LOAD_SOAK_SECONDS in rounds; memory is the server's RSS
# after each round. Bounded memory means it levels off after the first rounds.
soak=${LOAD_SOAK_SECONDS:-0}
[ "$soak" -gt 0 ] || exit 0
chunk=${LOAD_SOAK_CHUNK:-60}
server_pid=${pids[0]}
paths="$public_path $entity_path /api/v1/entities?q=%E9%A9%AC%E9%99%86&page_size=20 /api/v1/public/entities?q=%E9%A9%AC%E9%99%86 $tasks_path"
rss() { ps -o rss= -p "$server_pid" | tr -d ' '; }
echo "$(rss)" > "$work/rss0"
: > "$work/soak.txt"
for ((done_s = 0; done_s < soak; done_s += chunk)); do
  JG_COOKIE="$cookie" JG_CSRF="$csrf" JG_DEPARTMENT="$department" JG_PATHS="$paths" \
    wrk -t1 -c"$conns" -d"${chunk}s" -s "$work/mix.lua" "$base" 2>/dev/null \
    | awk -v t="$((done_s + chunk))" '/^JGSTAT/ {print t, $2, $3, $4, $5, $6}' >> "$work/soak.txt"
  kill -0 "$server_pid" || { echo "soak: the server died" >&2; exit 1; }
  sed -i "\$ s/\$/ $(rss)/" "$work/soak.txt"
done
python3 - "$work/soak.txt" "$(cat "$work/rss0")" "$conns" <<'PY' | tee build/bench/soak.md
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
rss0 = int(sys.argv[2])
print(f"\nSoak: wrk 1 thread, {sys.argv[3]} connections, the read paths in turn and one write (a new lead) in ten.\n")
print("| after | requests/s | p50 | p99 | p99.9 | errors/non-2xx | server RSS |")
print("| --- | --- | --- | --- | --- | --- | --- |")
errors = 0
for t, rps, p50, p99, p999, err, rss in rows:
    errors += int(err)
    print(f"| {int(t)} s | {float(rps):,.0f} | {int(p50)/1000:.2f} ms | {int(p99)/1000:.2f} ms | {int(p999)/1000:.2f} ms | {err} | {int(rss)/1024:.1f} MiB |")
first, last = int(rows[0][6]), int(rows[-1][6])
print(f"\nRSS: {rss0/1024:.1f} MiB before, {first/1024:.1f} MiB after the first round, {last/1024:.1f} MiB at the end "
      f"(growth after the first round {(last-first)/1024:+.1f} MiB); errors/non-2xx in all: {errors}")
PY
