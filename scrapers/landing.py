"""Writes fetch attempts and bodies into the raw archive, and keeps per-URL fetch state."""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import timedelta
from urllib.parse import urlsplit

import psycopg
from psycopg.types.json import Jsonb

from scrapers.fetcher import FetchResult

MAX_BACKOFF = timedelta(days=7)
BATCH_PAGES = 25
BATCH_BYTES = 32 * 1024 * 1024


def url_path(url: str) -> str:
    """A page's identity within its source: the same article fetched from a mirror or the snapshot is one page."""
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


# One statement per flush for every page's fetch state; the excluded row's consecutive_failures (0 or 1) says
# whether this fetch succeeded.
_STATE_SQL = """
    insert into raw.fetch_state as s (source, path, url, etag, last_modified, last_status, last_error,
                                      last_attempt_at, last_success_at, consecutive_failures, next_fetch_after)
    select %(source)s, t.path, t.url, t.etag, t.lm, t.status, t.error, now(),
           case when t.ok then now() end, case when t.ok then 0 else 1 end,
           case when t.ok then null else now() + interval '1 hour' end
    from unnest(%(path)s::text[], %(url)s::text[], %(etag)s::text[], %(lm)s::text[], %(status)s::int[],
                %(error)s::text[], %(ok)s::bool[]) as t(path, url, etag, lm, status, error, ok)
    on conflict (source, path) do update set
        url = excluded.url,
        etag = coalesce(excluded.etag, s.etag),
        last_modified = coalesce(excluded.last_modified, s.last_modified),
        last_status = excluded.last_status,
        last_error = excluded.last_error,
        last_attempt_at = now(),
        last_success_at = case when excluded.consecutive_failures = 0 then now() else s.last_success_at end,
        consecutive_failures = case when excluded.consecutive_failures = 0 then 0 else s.consecutive_failures + 1 end,
        -- failing URLs back off exponentially (1 h, 2 h, 4 h … capped at 7 days)
        next_fetch_after = case when excluded.consecutive_failures = 0 then null
            else now() + least(interval '1 hour' * power(2, s.consecutive_failures), %(cap)s) end"""


def _record_states(cur, source: str, results: list[FetchResult]) -> None:
    """Upsert the fetch state of every page in the batch. A page fetched twice in one batch is applied in order
    (a statement may not update one row twice), so two failures still count as two."""
    pending = list(results)
    while pending:
        seen, now, later = set(), [], []
        for r in pending:
            path = url_path(r.url)
            (later if path in seen else now).append(r)
            seen.add(path)
        columns = {"path": [], "url": [], "etag": [], "lm": [], "status": [], "error": [], "ok": []}
        for r in now:
            success = r.ok or r.not_modified
            for key, value in (("path", url_path(r.url)), ("url", r.url), ("status", r.status), ("error", r.error),
                               ("etag", r.headers.get("ETag") if success else None),
                               ("lm", r.headers.get("Last-Modified") if success else None), ("ok", success)):
                columns[key].append(value)
        cur.execute(_STATE_SQL, {"source": source, "cap": MAX_BACKOFF, **columns})
        pending = later


def known_article_paths(conn: psycopg.Connection, source: str) -> set[str]:
    rows = conn.execute("select distinct path from raw.pages where source = %s and kind = 'article'", (source,))
    return {r[0] for r in rows}


def backed_off_paths(conn: psycopg.Connection, source: str) -> set[str]:
    rows = conn.execute(
        "select path from raw.fetch_state where source = %s and next_fetch_after > now()", (source,)
    )
    return {r[0] for r in rows}


def latest_body(conn: psycopg.Connection, source: str, url: str) -> bytes | None:
    row = conn.execute("select body from raw.pages where source = %s and path = %s order by fetched_at desc, id desc"
                       " limit 1", (source, url_path(url))).fetchone()
    return bytes(row[0]) if row else None


def fetch_states(conn: psycopg.Connection, source: str) -> dict[str, tuple[str | None, str | None]]:
    """Stored validators (ETag, Last-Modified) of every URL of a source, for conditional GETs."""
    rows = conn.execute("select path, etag, last_modified from raw.fetch_state where source = %s", (source,))
    return {r[0]: (r[1], r[2]) for r in rows}


