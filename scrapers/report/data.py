"""What the report shows, read from the `marts` tables only."""

from __future__ import annotations

import psycopg
from psycopg.rows import dict_row

FORMS = ["khiển trách", "cảnh cáo", "cách chức", "khai trừ", "giải tán"]


def load(url: str) -> dict:
    with psycopg.connect(url, row_factory=dict_row) as conn:
        def rows(sql: str, *args) -> list[dict]:
            return conn.execute(sql, args).fetchall()

        return {
            "discipline": rows("""
                select scope, period_key, subject, form, value, outlets, conflict, reported_values
                from marts.discipline_by_period order by scope, period_key, subject, form"""),
            "checks": rows("""
                select coalesce(period_key, extract(year from published_date)::int::text) as period_key, kind,
                       sum(value) as value, count(*) as figures
                from marts.fct_figures
                where kind in ('inspection', 'supervision', 'complaints', 'violation_found') and value is not null
                group by 1, 2 order by 1, 2"""),
            "commendations": rows("""
                select coalesce(period_key, extract(year from published_date)::int::text) as period_key,
                       sum(value) as value, count(*) as figures
                from marts.fct_figures where kind = 'commendation' and value is not null
                group by 1 order by 1"""),
            "latest": rows("""
                select f.scope, f.kind, f.value, f.denominator, f.qualifier, f.unit, f.period, f.period_key, f.breakdown,
                       f.quote, f.article_url, f.published_date, f.source, a.title,
                       coalesce(d.outlets, 1) as outlets, coalesce(d.conflict, false) as conflict
                from marts.fct_figures f
                join marts.fct_articles a using (article_id)
                left join marts.discipline_by_period d
                  on d.scope = f.scope and d.period_key = f.period_key and d.form = 'total'
                 and d.subject = case f.kind when 'discipline_party_members' then 'party_members'
                                             when 'discipline_party_orgs' then 'party_organisations' end
                where f.kind <> 'count'
                order by f.published_date desc, f.article_id, f.start_offset
                limit 60"""),
            "documents": rows("""
                select document_code, doc_type, count(*) as mentions, count(distinct article_id) as articles,
                       max(published_date) as last_cited
                from marts.fct_document_mentions group by 1, 2 order by mentions desc, document_code limit 15"""),
            "sources": rows("""
                select s.source, s.outlet, s.domain, s.article_pages, s.quarantined_pages, s.failed_fetches, s.fetches,
                       s.last_successful_fetch_at, max(a.published_at) as last_article,
                       count(a.article_id) as articles, coalesce(sum(a.figure_count), 0) as figures
                from marts.dim_sources s left join marts.fct_articles a using (source)
                group by 1, 2, 3, 4, 5, 6, 7, 8 order by s.source"""),
        }
