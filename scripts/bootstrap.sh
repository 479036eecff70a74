#!/usr/bin/env bash
# Installs what jianguan needs on Debian 12 and is missing: Debian packages
# with apt-get, the web app's npm packages with `npm ci`. Idempotent and fast
# when everything is there. Usage: scripts/bootstrap.sh [--no-web]
set -euo pipefail
cd "$(dirname "$0")/.."

DEBS=(
  g++ cmake ninja-build pkg-config make python3
  libboost-dev nlohmann-json3-dev libsqlite3-dev sqlite3 libpq-dev postgresql-15 postgresql-client-15
  libsodium-dev libssl-dev libspdlog-dev libfmt-dev libcli11-dev
  libzip-dev libpugixml-dev libxlsxwriter-dev
  libgtest-dev libgmock-dev libbenchmark-dev librapidcheck-dev
  clang libclang-rt-14-dev
  chromium fonts-wqy-zenhei curl ccache
)
command -v node >/dev/null 2>&1 || DEBS+=(nodejs npm)

missing=()
for p in "${DEBS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing Debian packages: ${missing[*]}"
  sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ "${1:-}" != "--no-web" ]; then
  # npm ci only when the lock file changed since the last install.
  stamp=web/node_modules/.jianguan-lock.sha256
  want=$(sha256sum web/package-lock.json | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "bootstrap: npm ci (web/)"
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" > "$stamp"
  fi
fi
echo "bootstrap: ready"
