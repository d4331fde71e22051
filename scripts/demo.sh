#!/usr/bin/env bash
# Starts the Yellow River bend network: the ten intermediate courts and the monitor, with
# clerks and handlers at work (DEMO_RATE new requests a minute), on NATS and PostgreSQL made
# reachable by scripts/services.sh. Installs dependencies and builds first when needed. The data
# stays between runs; --fresh forgets it. Ctrl-C stops everything.
#
# Ports: DEMO_PORT (3000) for the dashboard, the next ten for the courts' workbenches.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
prepare_project

LOG_DIR=$PROJECT_ROOT/.services/demo/logs
LOG=$LOG_DIR/network.log
mkdir -p "$LOG_DIR"
[[ -f $LOG ]] && mv "$LOG" "$LOG_DIR/network.previous.log"
say "Starting the courts and the monitor (their logs: ${LOG#"$PROJECT_ROOT"/})..."
DEMO_LOG_FILE=$LOG exec node dist/apps/demo/main.js "$@" >"$LOG"
