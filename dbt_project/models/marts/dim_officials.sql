-- Grain: one row per official name, with every title seen and when (an interview's speaker may have none).
-- The titles are collected apart: `array_agg(distinct …)` next to the counts sorts every mention of the name.
with titles as (
    select
        official_name,
        coalesce(array_agg(title order by title) filter (where title is not null), '{}') as titles_seen
    from (
        select distinct
            official_name,
            title
        from {{ ref('fct_official_mentions') }}
    ) as name_titles
    group by official_name
),

counts as (
    select
        official_name,
        count(*) as mentions,
        count(*) filter (where is_first_in_article) as articles,
        min(published_date) as first_seen,
        max(published_date) as last_seen
    from {{ ref('fct_official_mentions') }}
    group by official_name
)

select
    counts.official_name,
    titles.titles_seen,
    counts.mentions,
    counts.articles,
    counts.first_seen,
    counts.last_seen
from counts
inner join titles on counts.official_name = titles.official_name
