-- Grain: one row per official named (with a title) in a current article version.
select
    m.mention_id as official_mention_id,
    a.article_id,
    a.source,
    m.payload ->> 'name' as official_name,
    m.payload ->> 'title' as title,
    m.quote,
    m.start_offset,
    m.end_offset,
    a.published_date
from {{ ref('stg_extracted__mentions') }} as m
inner join {{ ref('int_articles_deduplicated') }} as a on m.page_id = a.page_id
where m.mention_type = 'official'
