"""Daily crawl: one mapped task per enabled source lands new pages in raw; emits the raw_pages asset."""

from __future__ import annotations

import pendulum
from airflow.sdk import dag, task
from airflow.timetables.trigger import CronTriggerTimetable
from pipeline_defaults import DEFAULT_ARGS, RAW_PAGES, warehouse_url


@dag(
    dag_id="scrape_sources",
    schedule=CronTriggerTimetable("0 6 * * *", timezone="Asia/Ho_Chi_Minh"),
    start_date=pendulum.datetime(2026, 1, 1, tz="Asia/Ho_Chi_Minh"),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["hanoi-reports", "ingest"],
    doc_md="""
### scrape_sources
Discovers and fetches new articles from every enabled source (one mapped task per source) into the
append-only `raw.pages` archive; every attempt is logged in `raw.fetches`. An unreachable source is reported in
its task's summary and in `hanoi-reports status`, and never fails the other sources. Emits **raw_pages**, which
schedules `transform`.
""",
)
def scrape_sources():
    @task
    def enabled_sources() -> list[str]:
        from scrapers.sources import ADAPTERS

        return list(ADAPTERS)

    @task(map_index_template="{{ task.op_kwargs['source'] }}")
    def crawl(source: str, run_id: str | None = None) -> dict:  # run_id comes from the task context
        from scrapers.pipeline import crawl_source

        return crawl_source(source, run_id=run_id or "manual", url=warehouse_url())

    @task(outlets=[RAW_PAGES])
    def summarise(summaries: list[dict]) -> dict:
        lines = [f"{s['source']}: {s['status']} — {s['new_pages']} new pages, {s['failed']} failed"
                 + (f" ({s['errors'][0]})" if s["errors"] else "") for s in summaries]
        print("\n".join(lines))
        if all(s["status"] == "unreachable" for s in summaries):
            raise RuntimeError("every source was unreachable: " + "; ".join(lines))
        return {s["source"]: s["status"] for s in summaries}

    summarise(crawl.expand(source=enabled_sources()))


scrape_sources()
