# Shared by the scripts in this folder; sourced, not run.

PROJECT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

say() { printf '%s\n' "$*" >&2; }
fail() { say "error: $*"; exit 1; }

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

build_apps() {
  say "Building the apps..."
  (cd "$PROJECT_ROOT" && npx nest build court-node >&2 && npx nest build monitor >&2)
}

# What every command needs before it runs anything: dependencies, services, built apps.
prepare_project() {
  cd "$PROJECT_ROOT"
  ensure_dependencies
  ensure_services
  build_apps
}
