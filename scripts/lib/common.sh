# Shared by the scripts in this folder; sourced, not run.

PROJECT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

say() { printf '%s\n' "$*" >&2; }
fail() { say "error: $*"; exit 1; }

# Installs Debian packages, with sudo when not root; fails when apt-get is not there.
apt_install() {
  command -v apt-get >/dev/null || return 1
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || return 1
    sudo=(sudo)
  fi
  say "Installing Debian packages: $* ..."
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

# The browser the dashboard's browser test drives: CHROMIUM_BIN, or Debian's chromium, installed
# when missing, with a Chinese font so its screenshots are legible. Exports CHROMIUM_BIN.
ensure_chromium() {
  if command -v fc-list >/dev/null && [[ -z $(fc-list :lang=zh 2>/dev/null) ]]; then
    apt_install fonts-wqy-zenhei || say "no Chinese font: screenshots will show boxes for Chinese text"
  fi
  if [[ -z ${CHROMIUM_BIN:-} ]]; then
    CHROMIUM_BIN=$(command -v chromium || true)
    if [[ -z $CHROMIUM_BIN ]]; then
      apt_install chromium || fail "no chromium for the browser test: install Debian's chromium or set CHROMIUM_BIN"
      CHROMIUM_BIN=$(command -v chromium)
    fi
  fi
  export CHROMIUM_BIN
}

# npm ci when node_modules is missing or older than the lock file.
ensure_dependencies() {
  local stamp="$PROJECT_ROOT/node_modules/.package-lock.json"
  if [[ ! -f "$stamp" || "$PROJECT_ROOT/package-lock.json" -nt "$stamp" ]]; then
    say "Installing dependencies (npm ci)..."
    (cd "$PROJECT_ROOT" && npm ci --no-audit --no-fund >&2)
  fi
}

# Brings NATS and PostgreSQL up (see services.sh) and exports NATS_URL and DATABASE_URL.
ensure_services() {
  local exports
  exports=$(bash "$PROJECT_ROOT/scripts/services.sh" up)
  eval "$exports"
}

# Builds the services, the command line and the web pages; skipped when nothing they are built
# from changed since the last build.
build_apps() {
  local stamp="$PROJECT_ROOT/dist/.build-stamp"
  if [[ -f $stamp && -z $(cd "$PROJECT_ROOT" && find apps libs package-lock.json tsconfig.json \
    nest-cli.json -newer "$stamp" -print -quit) ]]; then
    return 0
  fi
  say "Building the apps..."
  (cd "$PROJECT_ROOT" && npx nest build court-node >&2 && npx nest build monitor >&2 &&
    npx nest build cli >&2 && npx nest build demo >&2 &&
    npx vite build --logLevel warn --config apps/court-node/web/vite.config.mts >&2 &&
    npx vite build --logLevel warn --config apps/monitor/web/vite.config.mts >&2)
  touch "$stamp"
}

# What every command needs before it runs anything: dependencies, services, built apps.
prepare_project() {
  cd "$PROJECT_ROOT"
  ensure_dependencies
  ensure_services
  build_apps
}
