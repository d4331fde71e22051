#!/usr/bin/env bash
# Runs the benchmark of docs/PERFORMANCE.md: one asset-search hop between two court nodes,
# and the same hop done with bare nats and pg clients, at 1, 32 and 256 requests in flight;
# the nodes draining a backlog, the monitor, and each process's peak memory, in one table.
# From a fresh clone it installs dependencies, brings the services up and builds the apps.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
prepare_project
mkdir -p reports
node -r @swc-node/register bench/run.ts "$@"
