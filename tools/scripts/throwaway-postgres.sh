#!/usr/bin/env bash
# Starts a PostgreSQL cluster of its own in a temporary folder, on a free loopback port, trust auth, and prints
# `export TEST_DATABASE_URL=…` and `export THROWAWAY_PG_DIR=…`. `throwaway-postgres.sh stop DIR` removes it;
# `pause DIR` stops the server as a managed database's failover would (sessions ended with 57P01), `resume DIR`
# starts it again on the same port.
# THROWAWAY_PG_SETTINGS (optional): more postgresql.conf lines for the new cluster, e.g.
# "shared_preload_libraries = 'pg_stat_statements'" (tools/bench/database-statements.mjs).
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.
set -euo pipefail

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || { echo "PostgreSQL is not installed (apt-get install -y postgresql)" >&2; exit 1; }
  echo "$dir"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

if [ "${1:-}" = pause ]; then
  dir=${2:?usage: throwaway-postgres.sh pause DIR}
  as_owner "$(pg_bin)/pg_ctl -D '$dir/data' -m fast -w stop" >/dev/null
  exit 0
fi

if [ "${1:-}" = resume ]; then
  dir=${2:?usage: throwaway-postgres.sh resume DIR}
  as_owner "$(pg_bin)/pg_ctl -D '$dir/data' -l '$dir/server.log' -w start" >/dev/null
  exit 0
fi

if [ "${1:-}" = stop ]; then
  dir=${2:?usage: throwaway-postgres.sh stop DIR}
  as_owner "$(pg_bin)/pg_ctl -D '$dir/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit 0
fi

bin=$(pg_bin)
dir=$(mktemp -d /tmp/flex-sms-pg.XXXXXX)
chmod 755 "$dir"
[ "$(id -u)" = 0 ] && chown postgres "$dir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
  || node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
as_owner "$bin/initdb -D '$dir/data' -A trust -U postgres --no-sync" >"$dir/initdb.log" 2>&1
# In the cluster's own settings rather than on the command line, so `resume` starts it the same way.
printf "port = %s\nunix_socket_directories = '%s'\nlisten_addresses = '127.0.0.1'\nfsync = off\n" "$port" "$dir" >>"$dir/data/postgresql.conf"
[ -z "${THROWAWAY_PG_SETTINGS:-}" ] || printf '%s\n' "$THROWAWAY_PG_SETTINGS" >>"$dir/data/postgresql.conf"
as_owner "$bin/pg_ctl -D '$dir/data' -l '$dir/server.log' -w start" >/dev/null
echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
echo "export THROWAWAY_PG_DIR=$dir"
