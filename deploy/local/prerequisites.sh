#!/usr/bin/env bash
# Makes sure the machine has what the platform and its tests run on, besides the .NET SDK:
# PostgreSQL server binaries, RabbitMQ and (for browser tests) Chromium. Installs what is
# missing when run as root on Debian; otherwise says what to install.
#   prerequisites.sh [--browser]
set -euo pipefail

missing=()
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
if [ "${1:-}" = --browser ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts a system PostgreSQL cluster on install where an init system runs; the platform
  # runs its own clusters, so the system one is left as the package made it.
else
  echo "Missing: ${missing[*]}. Install them (as root): apt-get install -y ${missing[*]}" >&2
  exit 1
fi
