#!/usr/bin/env bash
# Starts the whole platform with .NET Aspire: PostgreSQL, RabbitMQ, database setup, every service,
# the web and the gateway. Prints the addresses once the gateway answers. Ctrl+C stops everything.
#   ./run.sh                      infrastructure chosen automatically (containers if Docker answers, else local binaries)
#   CRO_INFRA=local ./run.sh      force the machine's own PostgreSQL and RabbitMQ (data kept in .data/)
#   CRO_INFRA=external ConnectionStrings__postgres=... ConnectionStrings__rabbitmq=... ./run.sh
#   ./run.sh --release            services built and run in Release (optimised code: faster, a little less memory;
#                                 for benchmarks and a newcomer's first look; Debug is for breakpoints)
set -euo pipefail
cd "$(dirname "$0")"

configuration=Debug
for argument in "$@"; do
  case "$argument" in
    --release) configuration=Release ;;
    *) echo "Unknown argument: $argument (./run.sh [--release])" >&2; exit 2 ;;
  esac
done

case "${CRO_INFRA:-}" in
  containers|external) ;;
  *) deploy/local/prerequisites.sh ;;
esac

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null   # smtp4dev, the local mail viewer
dotnet build AppHost/AppHost.csproj -c "$configuration" -v quiet -nologo -clp:ErrorsOnly

gateway_answers() {
  exec 3<>/dev/tcp/127.0.0.1/5080 || return 1
  printf 'GET /health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
  local status; read -r _ status _ <&3 || true
  exec 3>&- 3<&-
  [ "$status" = 200 ]
}

started=$(date +%s)
(
  for _ in $(seq 1 600); do
    if gateway_answers 2>/dev/null; then
      cat <<MSG

  CRO is running ($(( $(date +%s) - started )) s to the first answer of the gateway):
    web (public site)      http://localhost:5080/
    gateway, API reference http://localhost:5080/api/docs
    Aspire dashboard       http://localhost:15080
    e-mail sent (smtp4dev) http://localhost:5081
    RabbitMQ management    http://localhost:24673  (user cro; password in .data/secrets.json, local mode)
    first administrator    admin@cro.local, password "admin" in .data/secrets.json
  Stop with Ctrl+C.

MSG
      exit 0
    fi
    sleep 1
  done
  echo "The gateway did not answer within 10 minutes; see the dashboard at http://localhost:15080." >&2
) &

# Every process of the run (AppHost, dashboard, services) on workstation, non-concurrent GC: twelve processes share
# this machine (AppHost.cs says more). The launcher runs each built service directly instead of under `dotnet run`
# (AppHost/launcher/dotnet says how).
export DOTNET_gcServer=0 DOTNET_gcConcurrent=0 DOTNET_TieredPGO=0
export PATH="$(pwd)/AppHost/launcher:$PATH"
# The AppHost starts the services in its own configuration (Aspire passes it on).
exec dotnet run --project AppHost/AppHost.csproj -c "$configuration" --no-build --launch-profile http
