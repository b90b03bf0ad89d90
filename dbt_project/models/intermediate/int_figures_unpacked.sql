-- Figure mentions of current article versions, with the JSON payload typed into columns and the locality
-- (scope) they apply to.
select
    m.mention_id as figure_id,
    a.article_id,
    m.page_id,
    a.source,
    m.extractor_version,
    m.payload ->> 'kind' as kind,
    (m.payload ->> 'value')::numeric as value,
    (m.payload ->> 'denominator')::numeric as denominator,
    m.payload ->> 'qualifier' as qualifier,
    (m.payload -> 'range' ->> 0)::numeric as range_min,
    (m.payload -> 'range' ->> 1)::numeric as range_max,
    m.payload ->> 'unit' as unit,
    m.payload ->> 'subject' as subject,
    m.payload ->> 'period' as period,
    nullif(m.payload -> 'breakdown', 'null'::jsonb) as breakdown,
    (m.payload ->> 'breakdown_complete')::boolean as breakdown_complete,
    m.quote,
    m.start_offset,
    m.end_offset,
    a.published_date,
    {{ figure_scope('a.article_text', 'm.start_offset', 'a.source') }} as scope
from {{ ref('stg_extracted__mentions') }} as m
inner join {{ ref('int_articles_deduplicated') }} as a on m.page_id = a.page_id
where m.mention_type = 'figure'
