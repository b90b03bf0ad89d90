"""Operators' path through the real Airflow 3 UI in headless Chromium: log in, see the DAGs, trigger
scrape_sources from its page, watch it succeed (REST API v2), read a task log. Screenshots go to artifacts/."""

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.e2e.test_data_docs_browser import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def airflow_ui(warehouse, tmp_path):
    port = free_port()
    env = {**os.environ, "WAREHOUSE_URL": warehouse, "AIRFLOW_UI_PORT": str(port),
           "AIRFLOW_HOME": str(tmp_path / "airflow"), "REPORT_DIR": str(tmp_path / "report")}
    env.pop("HANOI_SOURCE_URLS", None)
    log = open(tmp_path / "airflow-ui.log", "w")  # noqa: SIM115 - closed in teardown
    proc = subprocess.Popen([str(ROOT / "scripts" / "airflow-ui.sh")], env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 240
    while "Airflow UI:" not in (tmp_path / "airflow-ui.log").read_text():
        assert proc.poll() is None, (tmp_path / "airflow-ui.log").read_text()[-3000:]
        assert time.monotonic() < deadline, "Airflow did not come up"
        time.sleep(1)
    yield base
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=60)
    log.close()


def api(base: str, path: str, token: str | None = None, data: dict | None = None, method: str | None = None):
    req = urllib.request.Request(base + path, method=method, data=json.dumps(data).encode() if data else None,
                                 headers={"Content-Type": "application/json",
                                          **({"Authorization": f"Bearer {token}"} if token else {})})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read())


def wait_for_runs(base: str, token: str, dag_id: str, done: set[str] | None = None, timeout: float = 600,
                  run_type: str | None = None) -> dict:
    """Poll REST v2 until every run of `dag_id` not in `done` (of `run_type`, if given) has finished;
    returns {run_id: state}."""
    deadline = time.monotonic() + timeout
    while True:
        runs = {r["dag_run_id"]: r["state"] for r in api(base, f"/api/v2/dags/{dag_id}/dagRuns", token)["dag_runs"]
                if r["dag_run_id"] not in (done or set()) and run_type in (None, r["run_type"])}
        if runs and all(state in ("success", "failed") for state in runs.values()):
            return runs
        assert time.monotonic() < deadline, f"{dag_id} runs not finished: {runs}"
        time.sleep(3)


def test_operator_triggers_and_reads_logs(airflow_ui):
    from playwright.sync_api import sync_playwright

    base = airflow_ui
    token = api(base, "/auth/token", data={"username": "admin", "password": "admin"})["access_token"]
    # only scrape_sources is under test; its asset would otherwise start transform and compete for the 2 cores
    api(base, "/api/v2/dags/transform", token, data={"is_paused": True}, method="PATCH")
    # unpausing created the latest scheduled run (catchup=False); with max_active_runs=1 a manual run would queue
    # behind it, so let it finish first
    time.sleep(5)
    before = set(wait_for_runs(base, token, "scrape_sources")) if api(
        base, "/api/v2/dags/scrape_sources/dagRuns", token)["dag_runs"] else set()
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(base + "/")
        page.fill("input[name=username]", "admin")
        page.fill("input[name=password]", "admin")
        page.click("button:has-text('Sign in')")
        page.wait_for_url(base + "/")

        page.goto(base + "/dags")
        page.wait_for_selector("text=scrape_sources", timeout=30000)
        body = page.inner_text("body")
        assert "transform" in body and "reprocess" in body
        page.screenshot(path=str(ARTIFACTS / "airflow-dags.png"))

        page.goto(base + "/dags/scrape_sources")
        page.get_by_role("button", name="Trigger").first.click()
        page.locator("[role=dialog]").get_by_role("button", name="Trigger").click()

        (run_id, state), = wait_for_runs(base, token, "scrape_sources", done=before, run_type="manual").items()
        assert state == "success"
        tis = api(base, f"/api/v2/dags/scrape_sources/dagRuns/{run_id}/taskInstances", token)["task_instances"]
        crawls = {t["task_id"]: t for t in tis if t["task_id"].startswith("crawl_")}
        assert len(crawls) == 6 and {t["state"] for t in crawls.values()} == {"success"}
        assert {t["pool"] for t in crawls.values()} == {
            "domain_kinhtedothi.vn", "domain_tienphong.vn", "domain_baochinhphu.vn", "domain_anninhthudo.vn",
            "domain_longbien.hanoi.gov.vn", "domain_hanoimoi.vn"}

        page.goto(f"{base}/dags/scrape_sources/runs/{run_id}")
        page.wait_for_selector("text=success", timeout=30000)
        page.screenshot(path=str(ARTIFACTS / "airflow-run.png"))
        page.goto(f"{base}/dags/scrape_sources/runs/{run_id}/tasks/summarise")
        page.wait_for_selector("text=kinhtedothi: ok", timeout=60000)
        page.screenshot(path=str(ARTIFACTS / "airflow-task-log.png"))
        browser.close()
    assert (ARTIFACTS / "airflow-task-log.png").stat().st_size > 20_000
