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

# Ports of their own, so a running platform (55432, 55672) is left alone.
pg_port=${CRO_TEST_POSTGRES_PORT:-56432}
amqp_port=${CRO_TEST_RABBITMQ_PORT:-56672}
management_port=$((amqp_port + 1))
pg_password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
rabbit_password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')

POSTGRES_PASSWORD=$pg_password "$root/deploy/local/postgres.sh" "$work/postgres" "$pg_port" \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off >"$work/postgres.log" 2>&1 &
pids+=($!)
RABBITMQ_DEFAULT_USER=cro RABBITMQ_DEFAULT_PASS=$rabbit_password \
  "$root/deploy/local/rabbitmq.sh" "$work/rabbitmq" "$amqp_port" "$management_port" >"$work/rabbitmq.log" 2>&1 &
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
