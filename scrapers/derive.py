"""Deriving from the raw archive: parse stored pages into articles (or quarantine) and extract their figures, for
the daily `transform` and for `reprocess` after a parser or extractor change.

Pages are worked in chunks: a chunk's raw bodies (or texts) are read in one query, derived in memory, and written
in one transaction with COPY into a temp table and one `INSERT … ON CONFLICT DO NOTHING` (the landing
recipe). With `workers > 1` the chunks run in that many processes, each with its own connection; the result is the
same rows as one process, because every row is a pure function of its page and the version labels.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import date, datetime
from multiprocessing import current_process, get_all_start_methods, get_context

from psycopg.types.json import Jsonb

from scrapers import db, sources
from scrapers.extract import TextTooLarge, extract_all
from scrapers.health import layout_drift
from scrapers.relevance import is_relevant
from scrapers.sources import ParseError
from scrapers.text import nfc
from scrapers.versions import EXTRACTOR_VERSION, PARSER_VERSION

log = logging.getLogger(__name__)

CHUNK = 64  # pages per read, per write transaction and per unit of work handed to a process
StepCallback = Callable[[str, int, int], None]  # (stage, done, total)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


@dataclass(frozen=True)
class Selection:
    """Which stored pages a parse/extract/reprocess run covers: sources and a date range (inclusive) on the
    article's publication date, or on the fetch date for a page never parsed (its publication date is unknown)."""

    sources: list[str] | None = None
    since: date | None = None
    until: date | None = None

    def __post_init__(self):
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since {self.since} is after until {self.until}")
        unknown = sorted(set(self.sources or ()) - set(sources.ADAPTERS))
        if unknown:
            raise ValueError(f"unknown source(s) {', '.join(unknown)}; known: {', '.join(sources.ADAPTERS)}")

    def page_ids(self, conn) -> list[int]:
        rows = conn.execute(
            """select p.id from raw.pages p
               left join lateral (select max(a.published_at) as published_at from extracted.articles a
                                  where a.page_id = p.id) a on true
               where p.kind = 'article' and (%(src)s::text[] is null or p.source = any(%(src)s))
                 and (%(since)s::date is null
                      or (coalesce(a.published_at, p.fetched_at) at time zone 'Asia/Ho_Chi_Minh')::date >= %(since)s)
                 and (%(until)s::date is null
                      or (coalesce(a.published_at, p.fetched_at) at time zone 'Asia/Ho_Chi_Minh')::date <= %(until)s)
               order by p.id""",
            {"src": self.sources, "since": self.since, "until": self.until},
        ).fetchall()
        return [r[0] for r in rows]


def article_text(title: str, sapo: str, body: str) -> str:
    """The text extractor offsets index into: title, sapo and body, NFC, separated by blank lines."""
    return nfc("\n\n".join(part for part in (title, sapo, body) if part))


def _chunks(items: list) -> list[list]:
    return [items[i:i + CHUNK] for i in range(0, len(items), CHUNK)]


def _pool_context():
    """The fork server where it exists (Linux, macOS), preloaded with this module; else spawned processes."""
    if "forkserver" not in get_all_start_methods():
        return get_context("spawn")
    context = get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


def _run(work: Callable, chunks: list[list], args: tuple, workers: int, stage: str, total: int,
         on_step: StepCallback | None) -> Iterable[dict]:
    """Each chunk's counts, in completion order: in this process, or in `workers` processes forked from a fork
    server (never from this process: the parent holds a database connection, and Airflow's task process must not
    be cloned). The server imports the pipeline once for both stages of a reprocess."""
    done = 0
    if workers > 1 and current_process().daemon:
        # a daemonic process (a Celery pool worker's task) may not start children: one process it is
        log.warning("%s: running in a daemonic process, so in one process instead of %d", stage, workers)
        workers = 1
    if workers <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            counts = work(*args, chunk)
            done += len(chunk)
            if on_step:
                on_step(stage, done, total)
            yield counts
        return
    with ProcessPoolExecutor(min(workers, len(chunks)), mp_context=_pool_context()) as pool:
        futures = {pool.submit(work, *args, chunk): len(chunk) for chunk in chunks}
        for future in as_completed(futures):
            done += futures[future]
            if on_step:
                on_step(stage, done, total)
            yield future.result()


