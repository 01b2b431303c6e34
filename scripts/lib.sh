# Helpers shared by scripts/test and scripts/bench. Source it; do not run it.

say() { printf '%s\n' "$*" >&2; }

# A free TCP port on loopback.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Installs Debian packages that are missing, when this user can.
ensure_packages() {
  local missing=()
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    say "Missing packages: ${missing[*]}. Install them (apt-get install ${missing[*]}) and run this again."
    return 1
  fi
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  say "Installing ${missing[*]} with apt-get…"
  $sudo apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# The folder holding PostgreSQL's server programs (initdb, pg_ctl).
postgres_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

# Starts a throwaway PostgreSQL cluster on a free loopback port. Sets PG_DIR, PG_PORT and
# PG_URL (the maintenance database, user foothold, no password). pg_stop removes it again.
pg_start() {
  local bin; bin=$(postgres_bin) || { ensure_packages postgresql && bin=$(postgres_bin); } || {
    say "PostgreSQL is not installed and could not be installed."; return 1; }
  PG_DIR=$(mktemp -d /tmp/foothold-pg.XXXXXX)
  PG_PORT=$(free_port)
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    # PostgreSQL refuses to run as root; its own user owns the throwaway cluster.
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$PG_DIR"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -U foothold -A trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -U foothold -A trust -E UTF8 --locale=C >"$PG_DIR/initdb.log" 2>&1 \
    || { say "initdb failed:"; cat "$PG_DIR/initdb.log" >&2; return 1; }
  "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
    || { say "PostgreSQL did not start:"; cat "$PG_DIR/server.log" >&2; return 1; }
  PG_BIN=$bin
  PG_RUN=("${run[@]}")
  PG_URL="postgres://foothold@127.0.0.1:$PG_PORT/postgres"
  export PG_DIR PG_PORT PG_URL
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}

# Creates a database on the throwaway cluster and prints its URL.
pg_create_database() {
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U foothold "$1"
  echo "postgres://foothold@127.0.0.1:$PG_PORT/$1"
}

# Waits until a URL answers 200, or gives up after $2 seconds.
wait_for_url() {
  local url=$1 limit=${2:-60} waited=0
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    sleep 0.5; waited=$((waited + 1))
    if [ $waited -ge $((limit * 2)) ]; then return 1; fi
  done
  return 0
}
