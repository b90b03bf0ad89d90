#!/usr/bin/env bash
# Starts what the tests need (the project's Postgres, Airflow metadata DB, dbt manifest) and runs the whole suite.
# Each test session works in its own throwaway databases; the snapshot sites are served by the tests themselves.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
source scripts/env.sh
if [ -z "${WAREHOUSE_URL_EXTERNAL:-}" ]; then scripts/localpg.sh start; fi
(cd dbt_project && dbt parse -q)
mkdir -p "$AIRFLOW_HOME"
[ -f "$AIRFLOW_HOME/simple_auth_manager_passwords.json.generated" ] || \
  echo '{"admin": "admin"}' > "$AIRFLOW_HOME/simple_auth_manager_passwords.json.generated"
source scripts/airflow-setup.sh
scripts/ensure-apt.sh chromium:chromium redis-server:redis-server docker-compose:docker-compose
ruff check scrapers expectations dags tests bench snapshot
sqlfluff lint dbt_project/models dbt_project/tests dbt_project/macros --nocolor > .state/sqlfluff.log 2>&1 || { grep -E "^== |^L:" .state/sqlfluff.log; exit 1; }
exec python -m pytest "$@"
