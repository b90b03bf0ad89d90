-- Grain: one row per extracted figure, with its exact quote and offsets into the article text (provenance).
-- depends_on: {{ ref('int_articles_deduplicated') }}  (read by the incremental post-hook)
-- depends_on: {{ ref('stg_extracted__article_versions') }}  (read by the incremental post-hook)
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
    f.subject_class,
    f.period,
    f.period_key,
    f.breakdown,
    f.breakdown_complete,
    f.part_of,
    f.part,
    f.category,
    f.category_key,
    f.share_percent,
    f.direction,
    f.change_base,
    f.body,
    f.quote,
    f.start_offset,
    f.end_offset,
    f.published_date,
    f.extractor_version,
    f.article_url,
    f.loaded_at
from {{ ref('int_figures_unpacked') }} as f
{{ changed_articles_only('f') }}
