#!/usr/bin/env bash
# The main job on the local default: local Postgres + snapshot sites → Airflow DAGs (scrape_sources, transform)
# run for real with `airflow dags test` → summary.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
source scripts/env.sh
source scripts/services.sh
t0=$(date +%s)

hanoi-reports migrate                                  # as the schema owner; the DAGs log in as the writer
(cd dbt_project && dbt parse -q)                       # manifest for Cosmos (no dbt ls at DAG parse time)
mkdir -p "$AIRFLOW_HOME"
[ -f "$AIRFLOW_HOME/simple_auth_manager_passwords.json.generated" ] || \
  echo '{"admin": "admin"}' > "$AIRFLOW_HOME/simple_auth_manager_passwords.json.generated"
source scripts/airflow-setup.sh

run_dag() {
  local dag=$1 log="$ROOT/.state/dag-$1.log"
  echo "== airflow dags test $dag (log: $log)"
  if ! airflow dags test "$dag" > "$log" 2>&1; then
    grep -E "\[hanoi-reports\]|GX .* failed|ERROR" "$log" | tail -n 20
    echo "DAG $dag failed; full log in $log" >&2
    return 1
  fi
  grep -oE "DagRun Finished: dag_id=$dag.*state=[a-z]+" "$log" | grep -oE "dag_id=[a-z_]+|run_duration=[0-9.]+|state=[a-z]+" | paste -sd' '
}
run_dag scrape_sources
run_dag transform
(cd dbt_project && dbt docs generate -q > /dev/null 2>&1 || true)
python -m scrapers.summary
echo "total: $(( $(date +%s) - t0 )) s"
