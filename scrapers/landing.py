"""Writes fetch attempts and bodies into the raw archive, and keeps per-URL fetch state."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from urllib.parse import urlsplit

import psycopg
from psycopg.types.json import Jsonb

from scrapers.fetcher import FetchResult

MAX_BACKOFF = timedelta(days=7)


def url_path(url: str) -> str:
    """A page's identity within its source: the same article fetched from a mirror or the snapshot is one page."""
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def store_page(conn: psycopg.Connection, *, source: str, kind: str, result: FetchResult, run_id: str) -> tuple[int, bool]:
    """Store the body once per (url, content hash). Returns (page id, whether it was new)."""
    digest = hashlib.sha256(result.body).hexdigest()
    row = conn.execute(
        """insert into raw.pages (source, url, path, kind, status, headers, content_type, body, sha256, run_id)
           values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
           on conflict (source, path, sha256) do nothing returning id""",
        (source, result.url, url_path(result.url), kind, result.status, Jsonb(result.headers), result.headers.get("Content-Type"),
         result.body, digest, run_id),
    ).fetchone()
    if row:
        return row[0], True
    existing = conn.execute("select id from raw.pages where source = %s and path = %s and sha256 = %s",
                            (source, url_path(result.url), digest)).fetchone()
    return existing[0], False


def record_fetch(conn: psycopg.Connection, *, run_id: str, source: str, kind: str, result: FetchResult,
                 page_id: int | None) -> None:
    conn.execute(
        """insert into raw.fetches (run_id, source, url, kind, status, error, elapsed_ms, bytes, page_id)
           values (%s, %s, %s, %s, %s, %s, %s, %s, %s)""",
        (run_id, source, result.url, kind, result.status, result.error, result.elapsed_ms, len(result.body), page_id),
    )


def update_state(conn: psycopg.Connection, *, source: str, result: FetchResult) -> None:
    success = result.ok or result.not_modified
    conn.execute(
        """insert into raw.fetch_state as s (source, path, url, etag, last_modified, last_status, last_error,
                                               last_attempt_at, last_success_at, consecutive_failures, next_fetch_after)
           values (%(source)s, %(path)s, %(url)s, %(etag)s, %(lm)s, %(status)s, %(error)s, now(),
                   case when %(ok)s then now() end, case when %(ok)s then 0 else 1 end,
                   case when %(ok)s then null else now() + interval '1 hour' end)
           on conflict (source, path) do update set
               url = excluded.url,
               etag = coalesce(excluded.etag, s.etag),
               last_modified = coalesce(excluded.last_modified, s.last_modified),
               last_status = excluded.last_status,
               last_error = excluded.last_error,
               last_attempt_at = now(),
               last_success_at = case when %(ok)s then now() else s.last_success_at end,
               consecutive_failures = case when %(ok)s then 0 else s.consecutive_failures + 1 end,
               -- failing URLs back off exponentially (1 h, 2 h, 4 h … capped at 7 days)
               next_fetch_after = case when %(ok)s then null
                   else now() + least(interval '1 hour' * power(2, s.consecutive_failures), %(cap)s) end""",
        {"url": result.url, "path": url_path(result.url), "source": source, "etag": result.headers.get("ETag") if success else None,
         "lm": result.headers.get("Last-Modified") if success else None, "status": result.status,
         "error": result.error, "ok": success, "cap": MAX_BACKOFF},
    )


def known_article_paths(conn: psycopg.Connection, source: str) -> set[str]:
    rows = conn.execute("select distinct path from raw.pages where source = %s and kind = 'article'", (source,))
    return {r[0] for r in rows}


def backed_off_paths(conn: psycopg.Connection, source: str) -> set[str]:
    rows = conn.execute(
        "select path from raw.fetch_state where source = %s and next_fetch_after > now()", (source,)
    )
    return {r[0] for r in rows}


def fetch_state(conn: psycopg.Connection, source: str, url: str) -> tuple[str | None, str | None]:
    row = conn.execute("select etag, last_modified from raw.fetch_state where source = %s and path = %s",
                       (source, url_path(url))).fetchone()
    return (row[0], row[1]) if row else (None, None)
