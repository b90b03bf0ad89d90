-- Grain: one row per official named (with a title) in a current article version.
select
    mention_id as official_mention_id,
    article_id,
    source,
    payload ->> 'name' as official_name,
    payload ->> 'title' as title,
    quote,
    start_offset,
    end_offset,
    published_date
from {{ ref('int_mentions_current') }}
where mention_type = 'official'
