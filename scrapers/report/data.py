"""What the report shows, read from the `marts` tables only."""

from __future__ import annotations

import psycopg
from psycopg.rows import dict_row


def load(url: str, withheld: list[str] | tuple = ()) -> dict:
    """`withheld`: articles validation quarantined this run. They, their figures and every statistic built on
    them are left out; the rest is published."""
    withheld = [str(a) for a in withheld]
    with psycopg.connect(url, row_factory=dict_row) as conn:
        def rows(sql: str) -> list[dict]:
            return conn.execute(sql, {"withheld": withheld}).fetchall()

        return {
            "withheld": withheld,
            # a statistic for every level (body null) sorts last in its cell, so the chart shows it over one body's
            "discipline": rows("""
                select d.scope, d.period_key, d.subject, d.form, d.value, d.outlets, d.conflict, d.reported_values
                from marts.discipline_by_period d
                join marts.fct_statistics s on s.statistic_id = d.discipline_period_id
                where not s.article_ids && %(withheld)s::text[]
                order by d.scope, d.period_key, d.subject, d.form, d.body"""),
            # Totals from fct_statistics: each statistic once however many outlets reported it, and never a
            # total added to its own parts (summing fct_figures counted seed 003's 58 commendations as 232).
            "checks": rows("""
                select coalesce(period_key, extract(year from first_reported)::int::text) as period_key, kind,
                       sum(value) as value, count(*) as figures
                from marts.fct_statistics
                where kind in ('inspection', 'supervision', 'complaints', 'violation_found')
                  and part is null and value is not null and not article_ids && %(withheld)s::text[]
                group by 1, 2 order by 1, 2"""),
            "commendations": rows("""
                select coalesce(period_key, extract(year from first_reported)::int::text) as period_key,
                       sum(value) as value, count(*) as figures
                from marts.fct_statistics where kind = 'commendation' and part is null and value is not null
                  and not article_ids && %(withheld)s::text[]
                group by 1 order by 1"""),
            # one row per statistic (with the outlets that reported it and its first quote), then the figures that
            # are not statistics (ratios, percentages, changes, money), one row per story
            "latest": rows("""
                select * from (
                    select s.scope, s.kind, s.value, f.denominator, f.qualifier, f.unit, f.period, s.period_key,
                           f.breakdown, f.quote, f.article_url, f.published_date, f.source, a.title,
                           cardinality(s.outlets) as outlets, s.conflict, f.start_offset, f.article_id
                    from marts.fct_statistics s
                    cross join lateral (
                        select * from marts.fct_figures f where f.figure_id = any(s.figure_ids)
                        order by f.published_date, f.figure_id limit 1) f
                    join marts.fct_articles a on a.article_id = f.article_id
                    where s.part is null and s.value is not null and not s.article_ids && %(withheld)s::text[]
                    union all
                    -- a ratio, percentage, change or sum once per story (fct_story_links), with its outlets
                    select f.scope, f.kind, f.value, f.denominator, min(f.qualifier), f.unit, min(f.period),
                           f.period_key, null::jsonb, (array_agg(f.quote order by f.published_date, f.figure_id))[1],
                           (array_agg(f.article_url order by f.published_date, f.figure_id))[1],
                           min(f.published_date), (array_agg(f.source order by f.published_date, f.figure_id))[1],
                           (array_agg(a.title order by f.published_date, f.figure_id))[1],
                           count(distinct f.source), false, min(f.start_offset), min(f.article_id)
                    from marts.fct_figures f
                    join marts.fct_articles a using (article_id)
                    left join marts.fct_story_links l using (article_id)
                    where f.kind in ('ratio', 'percent', 'change', 'money') and f.part_of is null
                      and f.article_id <> all(%(withheld)s::text[])
                    group by coalesce(l.story_id, f.article_id), f.scope, f.kind, f.value, f.denominator, f.unit,
                             f.period_key
                ) latest
                order by published_date desc, article_id, start_offset
                limit 60"""),
            # every charted number (a statistic's total) with the quotes it was read from: nothing unsourced
            "sources_of_numbers": rows("""
                select s.kind, s.scope, s.value, s.conflict, s.reported_values, cardinality(s.outlets) as outlets,
                       coalesce(s.period_key, extract(year from s.first_reported)::int::text) as period_key,
                       (select json_agg(json_build_object('quote', f.quote, 'url', f.article_url, 'source', f.source,
                                                          'value', f.value) order by f.published_date, f.figure_id)
                        from marts.fct_figures f where f.figure_id = any(s.figure_ids)) as quotes
                from marts.fct_statistics s
                where s.part is null and s.value is not null and not s.article_ids && %(withheld)s::text[]
                  and s.kind in ('discipline_party_members', 'discipline_party_orgs', 'inspection', 'supervision',
                                 'complaints', 'violation_found', 'commendation')
                order by 7 desc, s.kind, s.scope
                limit 200"""),
            "documents": rows("""
                select document_code, doc_type, count(*) as mentions, count(distinct article_id) as articles,
                       max(published_date) as last_cited
                from marts.fct_document_mentions where article_id <> all(%(withheld)s::text[])
                group by 1, 2 order by mentions desc, document_code limit 15"""),
            "sources": rows("""
                select s.source, s.outlet, s.domain, s.article_pages, s.quarantined_pages, s.failed_fetches, s.fetches,
                       s.last_successful_fetch_at, max(a.published_at) as last_article,
                       count(a.article_id) as articles, coalesce(sum(a.figure_count), 0) as figures
                from marts.dim_sources s
                left join marts.fct_articles a on a.source = s.source and a.article_id <> all(%(withheld)s::text[])
                group by 1, 2, 3, 4, 5, 6, 7, 8 order by s.source"""),
        }
