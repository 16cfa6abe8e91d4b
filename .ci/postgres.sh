#!/usr/bin/env bash
# postgres.sh: a throwaway PostgreSQL cluster for the tests, owned by the
# test run.
#
#   postgres.sh run CMD...    start a cluster, run CMD with
#                             WHOSAID_TEST_POSTGRES naming it, stop it
#   postgres.sh start DIR     start one in DIR; prints its URL
#   postgres.sh stop DIR      stop it and remove DIR
#
# The cluster lives in a temporary folder, listens only on a Unix socket in
# that folder (no TCP port), and is stopped and removed at the end, however
# the command ends. "start" exits 3, printing nothing, when no PostgreSQL
# server binaries are installed; then "run" runs CMD without a cluster (the
# PostgreSQL tests skip, saying why) or, in CI (CI=true), fails. When
# WHOSAID_TEST_POSTGRES is already set, "run" uses that server.
#
# initdb refuses to run as root, so as root (CI) the cluster belongs to an
# unprivileged user: postgres (Debian's package creates it) or nobody.
set -euo pipefail
cmd=${1:?usage: postgres.sh run CMD... | start DIR | stop DIR}
shift

if [ "$cmd" = run ]; then
  if [ -n "${WHOSAID_TEST_POSTGRES:-}" ]; then exec "$@"; fi
  dir=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-pg.XXXXXX")
  trap '"$0" stop "$dir"' EXIT
  code=0
  url=$("$0" start "$dir") || code=$?
  if [ "$code" = 3 ]; then
    if [ "${CI:-}" = true ]; then
      echo "postgres.sh: no PostgreSQL server binaries (initdb) found, and CI must run the PostgreSQL tests" >&2
      exit 1
    fi
    echo "postgres.sh: no PostgreSQL server binaries (initdb) found: the PostgreSQL tests will skip" >&2
    "$@"
    exit
  elif [ "$code" != 0 ]; then
    echo "postgres.sh: could not start PostgreSQL (see $dir/*.log):" >&2
    tail -20 "$dir"/*.log >&2 || true
    exit 1
  fi
  WHOSAID_TEST_POSTGRES=$url "$@"
  exit
fi

dir=${1:?usage: postgres.sh start|stop DIR}

bindir=""
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) ""; do
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then bindir=$d; break; fi
done
if [ -z "$bindir" ] && command -v initdb >/dev/null 2>&1; then
  bindir=$(dirname "$(command -v initdb)")
fi

run() { # run a server binary as the cluster's owner
  if [ "$(id -u)" = 0 ]; then runuser -u "$owner" -- "$@"; else "$@"; fi
}
owner=$(id -un)
if [ "$(id -u)" = 0 ]; then
  owner=nobody
  id postgres >/dev/null 2>&1 && owner=postgres
fi

case $cmd in
start)
  [ -n "$bindir" ] || exit 3
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown "$owner" "$dir"
  run "$bindir/initdb" -D "$dir/data" -U whosaid --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    run "$bindir/initdb" -D "$dir/data" -U whosaid --auth=trust --encoding=UTF8 --locale=C >"$dir/initdb.log" 2>&1
  # fsync off: a crash of the test machine loses a throwaway cluster anyway.
  run "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-c listen_addresses='' -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
  echo "postgres:///postgres?host=$dir&user=whosaid"
  ;;
stop)
  if [ -n "$bindir" ] && [ -f "$dir/data/postmaster.pid" ]; then
    run "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: postgres.sh start|stop DIR" >&2
  exit 2
  ;;
esac
