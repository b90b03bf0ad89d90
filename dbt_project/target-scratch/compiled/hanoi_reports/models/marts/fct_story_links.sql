
-- depends_on: "hanoi_test_deed8b2948"."staging"."stg_extracted__article_versions"  (read by incremental runs only)
-- Grain: one row per article, with the articles from other outlets that report the same story (syndicated or
-- rewritten copies): published within 3 days of it and sharing at least 3 identical figures (kind, value,
-- denominator, period). `story_id` is the smallest article id among the article and its copies.
-- Incrementally, only the rows of changed articles, of the articles they now share figures with and of the ones
-- they were linked to before are recomputed.
with



figure_keys as (
    select distinct
        article_id,
        source,
        published_date,
        concat_ws('|', kind, value, denominator, coalesce(period, '')) as figure_key
    from "hanoi_test_deed8b2948"."marts"."fct_figures"
    where
        value is not null and published_date is not null
        
),



pairs as (
    select
        a.article_id,
        b.article_id as copy_article_id,
        b.source as copy_source,
        count(*) as shared_figures
    from figure_keys as a
    
    cross join generate_series(-3, 3) as window_day (offset_days)
    inner join figure_keys as b
        on
            a.figure_key = b.figure_key
            and b.published_date = a.published_date + window_day.offset_days
            and a.source <> b.source

    
    group by a.article_id, b.article_id, b.source
    having count(*) >= 3
)

select
    art.article_id,
    art.source,
    art.published_date,
    least(art.article_id, min(p.copy_article_id)) as story_id,
    count(p.copy_article_id) as copy_count,
    coalesce(
        array_agg(p.copy_article_id order by p.copy_article_id) filter (where p.copy_article_id is not null),
        '{}'
    ) as copy_article_ids,
    coalesce(
        array_agg(distinct p.copy_source order by p.copy_source) filter (where p.copy_source is not null), '{}'
    ) as copy_sources,
    coalesce(max(p.shared_figures), 0) as shared_figures,
    art.loaded_at
from "hanoi_test_deed8b2948"."intermediate"."int_articles_deduplicated" as art
left join pairs as p on art.article_id = p.article_id

group by art.article_id, art.source, art.published_date, art.loaded_at