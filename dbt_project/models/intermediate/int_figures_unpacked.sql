-- Figure mentions of current article versions, with the JSON payload typed into columns and the locality
-- (scope) they apply to.
select
    mention_id as figure_id,
    article_id,
    page_id,
    source,
    extractor_version,
    payload ->> 'kind' as kind,
    (payload ->> 'value')::numeric as value,
    (payload ->> 'denominator')::numeric as denominator,
    payload ->> 'qualifier' as qualifier,
    (payload -> 'range' ->> 0)::numeric as range_min,
    (payload -> 'range' ->> 1)::numeric as range_max,
    payload ->> 'unit' as unit,
    payload ->> 'subject' as subject,
    payload ->> 'period' as period,
    nullif(payload -> 'breakdown', 'null'::jsonb) as breakdown,
    (payload ->> 'breakdown_complete')::boolean as breakdown_complete,
    quote,
    start_offset,
    end_offset,
    published_date,
    article_url,
    loaded_at,
    {{ figure_scope('article_text', 'start_offset', 'source') }} as scope
from {{ ref('int_mentions_current') }}
where mention_type = 'figure'
