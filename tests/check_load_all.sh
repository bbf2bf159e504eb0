#!/usr/bin/env bash
# Loads every .beam file that Debian's erlang-nox and elixir install into joist (parse and
# translate, not run): tests/check_load_all.sh JOIST
set -uo pipefail
joist=$1
files=$(find /usr/lib/erlang/lib /usr/lib/elixir -name '*.beam' 2>/dev/null | sort)
[ -n "$files" ] || { echo "no OTP .beam files found"; exit 1; }
echo "$files" | xargs "$joist" --check-load
