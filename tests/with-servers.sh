#!/usr/bin/env bash
# Runs a command against throwaway PostgreSQL and RabbitMQ servers started for it, and stops them
# after. The command finds them in CRO_TEST_POSTGRES (a superuser connection string),
# CRO_TEST_RABBITMQ (an amqp:// URI) and CRO_TEST_RABBITMQ_MANAGEMENT (the management API).
#   tests/with-servers.sh COMMAND [ARGS...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

work=$(mktemp -d /tmp/cro-servers.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Ports of their own, so a running platform is left alone, and outside Linux's ephemeral range
# (net.ipv4.ip_local_port_range, 32768-60999 by default), where any outgoing connection may be holding
# one for a while. A preferred port that is taken (a second run, a server left over) is skipped.
# CRO_TEST_POSTGRES_PORT and CRO_TEST_RABBITMQ_PORT name other preferred ports.
read -r ephemeral_low ephemeral_high < /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || { ephemeral_low=32768; ephemeral_high=60999; }
chosen=()
free_port() {
  local port=$1
  while [ "$port" -le 65535 ]; do
    if { [ "$port" -lt "$ephemeral_low" ] || [ "$port" -gt "$ephemeral_high" ]; } \
      && [[ " ${chosen[*]} " != *" $port "* ]] \
      && ! (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
    port=$((port + 1))
  done
  echo "No free port from $1 up outside the ephemeral range $ephemeral_low-$ephemeral_high." >&2
  exit 1
}
pg_port=$(free_port "${CRO_TEST_POSTGRES_PORT:-61432}"); chosen+=("$pg_port")
amqp_port=$(free_port "${CRO_TEST_RABBITMQ_PORT:-61672}"); chosen+=("$amqp_port")
management_port=$(free_port $((amqp_port + 1))); chosen+=("$management_port")
distribution_port=$(free_port $((management_port + 1)))
pg_password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
rabbit_password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')

POSTGRES_PASSWORD=$pg_password "$root/deploy/local/postgres.sh" "$work/postgres" "$pg_port" \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off >"$work/postgres.log" 2>&1 &
pids+=($!)
RABBITMQ_DEFAULT_USER=cro RABBITMQ_DEFAULT_PASS=$rabbit_password \
  "$root/deploy/local/rabbitmq.sh" "$work/rabbitmq" "$amqp_port" "$management_port" "$distribution_port" >"$work/rabbitmq.log" 2>&1 &
pids+=($!)

wait_for_port() {
  local port=$1 name=$2 log=$3
  for _ in $(seq 1 120); do
    if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "$name did not start; its log:" >&2
  cat "$log" >&2
  exit 1
}
wait_for_port "$pg_port" PostgreSQL "$work/postgres.log"
wait_for_port "$amqp_port" RabbitMQ "$work/rabbitmq.log"
wait_for_port "$management_port" "RabbitMQ management" "$work/rabbitmq.log"

export CRO_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$pg_password"
export CRO_TEST_RABBITMQ="amqp://cro:$rabbit_password@127.0.0.1:$amqp_port/"
export CRO_TEST_RABBITMQ_MANAGEMENT="http://cro:$rabbit_password@127.0.0.1:$management_port/"

status=0
"$@" || status=$?
exit "$status"
