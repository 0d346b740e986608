#!/bin/sh
# The main job: set up .venv if needed, create the embedded SQLite database (./migprofile.db)
# from the bundled data, check it, and build the French Morocco profile (HTML and PDF).
set -eu
cd "$(dirname "$0")"
. ./scripts/bootstrap.sh
.venv/bin/migprofile init
.venv/bin/migprofile check MA
.venv/bin/migprofile show MA
.venv/bin/migprofile build MA --lang fr --format html,pdf --out build
