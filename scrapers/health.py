"""Operations health per source: what `hanoi-reports status`, the demo summary and the DAG logs show — pages,
articles and figures, the last fetch and error, failing URLs, layout drift and discovery drift."""

from __future__ import annotations

from psycopg.rows import dict_row

from scrapers import db, discovery, sources
from scrapers.versions import EXTRACTOR_VERSION, PARSER_VERSION


def status(url: str | None = None) -> list[dict]:
    """Per source: pages, articles, figures, last fetch, last error, quarantined pages."""
    with db.connect(url) as conn:
        db.ensure_schema(conn)
        rows = conn.cursor(row_factory=dict_row).execute(
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
               select s.source, coalesce(p.pages, 0) as pages, coalesce(p.listings, 0) as listing_pages,
                      coalesce(a.articles, 0) as articles, coalesce(a.relevant, 0) as relevant_articles,
                      coalesce(f.figures, 0) as figures, coalesce(f.mentions, 0) as mentions,
                      coalesce(q.quarantined, 0) as quarantined, lf.attempted_at as last_fetch,
                      lo.at as last_success, le.attempted_at as error_at, le.url as error_url, le.error,
                      lf.error is not null as last_failed, coalesce(fl.urls, 0) as failing_urls,
                      coalesce(fl.backed_off, 0) as backed_off_urls
               from src s left join pages p using (source) left join arts a using (source)
               left join figs f using (source) left join quar q using (source) left join last_fetch lf using (source)
               left join last_ok lo using (source) left join last_err le using (source)
               left join failing fl using (source)
               order by s.source""",
            {"names": list(sources.ADAPTERS), "pv": PARSER_VERSION, "ev": EXTRACTOR_VERSION},
        ).fetchall()
        drift = layout_drift(conn=conn)
        quiet = discovery.drift(conn)
    out = []
    for r in rows:
        source = r["source"]
        health = "never fetched" if r["last_fetch"] is None else ("failing" if r["last_failed"] else "ok")
        recent = drift.get(source, {"pages": 0, "unread": 0, "disagreeing": 0, "drift": False,
                                    "disagreement": False})
        if health == "ok" and recent["drift"]:
            health = "layout drift"
        if health == "ok" and recent["disagreement"]:
            health = "adapter disagreement"
        if health == "ok" and quiet.get(source):
            health = f"discovery drift: {', '.join(quiet[source])}"
        error = {"at": _iso(r["error_at"]), "url": r["error_url"], "error": r["error"]} if r["error_at"] else None
        out.append({
            **{k: r[k] for k in ("source", "pages", "listing_pages", "articles", "relevant_articles", "figures",
                                 "mentions", "quarantined")},
            "last_fetch": _iso(r["last_fetch"]), "last_success": _iso(r["last_success"]), "last_error": error,
            "failing_urls": r["failing_urls"], "backed_off_urls": r["backed_off_urls"],
            "recent_unread": f"{recent['unread']}/{recent['pages']}",
            "recent_disagreeing": f"{recent['disagreeing']}/{recent['pages']}", "quiet_channels": quiet.get(source, []),
            "health": health,
        })
    return out


DRIFT_WINDOW = 20      # latest article pages per source
DRIFT_THRESHOLD = 0.5  # share of them its adapter could not read (or read in disagreement with the page)
# an adapter's article holding under half of the page's running text disagrees with the page about the story
AGREEMENT = 0.5


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
                      count(*) filter (where q.page_id is not null or a.layout = 'generic') as unread,
                      count(*) filter (where a.layout <> 'generic' and a.body_coverage < %(agree)s) as disagreeing
               from recent r
               left join extracted.articles a on a.page_id = r.id and a.parser_version = %(pv)s
               left join extracted.quarantine q on q.page_id = r.id and q.parser_version = %(pv)s
               where r.n <= %(window)s and (a.page_id is not null or q.page_id is not null)
               group by r.source""",
            {"pv": PARSER_VERSION, "window": DRIFT_WINDOW, "agree": AGREEMENT},
        ).fetchall()
    finally:
        if own:
            conn.close()
    return {source: {"pages": pages, "unread": unread, "disagreeing": disagreeing,
                     "drift": pages >= 2 and unread / pages >= DRIFT_THRESHOLD,
                     "disagreement": pages >= 2 and disagreeing / pages >= DRIFT_THRESHOLD}
            for source, pages, unread, disagreeing in rows}


def _iso(ts):
    return ts.isoformat() if ts else None