def _add(into: dict, counts: dict) -> None:
    for key, value in counts.items():
        if isinstance(value, dict):
            _add(into.setdefault(key, {}), value)
        else:
            into[key] = into.get(key, 0) + value


def _copy_insert(conn, table: str, columns: list[str], rows: list[tuple], conflict: str) -> None:
    """COPY into a temp table shaped like `table`, then one INSERT … ON CONFLICT (never a duplicate)."""
    if not rows:
        return
    tmp = f"derive_{table.split('.')[1]}"
    cols = ", ".join(columns)
    conn.execute(f"create temp table if not exists {tmp} (like {table} including defaults) on commit delete rows")
    with conn.cursor() as cur:
        with cur.copy(f"copy {tmp} ({cols}) from stdin") as copy:
            for row in rows:
                copy.write_row(row)
        cur.execute(f"insert into {table} ({cols}) select {cols} from {tmp} on conflict {conflict}")


ARTICLE_COLUMNS = ["page_id", "parser_version", "source", "url", "canonical_url", "layout", "title", "sapo", "body",
                   "text", "paragraphs", "published_at", "author", "category", "tags", "is_relevant", "body_coverage",
                   "decode_replacements"]


def _parse_chunk(url: str | None, parser_version: str, chunk: list[tuple[int, str, str]]) -> dict:
    counts: dict = {"parsed": 0, "quarantined": 0, "by_source": {}}
    articles, quarantined = [], []
    with db.connect(url) as conn:
        bodies = dict(conn.execute("select id, body from raw.pages where id = any(%s)", ([c[0] for c in chunk],)))
        for page_id, source, page_url in chunk:
            per = counts["by_source"].setdefault(source, {"parsed": 0, "quarantined": 0})
            try:
                article, fell_back = sources.read_article(sources.ADAPTERS.get(source), bytes(bodies[page_id]),
                                                          page_url)
            except ParseError as exc:
                log.warning("quarantined page %s (%s): %s", page_id, page_url, exc)
                quarantined.append((page_id, parser_version, source, page_url, str(exc)[:2000]))
                counts["quarantined"] += 1
                per["quarantined"] += 1
                continue
            if fell_back:  # no adapter layout matched: the generic reader's article, marked layout = 'generic'
                counts["generic"] = counts.get("generic", 0) + 1
                per["generic"] = per.get("generic", 0) + 1
            text = article_text(article.title, article.sapo, article.body)
            identity = sources.get(source).identity_url(article.canonical_url, page_url)
            articles.append((page_id, parser_version, source, page_url, identity, article.layout, article.title,
                             article.sapo, article.body, text, Jsonb(article.paragraphs), article.published_at,
                             article.author, article.category, Jsonb(article.tags), is_relevant(article.title, text),
                             article.body_coverage, article.decode_replacements))
            if article.decode_replacements:
                log.warning("page %s (%s): %d invalid UTF-8 sequences replaced", page_id, page_url,
                            article.decode_replacements)
                counts["decode_replacements"] = counts.get("decode_replacements", 0) + article.decode_replacements
            counts["parsed"] += 1
            per["parsed"] += 1
        with conn.transaction():
            _copy_insert(conn, "extracted.articles", ARTICLE_COLUMNS, articles, "do nothing")
            if quarantined:
                conn.cursor().executemany(
                    """insert into extracted.quarantine (page_id, parser_version, source, url, reason)
                       values (%s,%s,%s,%s,%s)
                       on conflict (page_id, parser_version) do update set reason = excluded.reason""", quarantined)
    return counts


