#!/usr/bin/env bash
# Throwaway PostgreSQL cluster owned by the project, built from the machine's Debian binaries.
# usage: scripts/localpg.sh start|stop|status|url|profile
# initdb/postgres refuse to run as root, so as root the cluster runs as the `postgres` OS user.
# Logins over TCP need a password (scram-sha-256); each role's password is generated once into .state/secrets/
# and the connection URLs into .state/local.env, the local demo profile scrapers.settings reads. Only the
# cluster's OS owner reaches the superuser, through the Unix socket in the data directory (mode 0700).
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

ROLES="hanoi pipeline_writer analyst airflow"

secret() {  # the role's generated password, created on first use
  local f="$STATE/secrets/$1"
  if [ ! -s "$f" ]; then
    (umask 077; mkdir -p "$STATE/secrets"; od -An -tx1 -N24 /dev/urandom | tr -d ' \n' > "$f")
  fi
  cat "$f"
}

profile() {  # .state/local.env: the local demo profile (mode 0600)
  local at="127.0.0.1:$PORT"
  (umask 077; mkdir -p "$STATE"; cat > "$STATE/local.env.tmp" <<EOF
# written by scripts/localpg.sh: the project's local cluster, with passwords generated into .state/secrets/
WAREHOUSE_URL=postgresql://pipeline_writer:$(secret pipeline_writer)@$at/hanoi_reports
WAREHOUSE_OWNER_URL=postgresql://hanoi:$(secret hanoi)@$at/hanoi_reports
WAREHOUSE_ANALYST_URL=postgresql://analyst:$(secret analyst)@$at/hanoi_reports
AIRFLOW_DB_URL=postgresql+psycopg2://airflow:$(secret airflow)@$at/airflow
EOF
  mv "$STATE/local.env.tmp" "$STATE/local.env")
}

running() { as_owner "$PGBIN/pg_ctl" -D "$1/data" status >/dev/null 2>&1; }

case "${1:-start}" in
  start)
    D="$(pgdir)"
    if [ ! -f "$D/data/PG_VERSION" ]; then
      as_owner "$PGBIN/initdb" -D "$D/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$D/initdb.log" 2>&1 \
        || { cat "$D/initdb.log" >&2; exit 1; }
    fi
    # TCP logins by password only, also on a cluster an older checkout created with --auth=trust
    as_owner tee "$D/data/pg_hba.conf" >/dev/null <<EOF
local all all trust
host all all 127.0.0.1/32 scram-sha-256
host all all ::1/128 scram-sha-256
EOF
    if ! running "$D"; then
      as_owner "$PGBIN/pg_ctl" -D "$D/data" -l "$D/server.log" -w -t 60 \
        -o "-p $PORT -k $D -c unix_socket_permissions=0700 -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
        || { tail -n 30 "$D/server.log" >&2; exit 1; }
    else
      as_owner "$PGBIN/pg_ctl" -D "$D/data" reload >/dev/null
    fi
    psql() { as_owner "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$D" -p "$PORT" -U postgres -d postgres "$@"; }
    # hanoi owns the warehouse and its migrations (and may create test databases); airflow its metadata DB;
    # pipeline_writer may only add to the archive (scrapers/sql/008_writer_role.sql); analyst reads marts
    # (002_access.sql). Passwords are (re)set from .state/secrets on every start.
    for role in $ROLES; do
      case $role in hanoi|airflow) opts="login createdb" ;; *) opts="login nocreatedb nocreaterole" ;; esac
      psql -tAc "select 1 from pg_roles where rolname='$role'" | grep -q 1 || psql -c "create role $role $opts"
      psql -c "alter role $role password '$(secret "$role")'"
    done
    for spec in "hanoi:hanoi_reports" "airflow:airflow"; do
      role="${spec%%:*}"; db="${spec##*:}"
      psql -tAc "select 1 from pg_database where datname='$db'" | grep -q 1 || psql -c "create database $db owner $role"
    done
    profile
    echo "localpg: up on 127.0.0.1:$PORT (data in $D/data; logins in .state/local.env)"
    ;;
  stop)
    D="$(pgdir)"
    if running "$D"; then as_owner "$PGBIN/pg_ctl" -D "$D/data" -m fast -w stop >/dev/null; fi
    echo "localpg: stopped"
    ;;
  status)
    D="$(pgdir)"; if running "$D"; then echo "localpg: running on $PORT"; else echo "localpg: stopped"; exit 3; fi
    ;;
  url)  # the owner's login
    echo "postgresql://hanoi:$(secret hanoi)@127.0.0.1:$PORT/hanoi_reports"
    ;;
  profile)
    profile
    ;;
  *) echo "usage: $0 start|stop|status|url|profile" >&2; exit 2 ;;
esac
