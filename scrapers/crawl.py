"""Crawling: discover a source's new article URLs and land every fetch in the raw archive, politely.

One source is crawled by one thread with its own HTTP client (its robots.txt, Crawl-delay and per-domain delay) and
its own database connection; different sources run concurrently (`crawl_sources`). Results land in batches, each
batch in one transaction, so a crawl killed at any moment leaves whole batches or nothing, and the next run fetches
whatever did not land.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from datetime import date

from scrapers import db, discovery, landing, sources
from scrapers.fetcher import FetchResult, PoliteClient
from scrapers.sources.base import SourceAdapter

log = logging.getLogger(__name__)

Progress = Callable[[str, str, FetchResult], None]  # (source, kind, result) after each fetch
# One source's crawl stops fetching articles after this long and leaves the rest, counted, to the next run: a slow
# site ends its own crawl in bounded time, also from the CLI (under Airflow the task's execution_timeout is longer,
# so the crawl ends itself and lands what it fetched).
CRAWL_TIME_BUDGET = 40 * 60.0

def crawl_source(name: str, run_id: str, *, url: str | None = None, min_delay: float | None = None,
                 max_articles: int = 200, adapter: SourceAdapter | None = None, base_url: str | None = None,
                 client: PoliteClient | None = None, progress: Progress | None = None,
                 batch_size: int = landing.BATCH_PAGES, since: date | None = None, until: date | None = None,
                 time_budget: float = CRAWL_TIME_BUDGET) -> dict:
    """Discover and fetch one source's new articles into raw. Never raises for the site's own faults: an
    unreachable site comes back as status "unreachable" with the reason, recorded in raw.fetches.

    With `since`/`until` it is a backfill: articles are discovered from the site's monthly sitemaps for that
    range (each entry filtered by its <lastmod>) instead of the listing pages; a source without such sitemaps
    raises ValueError before anything is fetched."""
    stop_at = time.monotonic() + time_budget
    adapter = adapter or sources.get(name)
    backfill = since is not None or until is not None
    if backfill and not adapter.monthly_sitemap:
        raise ValueError(f"{name}: no date-addressable discovery (monthly sitemap) to backfill from")
    if backfill:
        check_backfill_range(since, until)
    base = base_url or sources.base_urls()[name]
    client = client or PoliteClient(base, min_delay=adapter.min_delay_seconds if min_delay is None else min_delay)
    summary = {"source": name, "base_url": base, "status": "ok", "listings": 0, "discovered": 0, "fetched": 0,
               "new_pages": 0, "not_modified": 0, "failed": 0, "backed_off": 0, "errors": [], "channels": {},
               "drift": []}
    with db.connect(url) as conn:
        db.ensure_schema(conn)
        batch = landing.Batch(conn, source=name, run_id=run_id, max_pages=batch_size)

        def fetch(kind: str, target: str, etag=None, last_modified=None) -> FetchResult:
            result = client.fetch(target, etag=etag, last_modified=last_modified)
            summary["fetched"] += 1
            if result.not_modified:
                summary["not_modified"] += 1
            elif not result.ok:
                summary["failed"] += 1
                summary["errors"].append(f"{target}: {result.error}")
            batch.add(kind, result)
            if progress:
                progress(name, kind, result)
            return result

        robots = client.load_robots()  # not counted in "fetched": that counts listing and article pages
        batch.add("robots", robots)
        if robots.status is None:
            batch.flush()
            summary.update(status="unreachable", failed=1, errors=[f"{robots.url}: {robots.error}"])
            log.warning("source %s unreachable: %s", name, robots.error)
            return summary

        states = landing.fetch_states(conn, name)

        def listing_body(result: FetchResult) -> bytes | None:
            # a listing answered 304 is read from the copy we stored when it last changed
            if result.not_modified:
                batch.flush()
                return landing.latest_body(conn, name, result.url)
            return result.body if result.ok else None

        per_channel: dict[str, list[str]] = {}
        if backfill:
            discovered = discovery.discover_backfill(adapter, base, fetch, since, until, summary)  # both checked
        else:
            discovered, per_channel = discovery.discover(adapter, base, fetch, listing_body, states, summary)
        summary["discovered"] = len(discovered)
        if summary["listings"] == 0:
            batch.flush()
            summary["status"] = "no sitemap in range" if backfill else "unreachable"
            return summary

        known = landing.known_article_paths(conn, name)
        if per_channel:  # a daily crawl: count each channel, then ask whether one has gone quiet
            _count_channels(conn, name, run_id, per_channel, known, summary)
        backed_off = landing.backed_off_paths(conn, name)
        summary["backed_off"] = sum(1 for u in discovered if landing.url_path(u) in backed_off)
        pending = [u for u in discovered if landing.url_path(u) not in known | backed_off]
        _fetch_articles(pending[:max_articles], len(pending), max_articles, fetch, states, summary, stop_at)
        batch.flush()
        summary["new_pages"] = batch.new_pages
        attempted, failed = summary["budget"]["attempted"], summary["budget"]["failed"]
        # nothing new, or a budget spent mostly on failures (a listing full of dead links): not "ok"
        if attempted and (summary["failed"] and summary["new_pages"] == 0 or failed * 2 > attempted):
            summary["status"] = "degraded"
    log.info("crawl %s: %s", name, {k: v for k, v in summary.items() if k != "errors"})
    return summary


def _count_channels(conn, name: str, run_id: str, per_channel: dict, known: set, summary: dict) -> None:
    summary["channels"] = discovery.record(conn, source=name, run_id=run_id, per_channel=per_channel, known=known)
    summary["drift"] = discovery.drift(conn, name).get(name, [])
    for channel in summary["drift"]:
        log.warning("[hanoi-reports] discovery drift: %s — channel %s found %d articles", name, channel,
                    summary["channels"][channel]["found"])


def _fetch_articles(todo: list[str], pending: int, max_articles: int, fetch, states: dict, summary: dict,
                    stop_at: float) -> None:
    """Fetch this run's share of the new articles, until the crawl's time budget is spent; the per-run budget —
    what it attempted, what failed and what it left for the next run — is counted in the summary, never silently
    dropped."""
    failed_before = summary["failed"]
    attempted = 0
    for article_url in todo:
        if time.monotonic() > stop_at:
            summary["errors"].append(f"time budget spent: {len(todo) - attempted} articles left for the next run")
            summary["status"] = "degraded"
            break
        etag, last_modified = states.get(landing.url_path(article_url), (None, None))
        fetch("article", article_url, etag, last_modified)
        attempted += 1
    summary["budget"] = {"max_articles": max_articles, "attempted": attempted, "deferred": pending - attempted,
                         "failed": summary["failed"] - failed_before, "out_of_time": attempted < len(todo)}


EARLIEST = date(1995, 1, 1)  # before the sites existed
MAX_BACKFILL_MONTHS = 240  # twenty years of monthly sitemaps in one backfill at most


def check_backfill_range(since: date | None, until: date | None) -> None:
    """A backfill covers a real, bounded range: both ends given, in order, from 1995 to today, at most
    MAX_BACKFILL_MONTHS months (an open range would start on every month since 2000)."""
    if since is None or until is None:
        raise ValueError("a backfill needs both --since and --until")
    if since > until:
        raise ValueError(f"since {since} is after until {until}")
    if since < EARLIEST or until > date.today():
        raise ValueError(f"a backfill range lies between {EARLIEST} and today, not {since}..{until}")
    months = (until.year - since.year) * 12 + until.month - since.month + 1
    if months > MAX_BACKFILL_MONTHS:
        raise ValueError(f"{since}..{until} covers {months} months; at most {MAX_BACKFILL_MONTHS} per backfill")


def crawl_sources(names: list[str], run_id: str, *, url: str | None = None, workers: int | None = None,
                  progress: Progress | None = None, **kwargs) -> list[dict]:
    """Crawl several sources at once, one thread per source: each keeps its own politeness, and the crawl takes
    about as long as the slowest source rather than the sum. One source's failure never stops the others."""
    results: dict[str, dict] = {}
    with ThreadPoolExecutor(max_workers=workers or max(1, len(names)), thread_name_prefix="crawl") as pool:
        futures = {pool.submit(crawl_source, n, run_id, url=url, progress=progress, **kwargs): n for n in names}
        for future in as_completed(futures):
            name = futures[future]
            try:
                results[name] = future.result()
            except Exception as exc:  # a bug or a database outage in one source: report it, keep the others
                log.exception("crawl %s failed", name)
                results[name] = {"source": name, "status": "error", "errors": [f"{type(exc).__name__}: {exc}"]}
    return [results[n] for n in names]
