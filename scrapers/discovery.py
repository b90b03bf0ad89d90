"""Discovery: a source's article URLs from each of its channels — listing pages (with their real pagination),
RSS/Atom feeds and sitemaps — deduplicated after normalisation and counted per channel, and the alarm that
tells an operator when a channel that used to find articles has gone quiet ("discovery drift").

A channel is named `<kind>:<path>` (`listing:/chinh-tri.htm`, `feed:/chinh-tri.rss`, `sitemap:/sitemap.xml`): the
name is what `status`, the crawl summary and the failed check show, so an operator knows which page to look at.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin

from scrapers import landing
from scrapers.fetcher import FetchResult
from scrapers.sources.base import SourceAdapter

MAX_LISTING_PAGES = 50  # per listing channel and run: a pager that never ends must not
MAX_SITEMAP_CHILDREN = 2  # of a sitemap index, the newest article sitemaps are read (this month's and last)

# The alarm. A channel drifts when, in the latest run, it found no article although it found some in one of its
# previous DRIFT_HISTORY runs, or found under DRIFT_RATIO of what another channel of the same source found (when
# that one found at least DRIFT_MIN_OTHER): a listing whose markup changed finds nothing while the feed still does.
DRIFT_HISTORY = 7
DRIFT_RATIO = 0.1
DRIFT_MIN_OTHER = 10

Fetch = Callable[..., FetchResult]  # (kind, url, etag=None, last_modified=None)
Body = Callable[[FetchResult], "bytes | None"]  # a fetch's body (a 304 read from the stored copy), or None


@dataclass(frozen=True)
class Channel:
    kind: str  # listing | feed | sitemap
    path: str

    @property
    def name(self) -> str:
        return f"{self.kind}:{self.path}"


def channels(adapter: SourceAdapter) -> list[Channel]:
    """The adapter's discovery channels in the order they are read: listings, feeds, sitemaps."""
    return ([Channel("listing", p) for p in adapter.listing_paths] + [Channel("feed", p) for p in adapter.feed_paths]
            + [Channel("sitemap", p) for p in adapter.sitemap_paths])


def discover(adapter: SourceAdapter, base: str, fetch: Fetch, body_of: Body, states: dict,
             summary: dict) -> tuple[list[str], dict[str, list[str]]]:
    """Every channel's article URLs: the union in first-found order (normalised, so the same article found by a
    listing and a feed is one URL) and, per channel name, what that channel found. A channel whose first page
    cannot be fetched finds nothing and the others still count. `summary["listings"]` counts discovery pages read."""
    union: dict[str, None] = {}
    per_channel: dict[str, list[str]] = {}
    seen_pages: set[str] = set()
    for channel in channels(adapter):
        reader = _READERS[channel.kind]
        found = reader(adapter, urljoin(base + "/", channel.path.lstrip("/")), fetch, body_of, states, summary,
                       seen_pages)
        per_channel[channel.name] = found
        for url in found:
            union.setdefault(url, None)
    return list(union), per_channel


def _page(kind: str, url: str, fetch: Fetch, body_of: Body, states: dict, summary: dict,
          seen_pages: set[str]) -> tuple[bytes | None, str]:
    """One discovery page, fetched at most once per run (conditional on what we stored last time)."""
    seen_pages.add(url)
    result = fetch(kind, url, *states.get(landing.url_path(url), (None, None)))
    body = body_of(result)
    if body is not None:
        summary["listings"] += 1
    return body, result.final_url or url


def _read_listing(adapter, url, fetch, body_of, states, summary, seen_pages) -> list[str]:
    """A listing and its pagination (pager links, `rel=next`, script-loaded "more" endpoints) to its end, no page
    twice: a pagination loop ends at the first page seen before."""
    found: dict[str, None] = {}
    page_url: str | None = url
    pages = 0
    while page_url and page_url not in seen_pages and pages < MAX_LISTING_PAGES:
        pages += 1
        body, here = _page("listing", page_url, fetch, body_of, states, summary, seen_pages)
        if body is None:
            break
        articles = adapter.discover(body, here)
        for article in articles:
            found.setdefault(article, None)
        page_url = adapter.next_listing_page(body, here) if articles or pages == 1 else None
    return list(found)


