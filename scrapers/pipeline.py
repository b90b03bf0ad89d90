"""Pipeline stages shared by the Airflow tasks and the CLI: crawl a source, parse stored pages, extract figures."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from psycopg.types.json import Jsonb

from scrapers import db, discovery, sources
from scrapers.crawl import crawl_source, crawl_sources
from scrapers.extract import TextTooLarge, extract_all
from scrapers.relevance import is_relevant
from scrapers.sources import ParseError
from scrapers.text import nfc
from scrapers.versions import EXTRACTOR_VERSION, PARSER_VERSION

log = logging.getLogger(__name__)
__all__ = ["Selection", "crawl_source", "crawl_sources", "parse_pending", "extract_pending", "status", "article_text"]


@dataclass(frozen=True)
class Selection:
    """Which stored pages a parse/extract/reprocess run covers: sources and a date range (inclusive) on the
    article's publication date, or on the fetch date for a page never parsed (its publication date is unknown)."""

    sources: list[str] | None = None
    since: date | None = None
    until: date | None = None

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


StepCallback = Callable[[str, int, int], None]  # (stage, done, total)


def parse_pending(url: str | None = None, parser_version: str = PARSER_VERSION,
                  reparse: bool = False, selection: Selection | None = None,
                  on_step: StepCallback | None = None) -> dict:
    """Parse stored article pages that this parser version has not seen; failures go to quarantine.

    `reparse` first forgets what this parser version derived from the selected pages — articles, quarantine
    entries, and the mentions extracted from those articles — so they are parsed and extracted again."""
    selection = selection or Selection()
    counts = {"parsed": 0, "quarantined": 0, "by_source": {}}
    with db.connect(url) as conn:
        db.migrate(conn)
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
        for done, (page_id, source, page_url) in enumerate(rows, 1):
            body = conn.execute("select body from raw.pages where id = %s", (page_id,)).fetchone()[0]
            per = counts["by_source"].setdefault(source, {"parsed": 0, "quarantined": 0})
            _parse_one(conn, page_id, source, page_url, bytes(body), parser_version, counts, per)
            if on_step:
                on_step("parse", done, len(rows))
        counts["layout_drift"] = {name: f"{d['unread']}/{d['pages']}"
                                  for name, d in layout_drift(conn=conn).items() if d["drift"]}
        for name, share in counts["layout_drift"].items():
            log.warning("[hanoi-reports] layout drift: %s — %s of its latest article pages not read by its adapter "
                        "(quarantined or generic fallback); see extracted.quarantine", name, share)
    log.info("parse: %s", counts)
    return counts


def _parse_one(conn, page_id, source, page_url, body, parser_version, counts, per) -> None:
    try:
        article, fell_back = sources.read_article(sources.ADAPTERS.get(source), body, page_url)
    except ParseError as exc:
        _quarantine(conn, page_id, parser_version, source, page_url, str(exc))
        counts["quarantined"] += 1
        per["quarantined"] += 1
        return
    if fell_back:  # no adapter layout matched: the generic reader's article, marked layout = 'generic'
        counts["generic"] = counts.get("generic", 0) + 1
        per["generic"] = per.get("generic", 0) + 1
    text = article_text(article.title, article.sapo, article.body)
    identity = sources.get(source).identity_url(article.canonical_url, page_url)
    with conn.transaction():
        conn.execute(
            """insert into extracted.articles (page_id, parser_version, source, url, canonical_url, layout,
                   title, sapo, body, text, paragraphs, published_at, author, category, tags, is_relevant)
               values (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)
               on conflict (page_id, parser_version) do nothing""",
            (page_id, parser_version, source, page_url, identity, article.layout,
             article.title, article.sapo, article.body, text, Jsonb(article.paragraphs), article.published_at,
             article.author, article.category, Jsonb(article.tags), is_relevant(article.title, text)),
        )
    counts["parsed"] += 1
    per["parsed"] += 1


def article_text(title: str, sapo: str, body: str) -> str:
    """The text extractor offsets index into: title, sapo and body, NFC, separated by blank lines."""
    return nfc("\n\n".join(part for part in (title, sapo, body) if part))


def _quarantine(conn, page_id, parser_version, source, page_url, reason):
    log.warning("quarantined page %s (%s): %s", page_id, page_url, reason)
    with conn.transaction():
        conn.execute(
            """insert into extracted.quarantine (page_id, parser_version, source, url, reason) values (%s,%s,%s,%s,%s)
               on conflict (page_id, parser_version) do update set reason = excluded.reason""",
            (page_id, parser_version, source, page_url, reason[:2000]),
        )


