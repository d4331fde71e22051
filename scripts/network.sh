#!/usr/bin/env bash
# Starts a local enforcement-link network: two court nodes (Xinzhou, Yulin) and the monitor,
# on NATS and PostgreSQL made reachable by scripts/services.sh. Installs dependencies and
# builds first when needed. Data stays in their databases between runs, the courts' development
# signing keys in .services/keys/. Ctrl-C stops it.
#
# Ports: MONITOR_PORT (3000), XINZHOU_PORT (3001), YULIN_PORT (3002).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
prepare_project

LOG_DIR=$PROJECT_ROOT/.services/logs
SECRETS_DIR=$PROJECT_ROOT/.services/network
KEY_DIR=$PROJECT_ROOT/.services/keys
mkdir -p "$LOG_DIR" "$SECRETS_DIR" "$KEY_DIR"
chmod 700 "$SECRETS_DIR" "$KEY_DIR"
pids=()

secret() { # a random value kept in .services/network/<name>, so sessions survive a restart
  local file=$SECRETS_DIR/$1
  [[ -s $file ]] || (umask 077 && node -e 'console.log(require("crypto").randomBytes(24).toString("base64url"))' >"$file")
  cat "$file"
}

stop_network() {
  trap - INT TERM EXIT
  say ""
  say "Stopping the network..."
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
  say "Stopped. NATS and PostgreSQL keep running: 'npm run services -- down' stops private ones."
}
trap 'stop_network; exit 0' INT TERM
trap stop_network EXIT

database_url() { # the service's own database on the server DATABASE_URL names
  node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' \
    "$DATABASE_URL" "$1"
}

cli() { node dist/apps/cli/main.js "$@" --nats-url "$NATS_URL"; }

dev_key() { # court: the seed file of its development signing key, made and registered when missing
  local seed=$KEY_DIR/$1.seed public=$KEY_DIR/$1.pub
  if [[ ! -f $seed ]]; then
    node dist/apps/cli/main.js keys generate --court "$1" --out "$seed" >"$public"
  fi
  # The registry may still name an earlier key of the court (.services/ was wiped): replace it.
  cli keys register --court "$1" --public-key "$(<"$public")" >/dev/null 2>&1 ||
    cli keys rotate --court "$1" --public-key "$(<"$public")" --grace-minutes 0 >/dev/null
  echo "$seed"
}

start() { # name app port [VAR=value ...]
  local name=$1 app=$2 port=$3
  shift 3
  env "$@" PORT="$port" NATS_URL="$NATS_URL" LOG_LEVEL="${LOG_LEVEL:-info}" \
    AUTH_TOKEN_SECRET="$(secret "$name-token-secret")" \
    node "dist/apps/$app/main.js" >"$LOG_DIR/$name.log" 2>&1 &
  pids+=($!)
}

wait_ready() { # name port
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$2/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "${pids[@]}" 2>/dev/null || break
    sleep 0.5
  done
  say "$1 did not become ready; its log, $LOG_DIR/$1.log, ends with:"
  tail -n 20 "$LOG_DIR/$1.log" >&2
  exit 1
}

MONITOR_PORT=${MONITOR_PORT:-3000}
XINZHOU_PORT=${XINZHOU_PORT:-3001}
YULIN_PORT=${YULIN_PORT:-3002}

XINZHOU_SEED=$(dev_key xinzhou)
YULIN_SEED=$(dev_key yulin)

start monitor monitor "$MONITOR_PORT" DATABASE_URL="$(database_url enforcement_monitor)"
start xinzhou court-node "$XINZHOU_PORT" COURT_ID=xinzhou DATABASE_URL="$(database_url enforcement_xinzhou)" \
  SIGNING_KEY_SEED_FILE="$XINZHOU_SEED"
start yulin court-node "$YULIN_PORT" COURT_ID=yulin DATABASE_URL="$(database_url enforcement_yulin)" \
  SIGNING_KEY_SEED_FILE="$YULIN_SEED" \
  ASSET_REGISTRY_CATEGORIES=bank-deposit,real-estate,vehicle ASSET_REGISTRY_SAMPLE_DATA=true

wait_ready monitor "$MONITOR_PORT"
wait_ready xinzhou "$XINZHOU_PORT"
wait_ready yulin "$YULIN_PORT"

PASSWORD=$(secret password)
open_account() { # database username role name; an account kept from an earlier run is fine
  local output
  output=$(node dist/apps/cli/main.js accounts add --database-url "$(database_url "$1")" \
    --username "$2" --role "$3" --name "$4" <<<"$PASSWORD" 2>&1) ||
    [[ $output == *"exists already"* ]] || { say "$output"; exit 1; }
}
for court in xinzhou yulin; do
  open_account "enforcement_$court" clerk clerk 立案书记员
  open_account "enforcement_$court" handler handler 执行承办人
  open_account "enforcement_$court" admin court-admin 法院管理员
done
open_account enforcement_monitor command-centre command-centre-admin 指挥中心管理员

cat >&2 <<INFO

The enforcement-link network is up:
  dashboard            http://127.0.0.1:$MONITOR_PORT/
  monitor API          http://127.0.0.1:$MONITOR_PORT/api/docs
  Xinzhou workbench    http://127.0.0.1:$XINZHOU_PORT/   API: /api/docs   (COURT_ID=xinzhou)
  Yulin workbench      http://127.0.0.1:$YULIN_PORT/   API: /api/docs   (COURT_ID=yulin)
Sign in as clerk, handler or admin at a court, command-centre at the monitor; the password
of every account is $PASSWORD (kept in $SECRETS_DIR/password).
Readiness:  curl http://127.0.0.1:$XINZHOU_PORT/health/ready
Logs (JSON lines): $LOG_DIR/{monitor,xinzhou,yulin}.log
Signing keys: $KEY_DIR   (node dist/apps/cli/main.js keys list)
NATS: $NATS_URL   PostgreSQL: $(sed -E 's#(://[^:/@]+):[^@]*@#\1:***@#' <<<"$DATABASE_URL")
Press Ctrl-C to stop.
INFO

wait -n "${pids[@]}" || true
say "A service stopped on its own; see the logs in $LOG_DIR."
exit 1
