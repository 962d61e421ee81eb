#!/usr/bin/env bash
# Makes sure the machine has what the platform and its tests run on, besides the .NET SDK:
# PostgreSQL server binaries, RabbitMQ, the Polish Hunspell dictionary (made into PostgreSQL's
# full-text dictionary for the publishing service) and (for browser tests) Chromium. Installs what
# is missing when run as root on Debian; otherwise says what to install.
#   prerequisites.sh [--browser]
set -euo pipefail

missing=()
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
[ -f /usr/share/hunspell/pl_PL.dic ] || missing+=(hunspell-pl)
if [ "${1:-}" = --browser ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
fi
polish_dictionary() {
  for sharedir in /usr/share/postgresql/*; do
    [ -f "$sharedir/tsearch_data/cro_polish_ascii.dict" ] || return 1
  done
}
if [ ${#missing[@]} -eq 0 ]; then
  polish_dictionary && exit 0
  if [ "$(id -u)" = 0 ]; then
    "$(dirname "$0")/../postgres/polish-dictionary.sh"
    exit 0
  fi
  echo "PostgreSQL lacks the Polish full-text dictionary. Install it (as root): $(cd "$(dirname "$0")/../postgres" && pwd)/polish-dictionary.sh" >&2
  exit 1
fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  polish_dictionary || "$(dirname "$0")/../postgres/polish-dictionary.sh"
  # Debian starts a system PostgreSQL cluster on install where an init system runs; the platform
  # runs its own clusters, so the system one is left as the package made it.
else
  echo "Missing: ${missing[*]}. Install them (as root): apt-get install -y ${missing[*]}" >&2
  exit 1
fi