def _read_feed(adapter, url, fetch, body_of, states, summary, seen_pages) -> list[str]:
    if url in seen_pages:
        return []
    body, here = _page("feed", url, fetch, body_of, states, summary, seen_pages)
    return adapter.discover_feed(body, here) if body is not None else []


def _read_sitemap(adapter, url, fetch, body_of, states, summary, seen_pages) -> list[str]:
    """A sitemap, or a sitemap index whose newest article sitemaps are read."""
    if url in seen_pages:
        return []
    body, here = _page("sitemap", url, fetch, body_of, states, summary, seen_pages)
    if body is None:
        return []
    children = adapter.sitemap_children(body, here)
    if not children:
        return adapter.discover_sitemap(body, here)
    found: dict[str, None] = {}
    for child in children[:MAX_SITEMAP_CHILDREN]:
        if child in seen_pages:
            continue
        child_body, child_here = _page("sitemap", child, fetch, body_of, states, summary, seen_pages)
        for article in adapter.discover_sitemap(child_body, child_here) if child_body is not None else []:
            found.setdefault(article, None)
    return list(found)


_READERS = {"listing": _read_listing, "feed": _read_feed, "sitemap": _read_sitemap}


def discover_backfill(adapter: SourceAdapter, base: str, fetch: Fetch, since: date, until: date,
                      summary: dict) -> list[str]:
    """Article URLs from the monthly sitemaps covering [since, until] (each entry filtered by its <lastmod>); a
    month without a sitemap (404) is recorded like any failed fetch and the others still count."""
    discovered: dict[str, None] = {}
    for sitemap_url in adapter.sitemap_urls(base, since, until):
        result = fetch("sitemap", sitemap_url)
        if not result.ok:
            continue
        summary["listings"] += 1
        for found in adapter.discover_sitemap(result.body, result.final_url or sitemap_url, since, until):
            discovered.setdefault(found, None)
    return list(discovered)


def record(conn, *, source: str, run_id: str, per_channel: dict[str, list[str]], known: set[str]) -> dict[str, dict]:
    """Write this run's per-channel counts (found, new, already stored) to raw.discoveries and return them."""
    counts = {}
    for channel, urls in per_channel.items():
        stored = sum(1 for u in urls if landing.url_path(u) in known)
        counts[channel] = {"found": len(urls), "new": len(urls) - stored, "known": stored}
    with conn.transaction():
        for channel, c in counts.items():
            conn.execute("""insert into raw.discoveries (run_id, source, channel, found, new, known)
                            values (%s, %s, %s, %s, %s, %s)""", (run_id, source, channel, c["found"], c["new"], c["known"]))
    return counts


def drift(conn, source: str | None = None) -> dict[str, list[str]]:
    """Per source, the channels in discovery drift in its latest discovery run (see DRIFT_* above)."""
    rows = conn.execute(
        """with runs as (select source, run_id, max(discovered_at) as at,
                                row_number() over (partition by source order by max(discovered_at) desc) as n
                         from raw.discoveries where %(src)s::text is null or source = %(src)s group by source, run_id),
                latest as (select d.source, d.channel, d.found from raw.discoveries d
                           join runs r using (source, run_id) where r.n = 1),
                before as (select d.source, d.channel, max(d.found) as found from raw.discoveries d
                           join runs r using (source, run_id) where r.n between 2 and %(history)s + 1
                           group by d.source, d.channel)
           select l.source, l.channel, l.found, coalesce(b.found, 0),
                  (select max(o.found) from latest o where o.source = l.source and o.channel <> l.channel)
           from latest l left join before b using (source, channel)
           order by l.source, l.channel""",
        {"src": source, "history": DRIFT_HISTORY},
    ).fetchall()
    out: dict[str, list[str]] = {}
    for src, channel, found, found_before, other in rows:
        quiet = found == 0 and found_before > 0
        outdone = other is not None and other >= DRIFT_MIN_OTHER and found < DRIFT_RATIO * other
        if quiet or outdone:
            out.setdefault(src, []).append(channel)
    return out
