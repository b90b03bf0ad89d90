#!/usr/bin/env bash
# Airflow 3 UI on the project's Postgres with the snapshot sources: `make airflow-ui`, then open the printed URL.
# Runs in the foreground (Ctrl-C stops Airflow and the snapshot server).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
source scripts/env.sh
source scripts/services.sh
PORT="${AIRFLOW_UI_PORT:-8080}"
export AIRFLOW__API__HOST=127.0.0.1 AIRFLOW__API__PORT="$PORT" AIRFLOW__API__BASE_URL="http://127.0.0.1:$PORT"
export AIRFLOW__CORE__EXECUTION_API_SERVER_URL="http://127.0.0.1:$PORT/execution/"
python -c "from scrapers import db; c = db.connect(); db.migrate(c); c.close()"
(cd dbt_project && dbt parse -q)
mkdir -p "$AIRFLOW_HOME"
[ -f "$AIRFLOW_HOME/simple_auth_manager_passwords.json.generated" ] || \
  echo '{"admin": "admin"}' > "$AIRFLOW_HOME/simple_auth_manager_passwords.json.generated"
source scripts/airflow-setup.sh
setsid airflow standalone > .state/airflow-standalone.log 2>&1 &
AIRFLOW_PID=$!
trap 'kill -TERM -$AIRFLOW_PID 2>/dev/null || true; kill $SNAPSHOT_PID 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/api/v2/monitor/health" >/dev/null && break; sleep 1; done
TOKEN=$(curl -sf -X POST "http://127.0.0.1:$PORT/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"admin"}' | python -c 'import sys, json; print(json.load(sys.stdin)["access_token"])')
for dag in scrape_sources transform reprocess backfill; do
  for _ in $(seq 1 60); do
    curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v2/dags/$dag" && break; sleep 1
  done
  curl -sf -o /dev/null -X PATCH -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    "http://127.0.0.1:$PORT/api/v2/dags/$dag" -d '{"is_paused": false}'
done
echo "Airflow UI: http://127.0.0.1:$PORT  (login admin / admin; DAGs unpaused; sources = local snapshot)"
wait $AIRFLOW_PID
