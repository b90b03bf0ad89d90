"""On new raw pages: parse → extract → dbt (Cosmos, one task per model) → Great Expectations checkpoint."""

from __future__ import annotations

import pendulum
from airflow.sdk import dag, task
from pipeline_defaults import (
    DEFAULT_ARGS,
    MARTS_FIGURES,
    RAW_PAGES,
    alert_rejected,
    dbt_task_group,
    migrate_warehouse,
    publish_report,
    validate_marts,
    warehouse_url,
)


@dag(
    dag_id="transform",
    schedule=[RAW_PAGES],
    start_date=pendulum.datetime(2026, 1, 1, tz="Asia/Ho_Chi_Minh"),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["hanoi-reports", "transform", "dbt", "gx"],
    doc_md="""
### transform
Brings the warehouse schema up to date (as its owner), parses stored pages the current parser has not seen (failures are quarantined with their reason), extracts
figures, builds the dbt models (staging → intermediate → marts, each model and its tests one task), then runs the
Great Expectations checkpoint on the marts. A failed expectation fails `validate_figures` with the expectations
named in its log; raw and staging data stay as they are. When validation passes, `publish_report` writes the
analyst report (static HTML, `REPORT_DIR`, default `.state/report`).
""",
)
def transform():
    @task(retries=0)
    def migrate() -> str:
        return migrate_warehouse()

    @task
    def parse_pages() -> dict:
        from scrapers.pipeline import parse_pending

        counts = parse_pending(url=warehouse_url())
        for source, share in counts["layout_drift"].items():
            # the operator sees it in this task's log and in `hanoi-reports status` (health "layout drift")
            print(f"[hanoi-reports] layout drift: {source} — {share} of its latest pages not read by its adapter")
        for source, share in counts["adapter_disagreement"].items():
            print(f"[hanoi-reports] adapter disagreement: {source} — {share} of its latest articles miss most of "
                  "their page's running text")
        return counts

    @task
    def extract_figures() -> dict:
        from scrapers.pipeline import extract_pending

        return extract_pending(url=warehouse_url())

    dbt = dbt_task_group()

    @task(outlets=[MARTS_FIGURES], retries=0)
    def validate_figures(run_id: str | None = None) -> list[dict]:
        return validate_marts(run_id)

    @task(task_id="publish_report")
    def publish(run_id: str | None = None) -> str:
        # runs only when validate_figures succeeded (default trigger rule): analysts never see unvalidated figures;
        # rows it quarantined are left out, the rest is published
        return publish_report(run_id)

    @task(retries=0)
    def check_rejected(run_id: str | None = None) -> None:
        alert_rejected(run_id)

    migrate() >> parse_pages() >> extract_figures() >> dbt >> validate_figures() >> publish() >> check_rejected()


transform()
