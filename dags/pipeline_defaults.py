"""Defaults shared by the DAGs: owner, retries, the failure callback, the warehouse connection, the assets."""

from __future__ import annotations

import logging
import os
from datetime import timedelta
from pathlib import Path

from airflow.sdk import Asset, Connection

PROJECT_DIR = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = PROJECT_DIR / "dbt_project"
WAREHOUSE_CONN_ID = "warehouse"

RAW_PAGES = Asset(name="raw_pages", uri="postgres://warehouse:5432/hanoi_reports/raw/pages")
MARTS_FIGURES = Asset(name="marts_fct_figures", uri="postgres://warehouse:5432/hanoi_reports/marts/fct_figures")

log = logging.getLogger("hanoi_reports.alerts")


def warehouse_url() -> str:
    """The warehouse from the Airflow connection `warehouse` (AIRFLOW_CONN_WAREHOUSE), else WAREHOUSE_URL."""
    try:
        uri = Connection.get(WAREHOUSE_CONN_ID).get_uri()
        return uri.replace("postgres://", "postgresql://", 1)
    except Exception:  # connection not defined: the local default
        return os.environ["WAREHOUSE_URL"]


def domain_pool(domain: str) -> str:
    """The pool that serialises every crawl of one site (created with 1 slot by scripts/airflow-pools.sh)."""
    return f"domain_{domain}"


def enabled_sources() -> list[str]:
    """Sources to crawl: the Airflow Variable `enabled_sources` or env HANOI_ENABLED_SOURCES (comma-separated),
    else every adapter. Read at run time, never at DAG import."""
    from airflow.sdk import Variable

    from scrapers.sources import ADAPTERS

    listed = os.environ.get("HANOI_ENABLED_SOURCES") or Variable.get("enabled_sources", default="")
    names = [n.strip() for n in listed.split(",") if n.strip()]
    return [n for n in names if n in ADAPTERS] if names else list(ADAPTERS)


def validate_marts(run_id: str | None) -> list[dict]:
    """The GX checkpoint over the marts; raises (naming every failed expectation) when a critical suite fails."""
    from expectations.runner import run_checkpoint

    return [o.__dict__ for o in run_checkpoint(warehouse_url(), run_id=run_id)]


def publish_report(run_id: str | None = None) -> str:
    """The analyst report from the validated marts, without the articles this run's validation quarantined."""
    from expectations.rejections import rejected_articles
    from scrapers.report import build_report

    out = report_dir()
    build_report(warehouse_url(), out, withheld=list(rejected_articles(warehouse_url(), run_id)))
    return str(out / "index.html")


def alert_rejected(run_id: str | None = None) -> None:
    """After publishing: fail, naming them, when this run's validation quarantined rows."""
    from expectations.rejections import alert_rejected as alert

    alert(warehouse_url(), run_id)


def report_dir() -> Path:
    return Path(os.environ.get("REPORT_DIR", PROJECT_DIR / ".state" / "report"))


def operator_summary(context) -> None:
    """One line an operator can act on: which DAG/task failed and why; posted to a webhook when configured."""
    ti = context.get("task_instance")
    exc = context.get("exception")
    line = (f"[hanoi-reports] {ti.dag_id if ti else '?'}.{ti.task_id if ti else '?'}"
            f"{'[' + str(ti.map_index) + ']' if ti is not None and ti.map_index >= 0 else ''} failed "
            f"(run {context.get('run_id')}): {str(exc).splitlines()[0] if exc else 'unknown error'}")
    log.error(line)
    hook = os.environ.get("HANOI_ALERT_WEBHOOK")
    if hook:
        import requests

        try:
            requests.post(hook, json={"text": line}, timeout=5)
        except requests.RequestException as post_error:
            log.warning("alert webhook failed: %s", post_error)


DEFAULT_ARGS = {
    "owner": "data-engineering",
    "retries": 2,
    "retry_delay": timedelta(minutes=2),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=30),
    # no task may hold a worker (or the next day's run) forever; crawl tasks have a shorter budget of their own
    "execution_timeout": timedelta(hours=2),
    "on_failure_callback": operator_summary,
}
# One site's crawl: robots, listings and new articles at its politeness delay. A slow or hostile site fails its own
# task at this point and never delays the others (each request also has a deadline, scrapers.fetcher).
CRAWL_TIMEOUT = timedelta(minutes=45)
# A whole daily scrape: after this the run is failed, so the next day's run can start.
SCRAPE_RUN_TIMEOUT = timedelta(hours=6)
