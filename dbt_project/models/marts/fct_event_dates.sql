-- Grain: one row per event date named in a current article version ("Sáng 13/7" resolved against publication).
select
    m.mention_id as event_date_id,
    a.article_id,
    a.source,
    (m.payload ->> 'date')::date as event_date,
    a.published_date,
    a.published_date - (m.payload ->> 'date')::date as days_before_publication,
    m.quote,
    m.start_offset,
    m.end_offset
from {{ ref('stg_extracted__mentions') }} as m
inner join {{ ref('int_articles_deduplicated') }} as a on m.page_id = a.page_id
where m.mention_type = 'event_date'