def parse_pending(url: str | None = None, parser_version: str = PARSER_VERSION,
                  reparse: bool = False, selection: Selection | None = None,
                  on_step: StepCallback | None = None, workers: int = 1) -> dict:
    """Parse stored article pages that this parser version has not seen; failures go to quarantine.

    `reparse` first forgets what this parser version derived from the selected pages — articles, quarantine
    entries, and the mentions extracted from those articles — so they are parsed and extracted again."""
    selection = selection or Selection()
    counts: dict = {"parsed": 0, "quarantined": 0, "by_source": {}}
    with db.connect(url) as conn:
        db.ensure_schema(conn)
        ids = selection.page_ids(conn)
        if reparse:
            with conn.transaction():
                for table in ("mentions", "extractions", "articles", "quarantine"):
                    conn.execute(f"delete from extracted.{table} where parser_version = %s and page_id = any(%s)",
                                 (parser_version, ids))
        rows = conn.execute(
            """select p.id, p.source, p.url from raw.pages p
               where p.id = any(%(ids)s)
                 and not exists (select 1 from extracted.articles a where a.page_id = p.id and a.parser_version = %(v)s)
                 and not exists (select 1 from extracted.quarantine q where q.page_id = p.id and q.parser_version = %(v)s)
               order by p.id""",
            {"v": parser_version, "ids": ids},
        ).fetchall()
    for chunk_counts in _run(_parse_chunk, _chunks(rows), (url, parser_version), workers, "parse", len(rows), on_step):
        _add(counts, chunk_counts)
    with db.connect(url) as conn:
        counts["merged_copies"] = merge_copies(conn, parser_version, [r[0] for r in rows])
        recent = layout_drift(conn=conn)
    counts["layout_drift"] = {name: f"{d['unread']}/{d['pages']}" for name, d in recent.items() if d["drift"]}
    counts["adapter_disagreement"] = {name: f"{d['disagreeing']}/{d['pages']}" for name, d in recent.items()
                                      if d["disagreement"]}
    for name, share in counts["adapter_disagreement"].items():
        log.warning("[hanoi-reports] adapter disagreement: %s — %s of its latest articles hold under half of their "
                    "page's running text; see extracted.articles.body_coverage", name, share)
    for name, share in counts["layout_drift"].items():
        log.warning("[hanoi-reports] layout drift: %s — %s of its latest article pages not read by its adapter "
                    "(quarantined or generic fallback); see extracted.quarantine", name, share)
    log.info("parse: %s", {k: v for k, v in counts.items() if k != "by_source"})
    return counts


# Shorter texts (an error page, a stub) are alike by nature, not copies of one story.
MIN_COPY_TEXT = 300


def merge_copies(conn, parser_version: str, page_ids: list[int]) -> int:
    """Articles of one source with the same text (the hash folds whitespace) are one article: each copy takes the
    canonical URL of the earliest fetched page with that text, whichever order the pages were parsed in. Returns
    how many articles were re-identified. Other sources keep their copies: syndication is a story, not a page."""
    if not page_ids:
        return 0
    with conn.transaction():
        return conn.execute(
            """with touched as (
                   select distinct source, text_hash from extracted.articles
                   where parser_version = %(v)s and page_id = any(%(ids)s) and length(text) >= %(min)s
               ),
               ranked as (
                   select a.page_id,
                          first_value(a.canonical_url) over (partition by a.source, a.text_hash
                                                             order by p.fetched_at, a.page_id) as first_url
                   from extracted.articles as a
                   inner join touched as t on a.source = t.source and a.text_hash = t.text_hash
                   inner join raw.pages as p on a.page_id = p.id
                   where a.parser_version = %(v)s
               )
               -- parsed_at moves too: it is the watermark the incremental models read changed articles by
               update extracted.articles as a set canonical_url = r.first_url, parsed_at = now()
               from ranked as r
               where a.page_id = r.page_id and a.parser_version = %(v)s and a.canonical_url <> r.first_url""",
            {"v": parser_version, "ids": page_ids, "min": MIN_COPY_TEXT},
        ).rowcount


MENTION_COLUMNS = ["page_id", "parser_version", "extractor_version", "seq", "type", "payload", "quote", "start_offset",
                   "end_offset"]
EXTRACTION_COLUMNS = ["page_id", "parser_version", "extractor_version", "mentions", "error"]


def _local_date(ts: datetime | None):
    return ts.astimezone(sources.base.VN_TZ).date() if ts else None


