#!/usr/bin/env bash
# CI: start a throwaway PostgreSQL server for the PostgreSQL store tests.
#
#   eval "$(.ci/postgres.sh)"
#
# Installs PostgreSQL with apt-get when it is missing, creates a cluster in a
# temp dir (data, socket and log), starts it on 127.0.0.1 at a free port as a
# non-root user, creates the role and database `onrecord`, and prints one line:
#   export ONRECORD_TEST_POSTGRES=postgresql://onrecord:...@127.0.0.1:PORT/onrecord
# The server runs until the machine goes away (or `pg_ctl stop`, printed on stderr).
# It never fails the CI run: on any problem it explains on stderr, prints
# nothing on stdout and exits 0, and the PostgreSQL tests skip.

say() { echo "postgres.sh: $*" >&2; }

# The newest installed PostgreSQL's bin dir (Debian keeps it off PATH).
bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
    echo "$dir"
  elif command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  else
    return 1
  fi
}

install_postgres() {
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    say "PostgreSQL is not installed and cannot be installed here (needs root and apt-get)"
    return 1
  fi
  say "installing PostgreSQL with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  timeout 600 apt-get -qq update >/dev/null 2>&1 &&
    timeout 900 apt-get -qq install -y --no-install-recommends postgresql >/dev/null 2>&1 ||
    { say "apt-get install postgresql failed"; return 1; }
}

# PostgreSQL refuses to run as root: when CI runs as root, run as `postgres`.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# Stop the server if it runs, and remove its temp dir: $1 bin dir, $2 temp dir.
discard() {
  as_owner "$1/pg_ctl" -D "$2/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$2"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  local bin dir port password
  bin=$(bindir) || { install_postgres && bin=$(bindir); } || { say "no initdb found"; return 1; }
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    say "running as root but there is no 'postgres' user to run the server"
    return 1
  fi
  dir=$(mktemp -d /tmp/onrecord-pg.XXXXXX) || { say "cannot create a temp dir"; return 1; }
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  port=$(free_port) || { say "cannot find a free port"; rm -rf "$dir"; return 1; }
  password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')

  if ! as_owner "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1; then
    say "initdb failed:"; tail -n 5 "$dir/initdb.log" >&2; rm -rf "$dir"; return 1
  fi
  if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir" start >/dev/null 2>&1; then
    say "the server did not start:"; tail -n 5 "$dir/server.log" >&2; discard "$bin" "$dir"; return 1
  fi
  if ! as_owner "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres \
      -c "CREATE ROLE onrecord LOGIN PASSWORD '$password'" \
      -c "CREATE DATABASE onrecord OWNER onrecord" >/dev/null 2>"$dir/psql.log"; then
    say "cannot create the test database:"; tail -n 5 "$dir/psql.log" >&2
    discard "$bin" "$dir"; return 1
  fi
  say "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir"
  say "stop it as $(stat -c %U "$dir") with: $bin/pg_ctl -D $dir/data stop"
  echo "export ONRECORD_TEST_POSTGRES=postgresql://onrecord:$password@127.0.0.1:$port/onrecord"
}

start || say "no PostgreSQL server for the tests; they will be skipped"
exit 0
