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
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "Installing migprofile${EXTRAS:+ [$EXTRAS]} into .venv (first run only)..." >&2
  .venv/bin/python -m pip install --quiet --upgrade pip >&2
  .venv/bin/python -m pip install --quiet -e ".${EXTRAS:+[$EXTRAS]}" >&2
  echo "$want" > "$stamp"
fi
