#!/bin/sh
# The whole test suite: set up .venv with the test extras if needed, then run pytest.
# Arguments go to pytest (e.g. ./test.sh -k legal -x).
set -eu
cd "$(dirname "$0")"
EXTRAS=test
. ./scripts/bootstrap.sh
exec .venv/bin/python -m pytest "$@"
