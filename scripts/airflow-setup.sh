#!/usr/bin/env bash
# Airflow metadata database and the per-domain crawl pools (1 slot each). Sourced by demo.sh, airflow-ui.sh and
# test.sh after env.sh; idempotent.
airflow db migrate > "$ROOT/.state/airflow-migrate.log" 2>&1 || { tail -n 30 "$ROOT/.state/airflow-migrate.log"; exit 1; }
python - > "$ROOT/.state/pools.json" <<'PY'
import json
from scrapers.sources import ADAPTERS
print(json.dumps({f"domain_{a.domain}": {"slots": 1, "description": f"one crawl of {a.domain} at a time",
                                         "include_deferred": False} for a in ADAPTERS.values()}))
PY
airflow pools import "$ROOT/.state/pools.json" > "$ROOT/.state/airflow-pools.log" 2>&1 || { tail -n 30 "$ROOT/.state/airflow-pools.log"; exit 1; }
