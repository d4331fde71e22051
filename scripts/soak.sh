#!/usr/bin/env bash
# The soak of docs/PERFORMANCE.md: steady mixed traffic among three court nodes and the monitor
# for SOAK_MINUTES (default 10) at SOAK_RATE requests a second (default 5), sampling
# every process's memory, the backlog and one hop's latency. It starts its own PostgreSQL and
# nats-server. Prints a table and writes it to reports/soak-results.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
prepare_project
mkdir -p reports
node -r @swc-node/register bench/soak.ts
