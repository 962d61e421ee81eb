#!/usr/bin/env bash
# Runs the whole test suite: unit, integration (real PostgreSQL and RabbitMQ, started for the run and
# stopped after it), end-to-end through the AppHost and the gateway, and browser tests.
# Extra arguments go to `dotnet test` (e.g. --project tests/Recruitment.Tests).
# Ends with one plain line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"

deploy/local/prerequisites.sh --browser
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# A folder of its own per run, so two runs at once never count each other's results.
results="$(pwd)/TestResults/run-$$"
rm -rf "$results"
# The whole solution, unless the caller names a project.
target=(--solution Platform.sln)
for argument in "$@"; do [ "$argument" = --project ] && target=(); done
status=0
tests/with-servers.sh dotnet test "${target[@]}" --results-directory "$results" --report-trx "$@" || status=$?

# Counts from the TRX files the run wrote (one per test project).
passed=0; failed=0; total=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  count() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  total=$((total + $(count total)))
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
done
skipped=$((total - passed - failed))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "The run failed outside any single test (build, or a test host that crashed)."
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
