-- Grain: one row per official name, with every title seen and when.
-- Counted per (name, article) first: count(distinct article_id) over every mention sorted them all.
with per_article as (
    select
        official_name,
        article_id,
        array_agg(distinct title) as titles,
        count(*) as mentions,
        min(published_date) as published_date
    from {{ ref('fct_official_mentions') }}
    group by official_name, article_id
),

titles as (
    select
        per_article.official_name,
        array_agg(distinct t.title order by t.title) as titles_seen
    from per_article
    cross join lateral unnest(per_article.titles) as t (title)
    group by per_article.official_name
)

select
    p.official_name,
    t.titles_seen,
    sum(p.mentions)::bigint as mentions,
    count(*) as articles,
    min(p.published_date) as first_seen,
    max(p.published_date) as last_seen
from per_article as p
inner join titles as t on p.official_name = t.official_name
group by p.official_name, t.titles_seen