def _extract_chunk(url: str | None, parser_version: str, extractor_version: str, chunk: list[int]) -> dict:
    counts = {"articles": 0, "mentions": 0, "figures": 0}
    mentions, extractions = [], []
    with db.connect(url) as conn:
        rows = conn.execute("""select page_id, text, published_at, source from extracted.articles
                               where page_id = any(%s) and parser_version = %s order by page_id""",
                            (chunk, parser_version)).fetchall()
        for page_id, text, published_at, source in rows:
            adapter = sources.ADAPTERS.get(source)
            error = None
            try:
                items = extract_all(text, _local_date(published_at), adapter.locality if adapter else None)
            except TextTooLarge as exc:
                # recorded with its reason on the extraction run, like a page that will not parse; the run goes on
                log.warning("extract: page %s not extracted: %s", page_id, exc)
                counts["refused"] = counts.get("refused", 0) + 1
                items, error = [], str(exc)
            mentions += [(page_id, parser_version, extractor_version, seq, item["type"],
                          Jsonb({k: v for k, v in item.items() if k not in ("type", "quote", "start", "end")}),
                          item["quote"], item["start"], item["end"]) for seq, item in enumerate(items)]
            extractions.append((page_id, parser_version, extractor_version, len(items), error))
            counts["articles"] += 1
            counts["mentions"] += len(items)
            counts["figures"] += sum(1 for i in items if i["type"] == "figure")
        with conn.transaction():
            _copy_insert(conn, "extracted.mentions", MENTION_COLUMNS, mentions, "do nothing")
            _copy_insert(conn, "extracted.extractions", EXTRACTION_COLUMNS, extractions, "do nothing")
    return counts


def extract_pending(url: str | None = None, parser_version: str = PARSER_VERSION,
                    extractor_version: str = EXTRACTOR_VERSION,
                    reextract: bool = False, selection: Selection | None = None,
                    on_step: StepCallback | None = None, workers: int = 1) -> dict:
    """Run the extractor over parsed articles it has not processed at this version (`reextract`: again)."""
    selection = selection or Selection()
    counts: dict = {"articles": 0, "mentions": 0, "figures": 0}
    with db.connect(url) as conn:
        db.ensure_schema(conn)
        ids = selection.page_ids(conn)
        if reextract:
            with conn.transaction():
                for table in ("mentions", "extractions"):
                    conn.execute(f"delete from extracted.{table} where parser_version = %s and extractor_version = %s"
                                 " and page_id = any(%s)", (parser_version, extractor_version, ids))
        rows = [r[0] for r in conn.execute(
            """select a.page_id from extracted.articles a
               where a.parser_version = %(pv)s and a.page_id = any(%(ids)s)
                 and not exists (select 1 from extracted.extractions e where e.page_id = a.page_id
                                 and e.parser_version = %(pv)s and e.extractor_version = %(ev)s)
               order by a.page_id""",
            {"pv": parser_version, "ev": extractor_version, "ids": ids},
        ).fetchall()]
    for chunk_counts in _run(_extract_chunk, _chunks(rows), (url, parser_version, extractor_version), workers,
                             "extract", len(rows), on_step):
        _add(counts, chunk_counts)
    log.info("extract: %s", counts)
    return counts


def reprocess(url: str | None = None, selection: Selection | None = None, parser_version: str = PARSER_VERSION,
              extractor_version: str = EXTRACTOR_VERSION, on_step: StepCallback | None = None,
              workers: int = 1) -> dict:
    """Re-derive articles and figures of the selected stored pages from raw, without fetching anything: what a
    parser or extractor change needs. Derived rows of these versions are replaced, never duplicated."""
    selection = selection or Selection()
    parsed = parse_pending(url, parser_version, reparse=True, selection=selection, on_step=on_step, workers=workers)
    extracted = extract_pending(url, parser_version, extractor_version, reextract=True, selection=selection,
                                on_step=on_step, workers=workers)
    return {"selection": {"sources": selection.sources, "since": _iso(selection.since), "until": _iso(selection.until)},
            "parser_version": parser_version, "extractor_version": extractor_version, "workers": workers,
            "parse": parsed, "extract": extracted}


def _iso(ts):
    return ts.isoformat() if ts else None
