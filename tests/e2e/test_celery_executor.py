"""The same DAGs under Airflow's CeleryExecutor: api-server, scheduler, dag-processor and two Celery workers with a
real Redis broker on loopback run `scrape_sources` to success, its tasks spread over both workers. Scaling out is
the executor's job; no project code knows which executor runs it."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import psycopg
import pytest

from scrapers.sources import ADAPTERS
from tests.conftest import fresh_database, writer_url

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def redis_url(tmp_path):
    port = free_port()
    proc = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(tmp_path)], stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True, text=True).stdout.strip() != "PONG":
        assert proc.poll() is None and time.monotonic() < deadline, "redis-server did not start"
        time.sleep(0.2)
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait(10)


def test_scrape_sources_on_celery_with_two_workers(warehouse, pg_server_url, snapshot_sites, redis_url, tmp_path):
    port = free_port()
    with fresh_database(pg_server_url) as meta:
        env = {
            **os.environ,
            "AIRFLOW_HOME": str(tmp_path / "airflow"),
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": meta.replace("postgresql://", "postgresql+psycopg2://", 1),
            "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
            "AIRFLOW__CELERY__BROKER_URL": redis_url,
            "AIRFLOW__CELERY__RESULT_BACKEND": "db+" + meta,
            "AIRFLOW__CELERY__WORKER_CONCURRENCY": "1",
            "AIRFLOW__API__HOST": "127.0.0.1", "AIRFLOW__API__PORT": str(port),
            "AIRFLOW__API__BASE_URL": f"http://127.0.0.1:{port}",
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{port}/execution/",
            "AIRFLOW__API_AUTH__JWT_SECRET": "celery-test-secret",
            "AIRFLOW__CORE__HOSTNAME_CALLABLE": "tests.e2e.worker_host.hostname",
            "AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC": "2",
            "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "5",
            "PYTHONPATH": str(ROOT),
            # the tasks as the pipeline's writer; `migrate` as the owner (AIRFLOW_CONN_WAREHOUSE_OWNER, the fixture's)
            "WAREHOUSE_URL": writer_url(warehouse), "AIRFLOW_CONN_WAREHOUSE": writer_url(warehouse),
            "HANOI_SOURCE_URLS": json.dumps(snapshot_sites.urls),
        }
        (tmp_path / "airflow").mkdir()
        setup = subprocess.run(["bash", "-c", "ROOT=$PWD; source scripts/airflow-setup.sh"], cwd=ROOT, env=env,
                               capture_output=True, text=True, timeout=600)
        assert setup.returncode == 0, setup.stdout[-2000:] + setup.stderr[-2000:]
        logs = tmp_path / "logs"
        logs.mkdir()
        commands = {
            "api-server": ["airflow", "api-server"],
            "scheduler": ["airflow", "scheduler"],
            "dag-processor": ["airflow", "dag-processor"],
            "worker-1": ["airflow", "celery", "worker", "--concurrency", "1", "--celery-hostname", "w1@%h"],
            "worker-2": ["airflow", "celery", "worker", "--concurrency", "1", "--celery-hostname", "w2@%h"],
        }
        procs = {}
        try:
            for name, cmd in commands.items():
                # each worker serves its task logs on its own port
                worker_env = ({**env, "HANOI_WORKER_NAME": name, "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT":
                               str(free_port())} if name.startswith("worker") else env)
                procs[name] = subprocess.Popen(cmd, cwd=ROOT, env=worker_env, start_new_session=True,
                                               stdout=open(logs / f"{name}.log", "w"), stderr=subprocess.STDOUT)  # noqa: SIM115

            def airflow(*args, check=True):
                proc = subprocess.run(["airflow", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                                      timeout=120)
                assert not check or proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
                return proc

            def paused() -> bool | None:
                with psycopg.connect(meta, autocommit=True) as conn:
                    row = conn.execute("select is_paused from dag where dag_id = 'scrape_sources'").fetchone()
                return row[0] if row else None

            # `dags unpause` exits 0 even before the dag-processor has stored the DAG: check the row itself
            deadline = time.monotonic() + 300
            while paused() is not False:
                if paused() is True:
                    airflow("dags", "unpause", "scrape_sources", check=False)
                for name, p in procs.items():
                    assert p.poll() is None, (name, (logs / f"{name}.log").read_text()[-3000:])
                assert time.monotonic() < deadline, "scrape_sources never got parsed/unpaused"
                time.sleep(3)
            airflow("dags", "trigger", "scrape_sources", "--run-id", "celery-test")

            deadline = time.monotonic() + 600
            with psycopg.connect(meta, autocommit=True) as conn:
                while True:
                    state = conn.execute("select state from dag_run where dag_id = 'scrape_sources'"
                                         " and run_id = 'celery-test'").fetchone()
                    if state and state[0] in ("success", "failed"):
                        break
                    for name, p in procs.items():
                        assert p.poll() is None, (name, (logs / f"{name}.log").read_text()[-3000:])
                    assert time.monotonic() < deadline, f"run not finished: {state}"
                    time.sleep(3)
                tis = conn.execute("select task_id, state, hostname from task_instance where dag_id = 'scrape_sources'"
                                   " and run_id = 'celery-test'").fetchall()
            assert state[0] == "success", tis
            assert {t[1] for t in tis} == {"success"} and len(tis) == len(ADAPTERS) + 3  # migrate, summarise, check_sources
            # the tasks really went through Celery, to both workers
            assert {t[2] for t in tis} == {"worker-1", "worker-2"}, tis
            with psycopg.connect(warehouse) as conn:
                # robots.txt is not a page: 13 discovery pages (listings, feeds, sitemaps) + 6 articles
                assert conn.execute("select count(*) from raw.pages").fetchone()[0] == 19
        finally:
            for p in procs.values():
                if p.poll() is None:
                    os.killpg(p.pid, signal.SIGTERM)
            for p in procs.values():
                try:
                    p.wait(30)
                except subprocess.TimeoutExpired:
                    os.killpg(p.pid, signal.SIGKILL)
