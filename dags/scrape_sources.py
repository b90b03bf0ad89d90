"""Daily crawl: one task per source, each in its domain's pool, lands new pages in raw; emits the raw_pages asset."""

from __future__ import annotations

import pendulum
from airflow.sdk import dag, task
from airflow.timetables.trigger import CronTriggerTimetable
from pipeline_defaults import (
    CRAWL_TIMEOUT,
    DEFAULT_ARGS,
    RAW_PAGES,
    SCRAPE_RUN_TIMEOUT,
    domain_pool,
    enabled_sources,
    migrate_warehouse,
    warehouse_url,
)

from scrapers.sources import ADAPTERS  # the adapter registry: code only, no I/O at import


@dag(
    dag_id="scrape_sources",
    schedule=CronTriggerTimetable("0 6 * * *", timezone="Asia/Ho_Chi_Minh"),
    start_date=pendulum.datetime(2026, 1, 1, tz="Asia/Ho_Chi_Minh"),
    catchup=False,
    max_active_runs=1,
    dagrun_timeout=SCRAPE_RUN_TIMEOUT,
    default_args=DEFAULT_ARGS,
    tags=["hanoi-reports", "ingest"],
    doc_md="""
### scrape_sources
Daily at 06:00 Asia/Ho_Chi_Minh (no catch-up: a missed day is picked up by the next run, which fetches every
article not stored yet). One task per source discovers and fetches new articles into the append-only
`raw.pages` archive; every attempt is logged in `raw.fetches`.

* **Politeness across runs**: each source's task runs in its domain's pool (`domain_<domain>`, 1 slot), so no two
  runs — daily, manual or backfill — ever crawl the same site at once; different sites crawl in parallel.
  Inside a task the client obeys robots.txt, Crawl-delay and the source's minimum delay.
* **Isolation**: a source that is unreachable fails only its own task (no Airflow retry: the HTTP client already
  retried with backoff); `summarise` still runs, emits **raw_pages** for what the others landed (which schedules
  `transform`), and `check_sources` then fails the run with a one-line summary naming the failed sources.
* **Discovery channels**: each source's listings, feeds and sitemaps are counted per run (found / new / already
  stored, in `summarise`'s log and `raw.discoveries`). A channel that found articles before and finds none now
  (or far fewer than another channel of the source) is **discovery drift**: `check_sources` fails naming it.
* **Enabled sources**: all adapters unless the Airflow Variable `enabled_sources` (or env `HANOI_ENABLED_SOURCES`)
  lists a comma-separated subset; a disabled source's task is skipped.
""",
)
def scrape_sources():
    @task(retries=0)
    def migrate() -> str:
        return migrate_warehouse()

    schema = migrate()
    summaries = []
    for name, adapter in ADAPTERS.items():

        @task(task_id=f"crawl_{name}", pool=domain_pool(adapter.domain), execution_timeout=CRAWL_TIMEOUT)
        def crawl(source: str = name, run_id: str | None = None) -> dict:  # run_id comes from the task context
            from airflow.exceptions import AirflowFailException, AirflowSkipException

            from scrapers.pipeline import crawl_source

            if source not in enabled_sources():
                raise AirflowSkipException(f"{source} is not in enabled_sources")
            summary = crawl_source(source, run_id=run_id or "manual", url=warehouse_url())
            if summary["status"] == "unreachable":
                # fail without Airflow retries: the client retried with backoff, and the failure is recorded
                raise AirflowFailException(f"{source} unreachable: {'; '.join(summary['errors'])[:300]}")
            return summary

        crawled = crawl()
        schema >> crawled
        summaries.append(crawled)

    @task(outlets=[RAW_PAGES], trigger_rule="all_done", retries=0)  # a summary: retrying changes nothing
    def summarise(results: list[dict | None]) -> dict:
        done = {r["source"]: r for r in results if r}
        lines = [f"{s['source']}: {s['status']} — {s['new_pages']} new pages, {s['failed']} failed"
                 + (f" ({s['errors'][0]})" if s["errors"] else "")
                 + "".join(f"\n  {channel}: found {c['found']}, new {c['new']}, already stored {c['known']}"
                           for channel, c in s.get("channels", {}).items())
                 + (f"\n  DISCOVERY DRIFT: {', '.join(s['drift'])}" if s.get("drift") else "")
                 for s in done.values()]
        print("\n".join(lines) or "no source crawled")
        if not done:
            raise RuntimeError("no source could be crawled; see the crawl_* task logs")
        failed = [n for n in enabled_sources() if n not in done]
        drift = {n: s["drift"] for n, s in done.items() if s.get("drift")}
        return {"landed": {n: s["status"] for n, s in done.items()}, "failed": failed, "drift": drift}

    @task(trigger_rule="all_done", retries=0)
    def check_sources(summary: dict | None) -> None:
        if summary is None:
            raise RuntimeError("summarise did not run: no source could be crawled")
        problems = []
        if summary["failed"]:
            problems.append(f"sources failed: {', '.join(summary['failed'])} (the others landed; "
                            "see the crawl_<source> log and `hanoi-reports status`)")
        if summary.get("drift"):
            # a channel that used to find articles found none: the site changed that page, and we would miss
            # its articles silently
            problems.append("discovery drift: " + "; ".join(f"{n} ({', '.join(c)})" for n, c in summary["drift"].items()))
        if problems:
            raise RuntimeError(" — ".join(problems))

    check_sources(summarise(summaries))


scrape_sources()
