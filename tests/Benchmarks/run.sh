#!/usr/bin/env bash
# Runs the benchmarks against throwaway servers, from a Release build:
#   tests/Benchmarks/run.sh [all [BURST-CONCURRENCY] [SEARCH-CONNECTIONS] [SEARCH-SECONDS]]
#       issue 19's table (post-test, burst, JST search), training, recruitment and the gateway each a process of its own
#   tests/Benchmarks/run.sh registry-relay [RUNS] | RUNS | burst [CONCURRENCY] | post-test | advisory-bookings | schools-import [RUNS]
#                           | diagnosis-picture [RUNS] | plan-reports [RUNS] | conference-registrations | catalogue-search [CONNECTIONS] [SECONDS]
#       the others, each with its service and the gateway hosted in the benchmark's process
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
"$root/deploy/local/prerequisites.sh"
# The JST search is driven by wrk where it is installed (Debian package wrk); without it, by the benchmark's own loop.
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null 2>&1 \
      || echo "wrk could not be installed; the JST search is driven from the benchmark's process." >&2
  else
    echo "No wrk (apt-get install wrk); the JST search is driven from the benchmark's process." >&2
  fi
fi
# Builds the services and the gateway in Release too (project references): the table runs their dlls as processes.
dotnet build "$root/tests/Benchmarks/Benchmarks.csproj" -c Release -v quiet -nologo -clp:ErrorsOnly
exec "$root/tests/with-servers.sh" dotnet "$root/tests/Benchmarks/bin/Release/net10.0/Benchmarks.dll" "$@"
