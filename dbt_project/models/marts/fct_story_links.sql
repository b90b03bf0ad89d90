-- Grain: one row per pair of articles from different outlets that report the same story (syndicated or rewritten
-- copies): published within 3 days of each other and sharing at least 3 identical figures (kind, value,
-- denominator, period). `story_id` is the smallest article id among an article's copies, so copies group by it.
with figure_keys as (
    select distinct
        article_id,
        source,
        published_date,
        concat_ws('|', kind, value, denominator, coalesce(period, '')) as figure_key
    from {{ ref('fct_figures') }}
    where value is not null
),

pairs as (
    select
        a.article_id,
        b.article_id as copy_article_id,
        a.source,
        b.source as copy_source,
        count(*) as shared_figures
    from figure_keys as a
    inner join figure_keys as b
        on
            a.figure_key = b.figure_key
            and a.source <> b.source
            and a.article_id <> b.article_id
            and abs(a.published_date - b.published_date) <= 3
    group by a.article_id, b.article_id, a.source, b.source
    having count(*) >= 3
)

select
    pairs.article_id,
    pairs.copy_article_id,
    pairs.source,
    pairs.copy_source,
    pairs.shared_figures,
    least(pairs.article_id, min(pairs.copy_article_id) over (partition by pairs.article_id)) as story_id
from pairs
