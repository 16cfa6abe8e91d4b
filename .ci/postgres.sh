#!/usr/bin/env bash
# postgres.sh start DIR | stop DIR: a throwaway PostgreSQL cluster for the
# tests, owned by the test run. It lives in DIR (created), listens only on a
# Unix socket in DIR (no TCP port), and is removed by "stop". "start" prints
# the URL to put in WHOSAID_TEST_POSTGRES; it exits 3, printing nothing, when
# no PostgreSQL server binaries are installed.
#
# initdb refuses to run as root, so as root (CI) the cluster belongs to an
# unprivileged user: postgres (Debian's package creates it) or nobody.
set -euo pipefail
cmd=${1:?usage: postgres.sh start|stop DIR}
dir=${2:?usage: postgres.sh start|stop DIR}

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
