#!/usr/bin/env bash
# Installs the Polish full-text dictionary the publishing service searches with, folded to ASCII so that diacritics
# are optional: Debian's hunspell-pl (ISO-8859-2) converted to UTF-8 and transliterated (ą→a, ł→l, ż→z, …), plus the
# stop words beside this script, as cro_polish_ascii.{dict,affix,stop} in the tsearch_data directory of every
# PostgreSQL installed. Needs root and hunspell-pl; run by deploy/local/prerequisites.sh and by the PostgreSQL image
# (deploy/postgres/Dockerfile).
#   polish-dictionary.sh [SHAREDIR...]   (default: every /usr/share/postgresql/*)
set -euo pipefail
export LC_ALL=C.UTF-8 # sed's y/// maps the letters, not their bytes
here=$(cd "$(dirname "$0")" && pwd)
source_dir=/usr/share/hunspell
fold='y/ąćęłńóśźżĄĆĘŁŃÓŚŹŻ/acelnoszzACELNOSZZ/'
[ $# -gt 0 ] || set -- /usr/share/postgresql/*
for sharedir in "$@"; do
  target="$sharedir/tsearch_data"
  [ -d "$target" ] || continue
  iconv -f ISO-8859-2 -t UTF-8 "$source_dir/pl_PL.dic" | sed "$fold" > "$target/cro_polish_ascii.dict"
  iconv -f ISO-8859-2 -t UTF-8 "$source_dir/pl_PL.aff" | sed "$fold" > "$target/cro_polish_ascii.affix"
  cp "$here/polish-stopwords.txt" "$target/cro_polish_ascii.stop"
  chmod 644 "$target"/cro_polish_ascii.*
done
