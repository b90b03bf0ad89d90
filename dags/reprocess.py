"""Manual: re-derive articles and figures from stored raw pages (no fetching), then dbt, GX and the report."""

from __future__ import annotations

import pendulum
from airflow.sdk import Param, dag, task
from pipeline_defaults import (
    DEFAULT_ARGS,
    MARTS_FIGURES,
    alert_rejected,
    dbt_task_group,
    migrate_warehouse,
    publish_report,
    validate_marts,
    warehouse_url,
)

from scrapers.sources import ADAPTERS  # the adapter registry: code only, no I/O at import
from scrapers.versions import EXTRACTOR_VERSION, PARSER_VERSION


@dag(
    dag_id="reprocess",
    schedule=None,
    start_date=pendulum.datetime(2026, 1, 1, tz="Asia/Ho_Chi_Minh"),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["hanoi-reports", "reprocess", "dbt", "gx"],
    params={
        "sources": Param(list(ADAPTERS), type="array", items={"type": "string", "enum": list(ADAPTERS)},
                         title="Sources", description="Sources whose stored pages are re-derived."),
        "since": Param(None, type=["null", "string"], format="date", title="Published on or after",
                       description="First publication date (pages never parsed: their fetch date). Empty: no limit."),
        "until": Param(None, type=["null", "string"], format="date", title="Published on or before",
                       description="Last publication date. Empty: no limit."),
        "parser_version": Param(PARSER_VERSION, type="string", minLength=1, title="Parser version label",
                                description="Rows are written under this label; the code's own by default."),
        "extractor_version": Param(EXTRACTOR_VERSION, type="string", minLength=1, title="Extractor version label"),
        "full_refresh": Param(False, type="boolean", title="dbt full refresh",
                              description="Rebuild every dbt model from scratch (the marts from raw)."),
        "workers": Param(None, type=["null", "integer"], minimum=1, title="Processes",
                         description="Processes parsing and extracting at once. Empty: the worker's cores."),
    },
    doc_md="""
### reprocess
Run after a parser or extractor change, or to rebuild the marts from raw. Trigger it from the UI (**Trigger DAG
w/ config**): pick the sources, an optional publication-date range, the parser/extractor version labels and
whether dbt rebuilds everything (`--full-refresh`). It re-parses and re-extracts the selected stored pages
**without fetching anything** (derived rows under those labels are replaced, never duplicated), builds dbt
through the same Cosmos tasks as `transform` (one per model), runs the Great Expectations checkpoint, and
republishes the report. The CLI equivalent is
`hanoi-reports reprocess --source … --since … --until … [--full-refresh] [--workers N]`. Parsing and extraction
run in `workers` processes (default: the worker's cores), with the same rows as one process.
""",
)
def reprocess():
    @task(retries=0)
    def migrate() -> str:
        return migrate_warehouse()

    @task
    def rederive(params: dict | None = None) -> dict:
        from datetime import date

        from scrapers.pipeline import Selection, default_workers, reprocess

        selection = Selection(sources=params["sources"] or None,
                              since=date.fromisoformat(params["since"]) if params["since"] else None,
                              until=date.fromisoformat(params["until"]) if params["until"] else None)
        return reprocess(warehouse_url(), selection, parser_version=params["parser_version"],
                         extractor_version=params["extractor_version"],
                         workers=params.get("workers") or default_workers())

    dbt = dbt_task_group(full_refresh="{{ params.full_refresh }}")

    @task(outlets=[MARTS_FIGURES], retries=0)
    def validate_figures(run_id: str | None = None) -> list[dict]:
        return validate_marts(run_id)

    @task(task_id="publish_report")
    def publish(run_id: str | None = None) -> str:
        return publish_report(run_id)

    @task(retries=0)
    def check_rejected(run_id: str | None = None) -> None:
        alert_rejected(run_id)

    migrate() >> rederive() >> dbt >> validate_figures() >> publish() >> check_rejected()


reprocess()
