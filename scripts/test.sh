#!/usr/bin/env bash
# Runs every test: unit tests, and end-to-end tests against real NATS and PostgreSQL.
# From a fresh clone it installs dependencies, brings the services up (scripts/services.sh),
# builds the apps, and installs Debian's chromium for the dashboard's browser test if it is
# missing. Extra arguments go to jest. Jest's results are also written to
# reports/jest-results.json.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
prepare_project
ensure_chromium
mkdir -p reports
npx jest --json --outputFile=reports/jest-results.json "$@"
