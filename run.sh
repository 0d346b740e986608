#!/bin/sh
# The main job: set up .venv if needed, create the embedded SQLite database (./migprofile.db)
# from the bundled data, check it, build the French Morocco profile (HTML and PDF) and print a
# short summary: where the files are and the country's key figures.
set -eu
cd "$(dirname "$0")"
. ./scripts/bootstrap.sh
.venv/bin/migprofile init
.venv/bin/migprofile check MA
.venv/bin/migprofile build MA --lang fr --format html,pdf --out build
.venv/bin/migprofile summary MA --lang fr
echo "Next: .venv/bin/migprofile show MA (what the database holds), build --all, serve (portal)."
