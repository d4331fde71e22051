#!/usr/bin/env bash
# Makes NATS with JetStream and PostgreSQL reachable for the network and the tests.
#
#   scripts/services.sh up       use NATS_URL / DATABASE_URL when they answer; otherwise start
#                                private instances on free loopback ports, data in .services/
#                                (installing Debian's nats-server and postgresql when missing).
#                                Prints `export NATS_URL=... DATABASE_URL=...` for eval.
#   scripts/services.sh down     stop the private instances (their data stays for next time)
#   scripts/services.sh status   say what is running
#
# DATABASE_URL here names a server and its maintenance database; each service derives its own
# database from it. Defaults: nats://127.0.0.1:4222 and postgres://postgres@127.0.0.1:5432/postgres.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

STATE_DIR=${SERVICES_DIR:-$PROJECT_ROOT/.services}
NATS_DIR=$STATE_DIR/nats
PG_DIR=$STATE_DIR/postgres
DEFAULT_NATS_URL=nats://127.0.0.1:4222
DEFAULT_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres

# --- probes -----------------------------------------------------------------------------------

host_port() { # nats://user@host:port,... -> host port
  local first=${1%%,*}
  first=${first#*://}
  first=${first##*@}
  first=${first%%/*}
  printf '%s %s\n' "${first%:*}" "${first##*:}"
}

nats_answers() { # true when a NATS server with JetStream answers at the URL
  local host port
  read -r host port < <(host_port "$1")
  timeout 3 bash -c '
    exec 3<>"/dev/tcp/$0/$1" || exit 1
    IFS= read -r -t 2 info <&3 || exit 1
    [[ $info == INFO* && $info == *"\"jetstream\":true"* ]]
  ' "$host" "$port" 2>/dev/null
}

postgres_answers() { # true when the server accepts a login with the URL's credentials
  if command -v psql >/dev/null; then
    PGCONNECT_TIMEOUT=3 psql "$1" -wXAtqc 'SELECT 1' >/dev/null 2>&1
  else
    local host port
    read -r host port < <(host_port "$1")
    timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$host" "$port" 2>/dev/null
  fi
}

port_free() { ! timeout 1 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0"' "$1" 2>/dev/null; }

free_port() { # the first free loopback port from $1 on
  local port=$1
  while ! port_free "$port"; do port=$((port + 1)); done
  printf '%s\n' "$port"
}

wait_for() { # description, command...: up to 30 s
  local what=$1
  shift
  for _ in $(seq 1 60); do
    "$@" && return 0
    sleep 0.5
  done
  fail "$what did not come up; see the logs in $STATE_DIR"
}

# --- installing -------------------------------------------------------------------------------

cannot_provide() {
  say "Cannot provide $1 on this machine: it does not answer at the configured URL, and the"
  say "Debian package $2 is neither installed nor installable here. Either install it yourself,"
  say "or start the services with Docker and point the scripts at them:"
  say "    docker compose up -d nats postgres"
  say "    export NATS_URL=$DEFAULT_NATS_URL DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/postgres"
  exit 1
}

nats_binary() {
  command -v nats-server 2>/dev/null || { [[ -x /usr/sbin/nats-server ]] && echo /usr/sbin/nats-server; }
}

postgres_bindir() { # the newest installed server version's bin directory
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [[ -n $dir && -x $dir/postgres ]] && echo "$dir"
}

# --- private NATS -----------------------------------------------------------------------------

private_nats_url() {
  [[ -f $NATS_DIR/url && -f $NATS_DIR/nats.pid ]] || return 1
  kill -0 "$(cat "$NATS_DIR/nats.pid")" 2>/dev/null || return 1
  cat "$NATS_DIR/url"
}

start_private_nats() {
  local binary port url
  binary=$(nats_binary) || { apt_install nats-server && binary=$(nats_binary); } ||
    cannot_provide "NATS" nats-server
  port=$(free_port 14222)
  url=nats://127.0.0.1:$port
  mkdir -p "$NATS_DIR/store"
  say "Starting a private nats-server with JetStream on 127.0.0.1:$port (data in $NATS_DIR)"
  setsid "$binary" -a 127.0.0.1 -p "$port" -js -sd "$NATS_DIR/store" \
    -l "$NATS_DIR/nats.log" -P "$NATS_DIR/nats.pid" </dev/null >/dev/null 2>&1 &
  wait_for "nats-server" nats_answers "$url"
  echo "$url" >"$NATS_DIR/url"
  echo "$url"
}

stop_private_nats() {
  [[ -f $NATS_DIR/nats.pid ]] || return 0
  local pid
  pid=$(cat "$NATS_DIR/nats.pid")
  if kill "$pid" 2>/dev/null; then
    say "Stopping the private nats-server (pid $pid)"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  fi
  rm -f "$NATS_DIR/nats.pid" "$NATS_DIR/url"
}

# --- private PostgreSQL -----------------------------------------------------------------------

# PostgreSQL refuses to run as root: as root, the server runs as the `postgres` system user.
as_postgres_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

private_postgres_url() {
  [[ -f $PG_DIR/url && -f $PG_DIR/data/postmaster.pid ]] || return 1
  local url
  url=$(cat "$PG_DIR/url")
  postgres_answers "$url" && echo "$url"
}

start_private_postgres() {
  local bindir port url
  bindir=$(postgres_bindir) || { apt_install postgresql && bindir=$(postgres_bindir); } ||
    cannot_provide "PostgreSQL" postgresql
  mkdir -p "$PG_DIR"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$PG_DIR"
    runuser -u postgres -- test -w "$PG_DIR" ||
      fail "the postgres user cannot write to $PG_DIR; set SERVICES_DIR to a folder it can reach"
  fi
  if [[ ! -f $PG_DIR/data/PG_VERSION ]]; then
    say "Creating a private PostgreSQL cluster in $PG_DIR/data"
    as_postgres_owner "$bindir/initdb" -D "$PG_DIR/data" -U postgres --auth=trust \
      --encoding=UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1 ||
      fail "initdb failed; see $PG_DIR/initdb.log"
  fi
  port=$(free_port 15432)
  url=postgres://postgres@127.0.0.1:$port/postgres
  say "Starting a private PostgreSQL on 127.0.0.1:$port (data in $PG_DIR/data)"
  as_postgres_owner "$bindir/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=" start >/dev/null ||
    fail "PostgreSQL did not start; see $PG_DIR/postgres.log"
  wait_for "PostgreSQL" postgres_answers "$url"
  echo "$url" >"$PG_DIR/url"
  echo "$url"
}

stop_private_postgres() {
  [[ -f $PG_DIR/data/postmaster.pid ]] || return 0
  local bindir
  bindir=$(postgres_bindir) || return 0
  say "Stopping the private PostgreSQL"
  as_postgres_owner "$bindir/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null
  rm -f "$PG_DIR/url"
}

# --- commands ---------------------------------------------------------------------------------

up() {
  local nats_url=${NATS_URL:-$DEFAULT_NATS_URL}
  local database_url=${DATABASE_URL:-$DEFAULT_DATABASE_URL}

  if nats_answers "$nats_url"; then
    say "NATS with JetStream answers at $nats_url"
  else
    say "No NATS with JetStream at $nats_url"
    nats_url=$(private_nats_url || start_private_nats)
  fi

  if postgres_answers "$database_url"; then
    say "PostgreSQL answers at $(redact "$database_url")"
  else
    say "No PostgreSQL accepting $(redact "$database_url")"
    database_url=$(private_postgres_url || start_private_postgres)
  fi

  printf 'export NATS_URL=%q DATABASE_URL=%q\n' "$nats_url" "$database_url"
}

down() {
  stop_private_nats
  stop_private_postgres
}

status() {
  local url
  if url=$(private_nats_url); then echo "private nats-server: $url"; else echo "private nats-server: stopped"; fi
  if url=$(private_postgres_url); then echo "private PostgreSQL: $url"; else echo "private PostgreSQL: stopped"; fi
}

redact() { sed -E 's#(://[^:/@]+):[^@]*@#\1:***@#' <<<"$1"; }

case ${1:-} in
  up) up ;;
  down) down ;;
  status) status ;;
  *) say "usage: $0 up|down|status"; exit 2 ;;
esac
