"""The real DAGs, run with `airflow dags test` against a fresh warehouse and the snapshot server."""

import json
import os
import subprocess

import psycopg

from scrapers import pipeline


def dags_test(dag_id, env):
    proc = subprocess.run(["airflow", "dags", "test", dag_id], env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-4000:]
    assert f"dag_id={dag_id}" in proc.stdout + proc.stderr
    return proc.stdout + proc.stderr


def test_scrape_then_transform(warehouse, snapshot_sites):
    env = {**os.environ, "WAREHOUSE_URL": warehouse, "AIRFLOW_CONN_WAREHOUSE": warehouse,
           "HANOI_SOURCE_URLS": json.dumps(snapshot_sites.urls)}
    log = dags_test("scrape_sources", env)
    assert "state=success" in log
    log = dags_test("transform", env)
    assert "state=success" in log and "fct_figures_suite: passed" in log

    rows = {r["source"]: r for r in pipeline.status(url=warehouse)}
    assert len(rows) == 5
    assert all(r["pages"] == 1 and r["articles"] == 1 for r in rows.values())
    with psycopg.connect(warehouse) as conn:
        total, = conn.execute("select total from marts.fct_discipline where form = 'khai trừ'").fetchone()
        assert total == 359
        assert conn.execute("select bool_and(success), count(*) from quality.validation_runs").fetchone() == (True, 4)

    # a rerun gives the same warehouse
    before = _snapshot(warehouse)
    dags_test("scrape_sources", env)
    dags_test("transform", env)
    assert _snapshot(warehouse) == before


def _snapshot(url):
    with psycopg.connect(url) as conn:
        return conn.execute("""select (select count(*) from raw.pages), (select count(*) from extracted.articles),
                                      (select count(*) from extracted.mentions), (select count(*) from marts.fct_figures),
                                      (select string_agg(figure_id, ',' order by figure_id) from marts.fct_figures)
                            """).fetchone()
