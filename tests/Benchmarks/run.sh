#!/usr/bin/env bash
# Runs the benchmarks against throwaway servers:
#   tests/Benchmarks/run.sh [RUNS] | burst [CONCURRENCY] | post-test | advisory-bookings | schools-import [RUNS] | diagnosis-picture [RUNS] | plan-reports [RUNS]
#                           | conference-registrations | catalogue-search [CONNECTIONS] [SECONDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
"$root/deploy/local/prerequisites.sh"
dotnet build "$root/tests/Benchmarks/Benchmarks.csproj" -c Release -v quiet -nologo -clp:ErrorsOnly
exec "$root/tests/with-servers.sh" dotnet "$root/tests/Benchmarks/bin/Release/net10.0/Benchmarks.dll" "$@"