def extract_pending(url: str | None = None, parser_version: str = PARSER_VERSION,
                    extractor_version: str = EXTRACTOR_VERSION,
                    reextract: bool = False, selection: Selection | None = None,
                    on_step: StepCallback | None = None) -> dict:
    """Run the extractor over parsed articles it has not processed at this version (`reextract`: again)."""
    selection = selection or Selection()
    counts = {"articles": 0, "mentions": 0, "figures": 0}
    with db.connect(url) as conn:
        db.migrate(conn)
        ids = selection.page_ids(conn)
        if reextract:
            with conn.transaction():
                for table in ("mentions", "extractions"):
                    conn.execute(f"delete from extracted.{table} where parser_version = %s and extractor_version = %s"
                                 " and page_id = any(%s)", (parser_version, extractor_version, ids))
        rows = conn.execute(
            """select a.page_id from extracted.articles a
               where a.parser_version = %(pv)s and a.page_id = any(%(ids)s)
                 and not exists (select 1 from extracted.extractions e where e.page_id = a.page_id
                                 and e.parser_version = %(pv)s and e.extractor_version = %(ev)s)
               order by a.page_id""",
            {"pv": parser_version, "ev": extractor_version, "ids": ids},
        ).fetchall()
        for done, (page_id,) in enumerate(rows, 1):
            text, published_at, source = conn.execute(
                "select text, published_at, source from extracted.articles where page_id = %s and parser_version = %s",
                (page_id, parser_version)).fetchone()
            adapter = sources.ADAPTERS.get(source)
            error = None
            try:
                items = extract_all(text, _local_date(published_at), adapter.locality if adapter else None)
            except TextTooLarge as exc:
                # recorded with its reason on the extraction run, like a page that will not parse; the run goes on
                log.warning("extract: page %s not extracted: %s", page_id, exc)
                counts["refused"] = counts.get("refused", 0) + 1
                items, error = [], str(exc)
            with conn.transaction():
                with conn.cursor() as cur:
                    cur.executemany(
                        """insert into extracted.mentions (page_id, parser_version, extractor_version, seq, type,
                               payload, quote, start_offset, end_offset) values (%s,%s,%s,%s,%s,%s,%s,%s,%s)
                           on conflict do nothing""",
                        [(page_id, parser_version, extractor_version, seq, item["type"],
                          Jsonb({k: v for k, v in item.items() if k not in ("type", "quote", "start", "end")}),
                          item["quote"], item["start"], item["end"]) for seq, item in enumerate(items)],
                    )
                conn.execute(
                    """insert into extracted.extractions (page_id, parser_version, extractor_version, mentions, error)
                       values (%s,%s,%s,%s,%s) on conflict do nothing""",
                    (page_id, parser_version, extractor_version, len(items), error),
                )
            counts["articles"] += 1
            counts["mentions"] += len(items)
            counts["figures"] += sum(1 for i in items if i["type"] == "figure")
            if on_step:
                on_step("extract", done, len(rows))
    log.info("extract: %s", counts)
    return counts


def _local_date(ts: datetime | None):
    return ts.astimezone(sources.base.VN_TZ).date() if ts else None


