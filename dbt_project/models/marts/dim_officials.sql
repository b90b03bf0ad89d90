-- Grain: one row per official name, with every title seen and when.
select
    official_name,
    array_agg(distinct title order by title) as titles_seen,
    count(*) as mentions,
    count(distinct article_id) as articles,
    min(published_date) as first_seen,
    max(published_date) as last_seen
from {{ ref('fct_official_mentions') }}
group by official_name
