-- Grain: one row per extracted figure, with its exact quote and offsets into the article text (provenance).
select
    f.figure_id,
    f.article_id,
    f.page_id,
    f.source,
    f.scope,
    f.kind,
    f.value,
    f.denominator,
    f.qualifier,
    f.range_min,
    f.range_max,
    f.unit,
    f.subject,
    f.period,
    {{ normalise_period('f.period', 'f.published_date') }} as period_key,
    f.breakdown,
    f.breakdown_complete,
    f.quote,
    f.start_offset,
    f.end_offset,
    f.published_date,
    f.extractor_version,
    a.canonical_url as article_url
from {{ ref('int_figures_unpacked') }} as f
inner join {{ ref('int_articles_deduplicated') }} as a on f.article_id = a.article_id
