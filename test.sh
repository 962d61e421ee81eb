#!/usr/bin/env bash
# Runs the whole test suite: unit, integration (real PostgreSQL and RabbitMQ, started here for the
# run and stopped after it), end-to-end through the AppHost and gateway, and browser tests.
# Ends with one plain line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

deploy/local/prerequisites.sh --browser

work=$(mktemp -d /tmp/cro-tests.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Throwaway servers on ports of their own, so a running platform (55432, 55672) is left alone.
pg_port=${CRO_TEST_POSTGRES_PORT:-56432}
amqp_port=${CRO_TEST_RABBITMQ_PORT:-56672}
management_port=$((amqp_port + 1))
pg_password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
rabbit_password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')

POSTGRES_PASSWORD=$pg_password deploy/local/postgres.sh "$work/postgres" "$pg_port" \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off >"$work/postgres.log" 2>&1 &
pids+=($!)
RABBITMQ_DEFAULT_USER=cro RABBITMQ_DEFAULT_PASS=$rabbit_password \
  deploy/local/rabbitmq.sh "$work/rabbitmq" "$amqp_port" "$management_port" >"$work/rabbitmq.log" 2>&1 &
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
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

results="$root/TestResults"
rm -rf "$results"
status=0
dotnet test --solution Platform.sln --results-directory "$results" --report-trx "$@" || status=$?

# Counts from the TRX files the run wrote (one per test project).
passed=0; failed=0; total=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  total=$((total + $(get total)))
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
done
skipped=$((total - passed - failed))
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1 && echo "The test run failed outside any single test (build or a crashed test host)."
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
