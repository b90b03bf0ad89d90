"""Manual: discover and fetch a date range's articles from the sources' monthly sitemaps into raw."""

from __future__ import annotations

import pendulum
from airflow.sdk import Param, dag, task
from pipeline_defaults import DEFAULT_ARGS, RAW_PAGES, domain_pool, migrate_warehouse, warehouse_url

from scrapers.sources import ADAPTERS  # the adapter registry: code only, no I/O at import

BACKFILLABLE = {name: adapter for name, adapter in ADAPTERS.items() if adapter.monthly_sitemap}


@dag(
    dag_id="backfill",
    schedule=None,
    start_date=pendulum.datetime(2026, 1, 1, tz="Asia/Ho_Chi_Minh"),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["hanoi-reports", "ingest", "backfill"],
    params={
        "sources": Param(list(BACKFILLABLE), type="array", items={"type": "string", "enum": list(BACKFILLABLE)},
                         title="Sources", description="Only sources with monthly sitemaps can be backfilled."),
        "since": Param(type="string", format="date", title="Published on or after"),
        "until": Param(type="string", format="date", title="Published on or before"),
        "max_articles": Param(5000, type="integer", minimum=1, title="At most this many articles per source"),
    },
    doc_md=f"""
### backfill
Fills the archive for a past date range. For each selected source it reads the monthly article sitemaps
(`/sitemaps/news-YYYY-M.xml`) covering the range, keeps the entries whose `lastmod` falls in it, and fetches the
articles not stored yet, politely and in the source's domain pool (so it never overlaps the daily
`scrape_sources` on one site). Pages land in `raw.pages` like any crawl and the **raw_pages** asset schedules
`transform`. A month without a sitemap is a recorded 404, not a failure.
Sources with monthly sitemaps: {", ".join(BACKFILLABLE)}. CLI: `hanoi-reports backfill --since … --until …`.
""",
)
def backfill():
    @task(retries=0)
    def migrate() -> str:
        return migrate_warehouse()

    schema = migrate()
    results = []
    for name, adapter in BACKFILLABLE.items():

        @task(task_id=f"backfill_{name}", pool=domain_pool(adapter.domain))
        def backfill_source(source: str = name, params: dict | None = None, run_id: str | None = None) -> dict | None:
            from datetime import date

            from airflow.exceptions import AirflowFailException, AirflowSkipException

            from scrapers.pipeline import crawl_source

            if source not in params["sources"]:
                raise AirflowSkipException(f"{source} not selected")
            summary = crawl_source(source, run_id=run_id or "backfill", url=warehouse_url(),
                                   since=date.fromisoformat(params["since"]), until=date.fromisoformat(params["until"]),
                                   max_articles=params["max_articles"])
            if summary["status"] == "unreachable":
                raise AirflowFailException(f"{source} unreachable: {'; '.join(summary['errors'])[:300]}")
            print(f"{source}: {summary['listings']} sitemaps, {summary['discovered']} articles in range, "
                  f"{summary['new_pages']} new pages, {summary['failed']} failed")
            return summary

        fetched = backfill_source()
        schema >> fetched
        results.append(fetched)

    @task(outlets=[RAW_PAGES], trigger_rule="none_failed_min_one_success", retries=0)
    def landed(summaries: list[dict | None]) -> dict:
        return {s["source"]: s["new_pages"] for s in summaries if s}

    landed(results)


backfill()
