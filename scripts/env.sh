# Environment shared by the Makefile targets. Sourced, not executed.
# WAREHOUSE_URL set by the caller wins; otherwise the project's local cluster is used.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export LOCALPG_PORT="${LOCALPG_PORT:-55432}"
if [ -n "${WAREHOUSE_URL:-}" ]; then
  export WAREHOUSE_URL_EXTERNAL=1
else
  # the local demo profile: the project's cluster with generated passwords (scripts/localpg.sh)
  "$ROOT/scripts/localpg.sh" profile
  set -a; source "$ROOT/.state/local.env"; set +a
fi
# dbt builds as the schema owner; the pipeline's tasks log in as WAREHOUSE_URL (locally: pipeline_writer)
eval "$("$ROOT/.venv/bin/python" -m scrapers.envvars "${WAREHOUSE_OWNER_URL:-$WAREHOUSE_URL}")"
export DBT_PROFILES_DIR="$ROOT/dbt_project/profiles"
export DBT_PROJECT_DIR="$ROOT/dbt_project"
export DO_NOT_TRACK=1 DBT_SEND_ANONYMOUS_USAGE_STATS=False GX_ANALYTICS_ENABLED=false
export AIRFLOW_HOME="${AIRFLOW_HOME:-$ROOT/.state/airflow}"
export AIRFLOW__CORE__DAGS_FOLDER="$ROOT/dags"
export AIRFLOW__CORE__LOAD_EXAMPLES=False
export AIRFLOW__CORE__PARALLELISM=4
export AIRFLOW__DATABASE__SQL_ALCHEMY_CONN="${AIRFLOW__DATABASE__SQL_ALCHEMY_CONN:-${AIRFLOW_DB_URL:-}}"
export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS="admin:admin"
export AIRFLOW__COSMOS__ENABLE_TELEMETRY=False
export AIRFLOW__COSMOS__CACHE_DIR="$ROOT/.state/cosmos"
export AIRFLOW_CONN_WAREHOUSE="$WAREHOUSE_URL"
export AIRFLOW_CONN_WAREHOUSE_OWNER="${WAREHOUSE_OWNER_URL:-$WAREHOUSE_URL}"
export PATH="$ROOT/.venv/bin:$PATH"
