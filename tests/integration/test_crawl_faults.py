"""Crawling a local site that misbehaves on purpose (tests/fault_site.py): nothing lost, nothing duplicated,
robots.txt and Crawl-delay obeyed, a SIGKILLed crawl recovers, and a second crawl stores nothing new."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

import psycopg

from scrapers.crawl import crawl_source
from scrapers.fetcher import PoliteClient, make_session
from scrapers.sources.base import parse_html, text_of
from scrapers.text import clean
from tests.fault_site import FAULTS, LANDS, READ_TIMEOUT, FaultSite, FaultSiteAdapter

ROOT = Path(__file__).resolve().parents[2]
EXPECTED_ERRORS = {
    "timeout": "timed out", "truncated": "IncompleteRead", "huge-50mb": "larger than", "redirect-away": "another host",
    "redirect-loop": "redirects", "reset-always": "Connection", "500-always": "HTTP 500",
}


def crawl(site: FaultSite, warehouse: str, run_id: str, **kw) -> dict:
    client = PoliteClient(site.url, min_delay=0.0, timeout=(2, READ_TIMEOUT),
                          session=make_session(retries=3, backoff=0.05))
    return crawl_source("faultsite", run_id, url=warehouse, adapter=FaultSiteAdapter(), base_url=site.url,
                        client=client, **kw)


def archive(warehouse: str):
    with psycopg.connect(warehouse) as conn:
        pages = conn.execute("select path, count(*) from raw.pages where source = 'faultsite' and kind = 'article'"
                             " group by path").fetchall()
        failures = conn.execute("select url, error from raw.fetches where source = 'faultsite' and kind = 'article'"
                                " and error is not null").fetchall()
        total = conn.execute("select count(*) from raw.pages").fetchone()[0]
    return dict(pages), {urlsplit(u).path: e for u, e in failures}, total


def test_fault_site_loses_nothing_and_duplicates_nothing(warehouse):
    with FaultSite(pages=40, crawl_delay=0.1) as site:
        summary = crawl(site, warehouse, "run-1")
        pages, failures, total = archive(warehouse)

        # 0 duplicated: every stored article path once
        assert pages and set(pages.values()) == {1}
        # 0 lost: every linked URL is either stored or recorded as failed with its reason — never both, never neither
        linked = set(site.article_paths()) | set(site.private_paths())
        assert set(pages) | set(failures) == linked
        assert not set(pages) & set(failures)
        expected_stored = {f"/a/{i}" for i in range(40) if FAULTS.get(i) in LANDS or i not in FAULTS}
        assert set(pages) == expected_stored
        for i, fault in FAULTS.items():
            if fault in EXPECTED_ERRORS:
                assert EXPECTED_ERRORS[fault] in failures[f"/a/{i}"], (fault, failures[f"/a/{i}"])
        # robots.txt: the /private/ links were discovered, refused, recorded — and never requested
        assert all(failures[p] == "disallowed by robots.txt" for p in site.private_paths())
        assert not [p for _, p in site.log if p.startswith("/private/")]
        # listings: pagination followed to the end, the loop back to page 1 not followed, nothing fetched twice
        assert [site.hits.get(f"/list/{k}") for k in range(1, site.listing_pages + 1)] == [1] * site.listing_pages
        assert all(site.hits[f"/a/{i}"] == 1 for i in range(40) if i not in FAULTS)
        # every attempt counted: retries of the flaky pages, all 4 tries of the ones that never recovered
        with psycopg.connect(warehouse) as conn:
            attempts = {urlsplit(u).path: n for u, n in conn.execute(
                "select url, attempts from raw.fetches where kind = 'article'").fetchall()}
        assert attempts["/a/1"] == 3 and attempts["/a/2"] == 2 and attempts["/a/4"] == 2  # 503 ×2, 429, reset
        assert attempts["/a/12"] == 4 and attempts["/a/3"] == 4 and attempts["/a/0"] == 1  # 500 ×4, timeout ×4
        # Crawl-delay 0.1 s between any two requests, retries included
        assert min(site.gaps()) >= 0.1, sorted(site.gaps())[:3]
        assert summary["failed"] == len(failures) and summary["new_pages"] == total

        # a second daily run: listings answer 304, stored articles are not refetched, failing URLs back off
        before = dict(site.hits)
        second = crawl(site, warehouse, "run-2")
        assert second["new_pages"] == 0 and archive(warehouse)[2] == total
        assert site.not_modified == site.listing_pages
        assert {p for p, n in site.hits.items() if n != before.get(p, 0)} == {
            "/robots.txt", *(f"/list/{k}" for k in range(1, site.listing_pages + 1))}
        failing = len([f for f in FAULTS.values() if f not in LANDS]) + len(site.private_paths())
        assert second["backed_off"] == failing
        # and reported: status counts the failing URLs, all backed off
        with psycopg.connect(warehouse) as conn:
            state = conn.execute("""select count(*), min(consecutive_failures), bool_and(next_fetch_after > now())
                                    from raw.fetch_state where consecutive_failures > 0""").fetchone()
        assert state == (failing, 1, True)


def test_raw_bytes_kept_and_text_decoded_whatever_the_declared_charset(warehouse):
    with FaultSite(pages=16, crawl_delay=0.0) as site:
        crawl(site, warehouse, "run-1")
    with psycopg.connect(warehouse) as conn:
        rows = dict(conn.execute("select path, body from raw.pages where kind = 'article'").fetchall())
    wrong, bom = bytes(rows["/a/9"]), bytes(rows["/a/14"])
    assert b'charset="iso-8859-1"' in wrong and bom.startswith(b"\xef\xbb\xbf")  # stored exactly as served
    assert unicodedata.is_normalized("NFD", bom.decode("utf-8-sig"))
    for body in (wrong, bom, bytes(rows["/a/10"])):
        text = clean(text_of(parse_html(body)))
        assert "Thành ủy đã kỷ luật" in text and "Ã" not in text


def test_sigkill_mid_landing_then_rerun_loses_and_duplicates_nothing(warehouse):
    with FaultSite(pages=60, per_listing=60, crawl_delay=0.0, latency=0.05, faults={}) as site:
        script = ("import sys\nfrom scrapers.crawl import crawl_source\nfrom tests.fault_site import FaultSiteAdapter\n"
                  "crawl_source('faultsite', 'crashing', url=sys.argv[1], adapter=FaultSiteAdapter(),"
                  " base_url=sys.argv[2], batch_size=5)\n")
        proc = subprocess.Popen([sys.executable, "-c", script, warehouse, site.url], cwd=ROOT,
                                env={**os.environ, "PYTHONPATH": str(ROOT)})
        try:
            deadline = time.monotonic() + 60
            stored = requested = 0
            # killed mid-batch: at least 15 pages landed and two more fetched into a batch of 5 not yet written (a kill
            # right after a flush would discard nothing, and prove nothing about losing a half-landed batch)
            while (stored < 15 or requested - stored < 2) and time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.01)
                with psycopg.connect(warehouse) as conn:
                    stored = conn.execute("select count(*) from raw.pages where kind = 'article'").fetchone()[0]
                requested = len([p for _, p in list(site.log) if p.startswith("/a/")])
            assert proc.poll() is None, "the crawl finished before it could be killed"
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(10)
        finally:
            if proc.poll() is None:
                proc.kill()
        requested_before_kill = len([p for _, p in site.log if p.startswith("/a/")])

        with psycopg.connect(warehouse) as conn:
            after_kill = conn.execute("select count(*) from raw.pages where kind = 'article'").fetchone()[0]
            # whole batches only: every stored page has its fetch record and every recorded page id exists
            orphans = conn.execute("""select count(*) from raw.pages p where not exists
                                      (select 1 from raw.fetches f where f.page_id = p.id)""").fetchone()[0]
            dangling = conn.execute("""select count(*) from raw.fetches f where f.page_id is not null and not exists
                                       (select 1 from raw.pages p where p.id = f.page_id)""").fetchone()[0]
        assert 15 <= after_kill < 60 and orphans == 0 and dangling == 0
        assert requested_before_kill > after_kill  # some fetched pages were in the batch the kill discarded

        summary = crawl(site, warehouse, "after-crash")
        pages, failures, _ = archive(warehouse)
        assert set(pages) == set(site.article_paths()) and set(pages.values()) == {1}
        assert set(failures) == set(site.private_paths())
        assert summary["new_pages"] == 60 - after_kill  # the listing body is the one stored before the kill
        with psycopg.connect(warehouse) as conn:
            listing_rows = conn.execute("select count(*) from raw.pages where kind = 'listing'").fetchone()[0]
        assert listing_rows == 1  # the same listing body, fetched by both runs, stored once


def test_a_budget_spent_on_dead_links_is_counted_and_not_ok(warehouse):
    """A listing whose links are mostly removed articles (404): the per-run budget is spent on them, the summary
    counts what was attempted, failed and deferred to the next run, and the status is not "ok"."""
    with FaultSite(pages=4, faults={}, private_links=0, dead_links=30) as site:
        summary = crawl(site, warehouse, "dead", max_articles=20)
    assert summary["budget"] == {"max_articles": 20, "attempted": 20, "deferred": 14, "failed": 16, "out_of_time": False}
    assert summary["status"] == "degraded" and summary["new_pages"] == 4 + site.listing_pages


def test_a_slow_site_ends_its_own_crawl_within_its_time_budget(warehouse):
    """Issue 18: a crawl stops fetching articles when its time budget is spent (here a 0.3 s politeness delay
    against a 2 s budget), lands what it fetched, and counts the rest as left for the next run — bounded time
    from the CLI too, not only under Airflow's execution_timeout."""
    with FaultSite(pages=30, faults={}, private_links=0) as site:
        client = PoliteClient(site.url, min_delay=0.3, session=make_session(retries=0))
        t0 = time.monotonic()
        summary = crawl_source("faultsite", "slow", url=warehouse, adapter=FaultSiteAdapter(), base_url=site.url,
                               client=client, time_budget=2.0)
        took = time.monotonic() - t0
    budget = summary["budget"]
    assert budget["out_of_time"] and 0 < budget["attempted"] < 30 and budget["deferred"] == 30 - budget["attempted"]
    assert took < 2.0 + 1.0 and summary["status"] == "degraded"
    assert any("time budget spent" in e for e in summary["errors"])
    pages, _, _ = archive(warehouse)
    assert len(pages) == budget["attempted"]  # what it fetched has landed
