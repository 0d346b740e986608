#!/bin/sh
# Creates ./.venv with Python 3.11+ and installs migprofile into it (editable), once per change
# of pyproject.toml. Sourced by ./run.sh and ./test.sh; EXTRAS selects optional dependencies.
set -eu
PYTHON="${PYTHON:-python3}"
EXTRAS="${EXTRAS:-}"
if ! "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
  echo "migprofile needs Python 3.11 or newer (set PYTHON=/path/to/python3.11)" >&2
  exit 2
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv || {
    echo "could not create .venv (on Debian/Ubuntu: apt-get install python3-venv)" >&2; exit 2; }
fi
stamp=".venv/.migprofile-installed${EXTRAS:+-$EXTRAS}"
want="$(cat pyproject.toml | cksum)"
current() { [ -f "$1" ] && [ "$(cat "$1")" = "$want" ]; }
# The test extras include everything the main job needs: no second install after ./test.sh.
if [ -z "$EXTRAS" ] && current ".venv/.migprofile-installed-test"; then
  stamp=".venv/.migprofile-installed-test"
fi
if ! current "$stamp"; then
  log=".venv/install.log"
  echo "Installing migprofile${EXTRAS:+ [$EXTRAS]} into .venv (first run only; log: $log)..." >&2
  # pip's own chatter goes to the log; on failure its end is shown.
  if ! { .venv/bin/python -m pip install --quiet --upgrade pip &&
         .venv/bin/python -m pip install --quiet -e ".${EXTRAS:+[$EXTRAS]}"; } >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    echo "installation failed; the whole log is in $log" >&2
    exit 3
  fi
  echo "$want" > "$stamp"
fi
