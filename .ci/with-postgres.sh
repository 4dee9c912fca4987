#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL server that this script owns:
# a fresh data directory in a temporary folder of its own, on a free port it
# picks, listening on 127.0.0.1 only (password required) and on a socket in
# that folder. The command gets TEST_DATABASE_URL. When the command ends —
# passing, failing or interrupted — the server is stopped and the folder
# removed. The machine's own clusters (pg_lsclusters) are never touched.
#
#   bash .ci/with-postgres.sh npx tsx scripts/test-db.ts
#
# Run as root (CI containers), the server runs as the `postgres` user that
# Debian's postgresql package creates; run as anyone else, as that user.
# PG_BINDIR chooses the PostgreSQL binaries (default: the newest under
# /usr/lib/postgresql).
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 command [args…]" >&2; exit 2; }

bindir=${PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$bindir/initdb" ] || { echo "with-postgres: no PostgreSQL binaries (initdb) in '${bindir}'; install postgresql or set PG_BINDIR" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# In the temporary folder, if the server's user can reach it (a private
# TMPDIR of root's may not be), else in /tmp.
base=${TMPDIR:-/tmp}
as_owner test -x "$base" || base=/tmp
work=$(mktemp -d "$base/scalelab-pg-XXXXXX")
data="$work/data"
child=
cleanup() {
  local status=$?
  trap - EXIT INT TERM HUP
  if [ -n "$child" ]; then kill "$child" 2>/dev/null || true; wait "$child" 2>/dev/null || true; fi
  if [ -f "$data/postmaster.pid" ]; then
    as_owner "$bindir/pg_ctl" -D "$data" -m fast -t 30 -w stop >/dev/null 2>&1 ||
      as_owner "$bindir/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  echo "with-postgres: server stopped, $work removed" >&2
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

if [ "$(id -u)" = 0 ]; then chown postgres: "$work"; fi
as_owner test -w "$work" || { echo "with-postgres: the server's user cannot write to $work" >&2; exit 1; }

# A superuser reachable only through the socket in $work (mode 0700); TCP
# connections need a password.
as_owner "$bindir/initdb" -D "$data" -U postgres -E UTF8 --no-locale --auth-local=trust --auth-host=scram-sha-256 >"$work/initdb.log" 2>&1 ||
  { cat "$work/initdb.log" >&2; echo "with-postgres: initdb failed" >&2; exit 1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=
for _ in 1 2 3 4 5 6 7 8; do
  candidate=$((20000 + RANDOM % 40000))
  port_in_use "$candidate" && continue
  if as_owner "$bindir/pg_ctl" -D "$data" -l "$work/server.log" -w -t 60 \
    -o "-p $candidate -k $work -c listen_addresses=127.0.0.1" start >/dev/null; then
    port=$candidate
    break
  fi
done
[ -n "$port" ] || { cat "$work/server.log" >&2 2>/dev/null; echo "with-postgres: could not start PostgreSQL on a free port" >&2; exit 1; }

as_owner "$bindir/psql" -q -v ON_ERROR_STOP=1 -h "$work" -p "$port" -U postgres -d postgres >/dev/null <<'SQL'
CREATE ROLE scalelab LOGIN PASSWORD 'scalelab' CREATEDB;
CREATE DATABASE scalelab_ci OWNER scalelab;
SQL

export TEST_DATABASE_URL="postgres://scalelab:scalelab@127.0.0.1:$port/scalelab_ci"
echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $data), database scalelab_ci" >&2

# In the background, so that a signal reaches the trap at once.
"$@" &
child=$!
status=0
wait "$child" || status=$?
child=
exit "$status"