def status(url: str | None = None) -> list[dict]:
    """Per source: pages, articles, figures, last fetch, last error, quarantined pages."""
    with db.connect(url) as conn:
        db.migrate(conn)
        rows = conn.execute(
            """with src as (select unnest(%(names)s::text[]) as source),
               pages as (select source, count(*) filter (where kind = 'article') as pages,
                                count(*) filter (where kind = 'listing') as listings
                         from raw.pages group by source),
               arts as (select source, count(*) as articles, count(*) filter (where is_relevant) as relevant
                        from extracted.articles where parser_version = %(pv)s group by source),
               figs as (select a.source, count(*) filter (where m.type = 'figure') as figures,
                               count(*) as mentions from extracted.mentions m
                        join extracted.articles a using (page_id, parser_version)
                        where m.parser_version = %(pv)s and m.extractor_version = %(ev)s
                        group by a.source),
               quar as (select source, count(*) as quarantined from extracted.quarantine
                        where parser_version = %(pv)s group by source),
               last_fetch as (select distinct on (source) source, attempted_at, status, error
                              from raw.fetches order by source, attempted_at desc, id desc),
               last_ok as (select source, max(attempted_at) as at from raw.fetches where error is null group by source),
               last_err as (select distinct on (source) source, attempted_at, url, error from raw.fetches
                            where error is not null order by source, attempted_at desc, id desc),
               failing as (select source, count(*) as urls, count(*) filter (where next_fetch_after > now()) as backed_off
                           from raw.fetch_state where consecutive_failures > 0 group by source)
               select s.source, coalesce(p.pages, 0), coalesce(p.listings, 0), coalesce(a.articles, 0),
                      coalesce(a.relevant, 0), coalesce(f.figures, 0), coalesce(q.quarantined, 0),
                      lf.attempted_at, lo.at, le.attempted_at, le.url, le.error,
                      lf.error is not null as last_failed, coalesce(f.mentions, 0), coalesce(fl.urls, 0),
                      coalesce(fl.backed_off, 0)
               from src s left join pages p using (source) left join arts a using (source)
               left join figs f using (source) left join quar q using (source) left join last_fetch lf using (source)
               left join last_ok lo using (source) left join last_err le using (source)
               left join failing fl using (source)
               order by s.source""",
            {"names": list(sources.ADAPTERS), "pv": PARSER_VERSION, "ev": EXTRACTOR_VERSION},
        ).fetchall()
    drift = layout_drift(url)
    with db.connect(url) as conn:
        quiet = discovery.drift(conn)
    out = []
    for r in rows:
        health = "never fetched" if r[7] is None else ("failing" if r[12] else "ok")
        recent = drift.get(r[0], {"pages": 0, "unread": 0, "drift": False})
        if health == "ok" and recent["drift"]:
            health = "layout drift"
        if health == "ok" and quiet.get(r[0]):
            health = f"discovery drift: {', '.join(quiet[r[0]])}"
        out.append({
            "source": r[0], "pages": r[1], "listing_pages": r[2], "articles": r[3], "relevant_articles": r[4],
            "figures": r[5], "mentions": r[13], "quarantined": r[6], "last_fetch": _iso(r[7]), "last_success": _iso(r[8]),
            "last_error": None if r[9] is None else {"at": _iso(r[9]), "url": r[10], "error": r[11]},
            "failing_urls": r[14], "backed_off_urls": r[15],
            "recent_unread": f"{recent['unread']}/{recent['pages']}", "quiet_channels": quiet.get(r[0], []),
            "health": health,
        })
    return out


DRIFT_WINDOW = 20      # latest article pages per source
DRIFT_THRESHOLD = 0.5  # share of them its adapter could not read


def layout_drift(url: str | None = None, conn=None) -> dict[str, dict]:
    """Per source, how many of its latest article pages its adapter could not read (quarantined, or read only
    by the generic fallback) under the current parser. A jump means the site changed its layout."""
    own = conn is None
    conn = conn or db.connect(url)
    try:
        rows = conn.execute(
            """with recent as (
                   select p.id, p.source, row_number() over (partition by p.source order by p.fetched_at desc, p.id desc)
                          as n
                   from raw.pages p where p.kind = 'article')
               select r.source, count(*) as pages,
                      count(*) filter (where q.page_id is not null or a.layout = 'generic') as unread
               from recent r
               left join extracted.articles a on a.page_id = r.id and a.parser_version = %(pv)s
               left join extracted.quarantine q on q.page_id = r.id and q.parser_version = %(pv)s
               where r.n <= %(window)s and (a.page_id is not null or q.page_id is not null)
               group by r.source""",
            {"pv": PARSER_VERSION, "window": DRIFT_WINDOW},
        ).fetchall()
    finally:
        if own:
            conn.close()
    return {source: {"pages": pages, "unread": unread,
                     "drift": pages >= 2 and unread / pages >= DRIFT_THRESHOLD}
            for source, pages, unread in rows}


def _iso(ts):
    return ts.isoformat() if ts else None


def reprocess(url: str | None = None, selection: Selection | None = None, parser_version: str = PARSER_VERSION,
              extractor_version: str = EXTRACTOR_VERSION, on_step: StepCallback | None = None) -> dict:
    """Re-derive articles and figures of the selected stored pages from raw, without fetching anything: what a
    parser or extractor change needs. Derived rows of these versions are replaced, never duplicated."""
    selection = selection or Selection()
    parsed = parse_pending(url, parser_version, reparse=True, selection=selection, on_step=on_step)
    extracted = extract_pending(url, parser_version, extractor_version, reextract=True, selection=selection,
                                on_step=on_step)
    return {"selection": {"sources": selection.sources, "since": _iso(selection.since), "until": _iso(selection.until)},
            "parser_version": parser_version, "extractor_version": extractor_version,
            "parse": parsed, "extract": extracted}
