"""Pipeline stages shared by the Airflow tasks and the CLI: crawl a source, parse stored pages, extract figures."""

from __future__ import annotations

import logging
from datetime import datetime

from psycopg.types.json import Jsonb

from scrapers import db, sources
from scrapers.crawl import crawl_source, crawl_sources
from scrapers.extract import extract_all
from scrapers.relevance import is_relevant
from scrapers.sources import ParseError
from scrapers.text import nfc
from scrapers.versions import EXTRACTOR_VERSION, PARSER_VERSION

log = logging.getLogger(__name__)
__all__ = ["crawl_source", "crawl_sources", "parse_pending", "extract_pending", "status", "article_text"]


def parse_pending(url: str | None = None, parser_version: str = PARSER_VERSION, sources_filter: list[str] | None = None,
                  reparse: bool = False) -> dict:
    """Parse stored article pages that this parser version has not seen; failures go to quarantine."""
    counts = {"parsed": 0, "quarantined": 0, "by_source": {}}
    with db.connect(url) as conn:
        db.migrate(conn)
        if reparse:
            with conn.transaction():
                _delete_derived(conn, "articles", parser_version, sources_filter)
                _delete_derived(conn, "quarantine", parser_version, sources_filter)
        rows = conn.execute(
            """select p.id, p.source, p.url, p.body from raw.pages p
               where p.kind = 'article' and (%(src)s::text[] is null or p.source = any(%(src)s))
                 and not exists (select 1 from extracted.articles a where a.page_id = p.id and a.parser_version = %(v)s)
                 and not exists (select 1 from extracted.quarantine q where q.page_id = p.id and q.parser_version = %(v)s)
               order by p.id""",
            {"v": parser_version, "src": sources_filter},
        ).fetchall()
        for page_id, source, page_url, body in rows:
            per = counts["by_source"].setdefault(source, {"parsed": 0, "quarantined": 0})
            try:
                article = sources.get(source).parse(bytes(body), page_url)
            except ParseError as exc:
                _quarantine(conn, page_id, parser_version, source, page_url, str(exc))
                counts["quarantined"] += 1
                per["quarantined"] += 1
                continue
            except Exception as exc:  # a parser bug must not lose the page or stop the run
                _quarantine(conn, page_id, parser_version, source, page_url, f"parser crashed: {type(exc).__name__}: {exc}")
                counts["quarantined"] += 1
                per["quarantined"] += 1
                continue
            text = article_text(article.title, article.sapo, article.body)
            with conn.transaction():
                conn.execute(
                    """insert into extracted.articles (page_id, parser_version, source, url, canonical_url, layout,
                           title, sapo, body, text, paragraphs, published_at, author, category, tags, is_relevant)
                       values (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)
                       on conflict (page_id, parser_version) do nothing""",
                    (page_id, parser_version, source, page_url, article.canonical_url or page_url, article.layout,
                     article.title, article.sapo, article.body, text, Jsonb(article.paragraphs), article.published_at,
                     article.author, article.category, Jsonb(article.tags), is_relevant(article.title, text)),
                )
            counts["parsed"] += 1
            per["parsed"] += 1
    log.info("parse: %s", counts)
    return counts


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


def _delete_derived(conn, table, version, sources_filter, column="parser_version"):
    conn.execute(
        f"delete from extracted.{table} where {column} = %s and (%s::text[] is null or "
        f"page_id in (select id from raw.pages where source = any(%s)))",
        (version, sources_filter, sources_filter),
    )


def extract_pending(url: str | None = None, parser_version: str = PARSER_VERSION,
                    extractor_version: str = EXTRACTOR_VERSION, sources_filter: list[str] | None = None,
                    reextract: bool = False) -> dict:
    """Run the extractor over parsed articles it has not processed at this version."""
    counts = {"articles": 0, "mentions": 0, "figures": 0}
    with db.connect(url) as conn:
        db.migrate(conn)
        if reextract:
            with conn.transaction():
                for table in ("mentions", "extractions"):
                    _delete_derived(conn, table, extractor_version, sources_filter, column="extractor_version")
        rows = conn.execute(
            """select a.page_id, a.text, a.published_at from extracted.articles a
               where a.parser_version = %(pv)s and (%(src)s::text[] is null or a.source = any(%(src)s))
                 and not exists (select 1 from extracted.extractions e where e.page_id = a.page_id
                                 and e.parser_version = %(pv)s and e.extractor_version = %(ev)s)
               order by a.page_id""",
            {"pv": parser_version, "ev": extractor_version, "src": sources_filter},
        ).fetchall()
        for page_id, text, published_at in rows:
            items = extract_all(text, _local_date(published_at))
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
                    """insert into extracted.extractions (page_id, parser_version, extractor_version, mentions)
                       values (%s,%s,%s,%s) on conflict do nothing""",
                    (page_id, parser_version, extractor_version, len(items)),
                )
            counts["articles"] += 1
            counts["mentions"] += len(items)
            counts["figures"] += sum(1 for i in items if i["type"] == "figure")
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
                            where error is not null order by source, attempted_at desc, id desc)
               select s.source, coalesce(p.pages, 0), coalesce(p.listings, 0), coalesce(a.articles, 0),
                      coalesce(a.relevant, 0), coalesce(f.figures, 0), coalesce(q.quarantined, 0),
                      lf.attempted_at, lo.at, le.attempted_at, le.url, le.error,
                      lf.error is not null as last_failed, coalesce(f.mentions, 0)
               from src s left join pages p using (source) left join arts a using (source)
               left join figs f using (source) left join quar q using (source) left join last_fetch lf using (source)
               left join last_ok lo using (source) left join last_err le using (source)
               order by s.source""",
            {"names": list(sources.ADAPTERS), "pv": PARSER_VERSION, "ev": EXTRACTOR_VERSION},
        ).fetchall()
    out = []
    for r in rows:
        health = "never fetched" if r[7] is None else ("failing" if r[12] else "ok")
        out.append({
            "source": r[0], "pages": r[1], "listing_pages": r[2], "articles": r[3], "relevant_articles": r[4],
            "figures": r[5], "mentions": r[13], "quarantined": r[6], "last_fetch": _iso(r[7]), "last_success": _iso(r[8]),
            "last_error": None if r[9] is None else {"at": _iso(r[9]), "url": r[10], "error": r[11]},
            "health": health,
        })
    return out


def _iso(ts):
    return ts.isoformat() if ts else None
