"""Defaults shared by the DAGs: owner, retries, the failure callback, the warehouse connection, the assets."""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

from airflow.sdk import Asset, Connection
from airflow.sdk.exceptions import AirflowNotFoundException

from scrapers import settings

PROJECT_DIR = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = PROJECT_DIR / "dbt_project"
WAREHOUSE_CONN_ID = "warehouse"
OWNER_CONN_ID = "warehouse_owner"

RAW_PAGES = Asset(name="raw_pages", uri="postgres://warehouse:5432/hanoi_reports/raw/pages")
MARTS_FIGURES = Asset(name="marts_fct_figures", uri="postgres://warehouse:5432/hanoi_reports/marts/fct_figures")

log = logging.getLogger("hanoi_reports.alerts")


def _connection_uri(conn_id: str) -> str | None:
    try:
        return Connection.get(conn_id).get_uri().replace("postgres://", "postgresql://", 1)
    except AirflowNotFoundException:
        return None


def warehouse_url() -> str:
    """The pipeline's login: the Airflow connection `warehouse` (AIRFLOW_CONN_WAREHOUSE), else the settings."""
    return _connection_uri(WAREHOUSE_CONN_ID) or settings.load().database_url()


def owner_url() -> str:
    """The schema owner's login, for migrations and dbt: the connection `warehouse_owner`, else the settings'
    owner, else the pipeline's own login (a deployment with one role)."""
    configured = settings.load()
    return _connection_uri(OWNER_CONN_ID) or configured.owner_url_setting or warehouse_url()


def migrate_warehouse() -> str:
    """Bring the warehouse schema up to date as its owner: the tasks after it log in as the pipeline's writer,
    which may not change the schema."""
    from scrapers import db

    with db.connect(owner_url()) as conn:
        db.ensure_schema(conn)
    return db.schema_checksum()[:12]


def dbt_task_group(full_refresh: bool | str = False):
    """The dbt project as Cosmos tasks (one per model, each with its tests), built as the schema owner. Both
    `transform` and `reprocess` build through it; `full_refresh` may be a template (`{{ params.full_refresh }}`)."""
    from cosmos import DbtTaskGroup, ExecutionConfig, ProfileConfig, ProjectConfig, RenderConfig
    from cosmos.constants import InvocationMode, LoadMode, TestBehavior
    from cosmos.profiles import PostgresUserPasswordProfileMapping

    return DbtTaskGroup(
        group_id="dbt",
        project_config=ProjectConfig(
            dbt_project_path=DBT_PROJECT_DIR,
            manifest_path=DBT_PROJECT_DIR / "target" / "manifest.json",
            install_dbt_deps=False,
        ),
        profile_config=ProfileConfig(
            profile_name="hanoi_reports",
            target_name="default",
            profile_mapping=PostgresUserPasswordProfileMapping(conn_id=OWNER_CONN_ID,
                                                               profile_args={"schema": "analytics"}),
        ),
        execution_config=ExecutionConfig(invocation_mode=InvocationMode.DBT_RUNNER),
        render_config=RenderConfig(load_method=LoadMode.DBT_MANIFEST, test_behavior=TestBehavior.BUILD,
                                   emit_datasets=False),
        # cautious: building one model must not run tests that also read a model not rebuilt yet
        operator_args={"retries": 0, "dbt_cmd_flags": ["--indirect-selection", "cautious"],
                       "full_refresh": full_refresh},
    )


def domain_pool(domain: str) -> str:
    """The pool that serialises every crawl of one site (created with 1 slot by scripts/airflow-pools.sh)."""
    return f"domain_{domain}"


def enabled_sources() -> list[str]:
    """Sources to crawl: the Airflow Variable `enabled_sources` or env HANOI_ENABLED_SOURCES (comma-separated),
    else every adapter. Read at run time, never at DAG import."""
    from airflow.sdk import Variable

    from scrapers.sources import ADAPTERS

    names = settings.load().enabled_sources or [
        n.strip() for n in Variable.get("enabled_sources", default="").split(",") if n.strip()]
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
    return settings.load().report_dir


def operator_summary(context) -> None:
    """One line an operator can act on: which DAG/task failed and why; posted to a webhook when configured."""
    ti = context.get("task_instance")
    exc = context.get("exception")
    line = (f"[hanoi-reports] {ti.dag_id if ti else '?'}.{ti.task_id if ti else '?'}"
            f"{'[' + str(ti.map_index) + ']' if ti is not None and ti.map_index >= 0 else ''} failed "
            f"(run {context.get('run_id')}): {str(exc).splitlines()[0] if exc else 'unknown error'}")
    log.error(line)
    hook = settings.load().alert_webhook
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