class Batch:
    """Fetch results of one source waiting to land. `flush` writes them in one transaction: new pages with one
    binary COPY (deduplicated on (source, path, sha256) first), attempts with COPY, state with one upsert. A crash
    before the commit leaves nothing of the batch; nothing half-written survives."""

    def __init__(self, conn: psycopg.Connection, *, source: str, run_id: str, max_pages: int = BATCH_PAGES,
                 max_bytes: int = BATCH_BYTES):
        self.conn, self.source, self.run_id = conn, source, run_id
        self.max_pages, self.max_bytes = max_pages, max_bytes
        self.items: list[tuple[str, FetchResult]] = []
        self.bytes = 0
        self.new_pages = 0
        self.landed = 0

    def add(self, kind: str, result: FetchResult) -> None:
        self.items.append((kind, result))
        self.bytes += len(result.body)
        # a failed attempt is written at once (with what waited before it): a run killed later still shows why
        if (not result.ok and not result.not_modified) or sum(1 for _, r in self.items if r.ok) >= self.max_pages \
                or self.bytes >= self.max_bytes:
            self.flush()

    def flush(self) -> None:
        if not self.items:
            return
        try:
            self._flush(fast=True)
        except psycopg.errors.UniqueViolation:
            # another writer stored one of these bodies since the lookup (the transaction is gone, nothing of the
            # batch was written): the whole batch again, deduplicated by the database itself
            self._flush(fast=False)
        self.landed += len(self.items)
        self.items, self.bytes = [], 0

    def _flush(self, fast: bool) -> None:
        pages = [(k, r) for k, r in self.items if r.ok and k != "robots"]
        with self.conn.transaction():
            ids, new = self._land_pages(pages) if fast else self._land_via_scratch(pages)
            with self.conn.cursor() as cur:
                with cur.copy("copy raw.fetches (run_id, source, url, kind, status, error, elapsed_ms, bytes,"
                              " page_id, attempts) from stdin") as copy:
                    for kind, r in self.items:
                        page_id = ids.get((url_path(r.url), _digest(r))) if r.ok and kind != "robots" else None
                        copy.write_row((self.run_id, self.source, r.url, kind, r.status, r.error, r.elapsed_ms,
                                        len(r.body), page_id, r.attempts or None))
                # articles and every discovery page
                _record_states(cur, self.source, [r for k, r in self.items if k != "robots"])
        self.new_pages += new

    def _land_pages(self, pages: list[tuple[str, FetchResult]]) -> tuple[dict[tuple[str, str], int], int]:
        """Land the batch's new bodies with one binary COPY straight into raw.pages, deduplicated on (path, sha256)
        without reading anything back. Most pages of a crawl are at paths the archive has never seen: one probe per
        path says which, and draws their ids, so their bodies are hashed inside the COPY while the server stores
        the rows before them (as a bare COPY hashes). Only bodies at paths already stored, or repeated in the batch,
        are hashed first and looked up by (path, sha256). Returns every page's id and how many were new."""
        if not pages:
            return {}, 0
        repeats = Counter(url_path(r.url) for _, r in pages)
        unseen = self._unseen_paths([p for p, n in repeats.items() if n == 1])
        fresh: list[tuple[int, str, str, FetchResult]] = []
        to_compare: dict[tuple[str, str], tuple[str, FetchResult]] = {}
        for kind, r in pages:
            path = url_path(r.url)
            if path in unseen:
                fresh.append((unseen[path], path, kind, r))
            else:
                to_compare.setdefault((path, _digest(r)), (kind, r))
        found = self._lookup(list(to_compare)) if to_compare else {}
        fresh += [(found[key][0], key[0], kind, r) for key, (kind, r) in to_compare.items() if not found[key][1]]
        if fresh:
            self._copy_pages(fresh)
        ids = {key: page_id for key, (page_id, _) in found.items()}
        ids.update(((path, r.sha256), page_id) for page_id, path, _, r in fresh)
        return ids, len(fresh)

    def _unseen_paths(self, paths: list[str]) -> dict[str, int]:
        """A new id for each path with no stored version at all (one index probe per path)."""
        if not paths:
            return {}
        rows = self.conn.execute(
            """select b.path, nextval('raw.pages_id_seq'::regclass)
               from unnest(%s::text[]) as b(path)
               where not exists (select from raw.pages p where p.source = %s and p.path = b.path)""",
            (paths, self.source), prepare=False).fetchall()
        return dict(rows)

    def _lookup(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], tuple[int, bool]]:
        """(id, stored?) of each (path, sha256): a stored page's id, or a new id drawn for a page to land. One
        unique-index probe per page: `limit 1` keeps the lateral join a probe (joined the plain way, or planned once
        and reused as psycopg does with a statement run five times, an unanalysed archive was hashed whole, every
        page of the source, so each batch cost more than the one before)."""
        rows = self.conn.execute(
            """select b.path, b.sha256, coalesce(p.id, nextval('raw.pages_id_seq'::regclass)),
                      p.id is not null
               from unnest(%s::text[], %s::text[]) with ordinality as b(path, sha256, n)
               left join lateral (select id from raw.pages p
                                  where p.source = %s and p.path = b.path and p.sha256 = b.sha256 limit 1) p on true
               order by b.n""",
            ([p for p, _ in keys], [d for _, d in keys], self.source), prepare=False).fetchall()
        return {(path, sha): (page_id, stored) for path, sha, page_id, stored in rows}

    def _copy_pages(self, fresh: list[tuple[int, str, str, FetchResult]]) -> None:
        with self.conn.cursor() as cur:
            with cur.copy("copy raw.pages (id, source, url, path, kind, status, headers, content_type, body, sha256, "
                          "run_id) from stdin (format binary)") as copy:
                copy.set_types(["int8", "text", "text", "text", "text", "int4", "jsonb", "text", "bytea", "text",
                                "text"])
                for page_id, path, kind, r in fresh:
                    copy.write_row((page_id, self.source, r.url, path, kind, r.status, Jsonb(r.headers),
                                    r.headers.get("Content-Type"), r.body, _digest(r), self.run_id))

    def _land_via_scratch(self, pages: list[tuple[str, FetchResult]]) -> tuple[dict[tuple[str, str], int], int]:
        """COPY the batch (binary, so bodies travel as raw bytes) into a scratch table, then move it into
        raw.pages with one INSERT … ON CONFLICT DO NOTHING: deduplication whatever else is writing."""
        self.conn.execute(
            """create temp table if not exists landing_batch (url text, path text, kind text, status int,
                   headers jsonb, content_type text, body bytea, sha256 text)
               on commit delete rows""")
        with self.conn.cursor() as cur:
            with cur.copy("copy landing_batch from stdin (format binary)") as copy:
                copy.set_types(["text", "text", "text", "int4", "jsonb", "text", "bytea", "text"])
                for kind, r in pages:
                    copy.write_row((r.url, url_path(r.url), kind, r.status, Jsonb(r.headers),
                                    r.headers.get("Content-Type"), r.body, _digest(r)))
        inserted = self.conn.execute(
            """insert into raw.pages (source, url, path, kind, status, headers, content_type, body, sha256, run_id)
               select distinct on (path, sha256) %s, url, path, kind, status, headers, content_type, body, sha256, %s
               from landing_batch order by path, sha256
               on conflict (source, path, sha256) do nothing returning id""",
            (self.source, self.run_id),
        ).fetchall()
        rows = self.conn.execute(
            """select p.id, p.path, p.sha256 from raw.pages p
               join (select distinct path, sha256 from landing_batch) b using (path, sha256)
               where p.source = %s""",
            (self.source,),
        ).fetchall()
        return {(path, sha): page_id for page_id, path, sha in rows}, len(inserted)


def _digest(result: FetchResult) -> str:
    if result.sha256 is None:
        result.sha256 = hashlib.sha256(result.body).hexdigest()
    return result.sha256
