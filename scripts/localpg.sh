#!/usr/bin/env bash
# Throwaway PostgreSQL cluster owned by the project, built from the machine's Debian binaries.
# usage: scripts/localpg.sh start|stop|status|url
# initdb/postgres refuse to run as root, so as root the cluster runs as the `postgres` OS user.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PORT="${LOCALPG_PORT:-55432}"
STATE="$ROOT/.state"
PGBIN="${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}"
[ -x "$PGBIN/initdb" ] || { echo "localpg: no PostgreSQL binaries (install Debian's postgresql package or set WAREHOUSE_URL)" >&2; exit 2; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The cluster lives in .state/pg unless the postgres user cannot reach the checkout
# (e.g. a clone under /root, mode 700); then it lives under /var/tmp, linked from .state/pg.
pgdir() {
  mkdir -p "$STATE"
  if [ -L "$STATE/pg" ] || [ -d "$STATE/pg" ]; then readlink -f "$STATE/pg"; return; fi
  local d="$STATE/pg"
  if [ "$(id -u)" = 0 ]; then
    mkdir -p "$d"; chown postgres: "$d"
    if ! runuser -u postgres -- test -w "$d"; then
      rmdir "$d"
      d="/var/tmp/hanoi-reports-pg-$(echo -n "$ROOT" | sha1sum | cut -c1-12)"
      install -d -o postgres -g postgres "$d"
      ln -s "$d" "$STATE/pg"
    fi
  else
    mkdir -p "$d"
  fi
  readlink -f "$STATE/pg"
}

running() { as_owner "$PGBIN/pg_ctl" -D "$1/data" status >/dev/null 2>&1; }

case "${1:-start}" in
  start)
    D="$(pgdir)"
    if [ ! -f "$D/data/PG_VERSION" ]; then
      as_owner "$PGBIN/initdb" -D "$D/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$D/initdb.log" 2>&1 \
        || { cat "$D/initdb.log" >&2; exit 1; }
    fi
    if ! running "$D"; then
      as_owner "$PGBIN/pg_ctl" -D "$D/data" -l "$D/server.log" -w -t 60 \
        -o "-p $PORT -k $D -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
        || { tail -n 30 "$D/server.log" >&2; exit 1; }
    fi
    psql="psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p $PORT -U postgres -d postgres"
    for spec in "hanoi:hanoi_reports" "airflow:airflow"; do
      role="${spec%%:*}"; db="${spec##*:}"
      $psql -tAc "select 1 from pg_roles where rolname='$role'" | grep -q 1 \
        || $psql -c "create role $role login password '$role' createdb"
      $psql -tAc "select 1 from pg_database where datname='$db'" | grep -q 1 \
        || $psql -c "create database $db owner $role"
    done
    # read-only analyst login (grants on marts are applied by the warehouse migration, scrapers/sql/002_access.sql)
    $psql -tAc "select 1 from pg_roles where rolname='analyst'" | grep -q 1 \
      || $psql -c "create role analyst login password 'analyst' nocreatedb nocreaterole"
    # the archive's writer: INSERT/SELECT only in raw (grants: scrapers/sql/008_writer_role.sql)
    $psql -tAc "select 1 from pg_roles where rolname='pipeline_writer'" | grep -q 1 \
      || $psql -c "create role pipeline_writer login password 'pipeline_writer' nocreatedb nocreaterole"
    echo "localpg: up on 127.0.0.1:$PORT (data in $D/data)"
    ;;
  stop)
    D="$(pgdir)"
    if running "$D"; then as_owner "$PGBIN/pg_ctl" -D "$D/data" -m fast -w stop >/dev/null; fi
    echo "localpg: stopped"
    ;;
  status)
    D="$(pgdir)"; if running "$D"; then echo "localpg: running on $PORT"; else echo "localpg: stopped"; exit 3; fi
    ;;
  url)
    echo "postgresql://hanoi:hanoi@127.0.0.1:$PORT/hanoi_reports"
    ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
