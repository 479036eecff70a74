#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15 cluster on a free loopback
# port, exported as JG_TEST_PG_URL; the cluster is removed afterwards,
# whatever the command's outcome. Usage: scripts/with-postgres.sh CMD [ARGS…]
# JG_PG_SHARED_BUFFERS sets the server's shared_buffers (default 128MB; make bench: 1GB).
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
[ -x "$PGBIN/initdb" ] || { echo "with-postgres: $PGBIN/initdb not found (install postgresql-15)" >&2; exit 1; }

dir=$(mktemp -d /tmp/jianguan-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')

# initdb refuses to run as root: run the server as the postgres system user then.
as_pg=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql postgres
  chown postgres "$dir"
  as_pg=(runuser -u postgres --)
fi

cleanup() {
  "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

"${as_pg[@]}" "$PGBIN/initdb" -D "$dir/data" -U jianguan --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=${JG_PG_SHARED_BUFFERS:-128MB}" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
"$PGBIN/../bin/createdb" -h 127.0.0.1 -p "$port" -U jianguan jianguan_test 2>/dev/null \
  || psql -h 127.0.0.1 -p "$port" -U jianguan -d postgres -qc 'CREATE DATABASE jianguan_test' >/dev/null

export JG_TEST_PG_URL="postgresql://jianguan@127.0.0.1:$port/jianguan_test"
echo "with-postgres: PostgreSQL 15 at $JG_TEST_PG_URL" >&2
"$@"
