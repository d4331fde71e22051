#!/usr/bin/env bash
# Runs the fault suite (test/faults): mixed traffic among three court nodes while a court node,
# PostgreSQL, nats-server or servers of a NATS cluster fail, then every request checked at both
# courts and in the monitor. It starts its own PostgreSQL and nats-servers. Prints a table and
# writes it to reports/fault-results.md. FAULT_REQUESTS (default 2000) and FAULT_BACKLOG
# (default 10000) set the load; extra arguments go to jest (e.g. -t 'PostgreSQL').
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
prepare_project
mkdir -p reports
TEST_FAULTS=1 npx jest --selectProjects faults --testTimeout 1800000 "$@"
