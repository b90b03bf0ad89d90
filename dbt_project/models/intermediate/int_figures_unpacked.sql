-- Figure mentions of current article versions, with the JSON payload typed into columns. Scope, acting body and
-- period key are computed by the extractor, where the text and offsets are; a part's `part_of` (the extractor's
-- id of its total within the article) becomes the total's figure_id.
select
    f.mention_id as figure_id,
    f.article_id,
    f.page_id,
    f.source,
    f.extractor_version,
    f.payload ->> 'kind' as kind,
    (f.payload ->> 'value')::numeric as value,
    (f.payload ->> 'denominator')::numeric as denominator,
    f.payload ->> 'qualifier' as qualifier,
    (f.payload -> 'range' ->> 0)::numeric as range_min,
    (f.payload -> 'range' ->> 1)::numeric as range_max,
    f.payload ->> 'unit' as unit,
    f.payload ->> 'subject' as subject,
    f.payload ->> 'subject_class' as subject_class,
    f.payload ->> 'period' as period,
    f.payload ->> 'period_key' as period_key,
    nullif(f.payload -> 'breakdown', 'null'::jsonb) as breakdown,
    (f.payload ->> 'breakdown_complete')::boolean as breakdown_complete,
    (
        select total.mention_id
        from {{ ref('stg_extracted__mentions') }} as total
        where
            total.page_id = f.page_id
            and total.parser_version = f.parser_version
            and total.extractor_version = f.extractor_version
            and total.mention_type = 'figure'
            and total.payload ->> 'id' = f.payload ->> 'part_of'
    ) as part_of,
    f.payload ->> 'part' as part,
    f.payload ->> 'category' as category,
    f.payload ->> 'category_key' as category_key,
    (f.payload ->> 'share')::numeric as share_percent,
    f.payload ->> 'direction' as direction,
    f.payload ->> 'base' as change_base,
    coalesce(f.payload ->> 'scope', 'Hà Nội') as scope,
    f.payload ->> 'body' as body,
    f.quote,
    f.start_offset,
    f.end_offset,
    f.published_date,
    f.article_url,
    f.loaded_at
from {{ ref('int_mentions_current') }} as f
where f.mention_type = 'figure'
