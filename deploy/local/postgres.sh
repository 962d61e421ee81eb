#!/usr/bin/env bash
# Runs a PostgreSQL server in the foreground, loopback only, creating its cluster on first use.
#   POSTGRES_PASSWORD=... postgres.sh DATA_DIR PORT [extra postgres -c settings...]
# The superuser (postgres) password is read from the environment, so it never shows in a process list.
# Used by the AppHost (local mode) and by the test script. Root is dropped to the 'postgres' user,
# since PostgreSQL refuses to run as root. exec hands signals straight to the server.
set -euo pipefail
data_dir=$(realpath -m "$1"); port=$2; shift 2
: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set}"

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then
  echo "PostgreSQL server binaries not found. Install them: apt-get install -y postgresql" >&2
  exit 1
fi

as_owner=()
if [ "$(id -u)" = 0 ]; then
  as_owner=(setpriv --reuid=postgres --regid=postgres --init-groups)
fi

mkdir -p "$data_dir"
socket_dir="$data_dir/socket"
if [ ! -f "$data_dir/cluster/PG_VERSION" ]; then
  pwfile=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$data_dir" "$pwfile"
  "${as_owner[@]}" "$bin/initdb" -D "$data_dir/cluster" -U postgres --pwfile="$pwfile" \
    --auth-host=scram-sha-256 --auth-local=peer --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
fi
mkdir -p "$socket_dir"
[ "$(id -u)" = 0 ] && chown -R postgres:postgres "$data_dir"

exec "${as_owner[@]}" "$bin/postgres" -D "$data_dir/cluster" -p "$port" -k "$socket_dir" \
  -c listen_addresses=127.0.0.1 -c max_connections=300 "$@"
