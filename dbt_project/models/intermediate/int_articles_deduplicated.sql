{{
    config(
        materialized='incremental',
        unique_key='article_id',
        incremental_strategy='delete+insert',
        on_schema_change='append_new_columns',
        indexes=[{'columns': ['article_id']}, {'columns': ['page_id']}, {'columns': ['loaded_at']}],
        post_hook=["{{ drop_vanished_articles() }}", "analyze {{ this }} (article_id, page_id, loaded_at)"]
    )
}}
-- One article per canonical URL: the parse of the most recently fetched page version wins, with the latest
-- extractor run over that parse. `loaded_at` is when its current version last changed (fetched, parsed or
-- extracted): the watermark the incremental facts use. Incrementally, only the canonical URLs with a page, parse
-- or extractor run newer than the table's watermark are recomputed; `--full-refresh` recomputes all.
-- The post-hook's ANALYZE gives the planner loaded_at's distribution, so the facts' "changed since" filter reads
-- the loaded_at index instead of joining every mention.
-- depends_on: {{ ref('stg_extracted__article_versions') }}  (read only by incremental runs)
{% if is_incremental() %}
    {% set watermark = incremental_watermark() %}
{% endif %}

with

{% if is_incremental() %}
    -- pages with a fetch, parse or extractor run after the watermark (each read through its timestamp index),
    -- then every page version sharing their canonical URLs
    changed_pages as (
        select p.page_id from {{ ref('stg_raw__pages') }} as p
        where p.fetched_at > {{ watermark }}
        union
        select v.page_id from {{ ref('stg_extracted__article_versions') }} as v
        where v.parsed_at > {{ watermark }}
        union
        select e.page_id from {{ ref('stg_extracted__extractions') }} as e
        where e.extracted_at > {{ watermark }}
    ),

    changed_urls as (
        select distinct v.canonical_url
        from {{ ref('stg_extracted__article_versions') }} as v
        where v.page_id in (select changed_pages.page_id from changed_pages)
    ),

    candidate_pages as (
        select distinct v.page_id
        from {{ ref('stg_extracted__article_versions') }} as v
        where v.canonical_url in (select changed_urls.canonical_url from changed_urls)
    ),
{% endif %}

latest_run as (
    select distinct on (page_id, parser_version)
        page_id,
        parser_version,
        extractor_version,
        extracted_at
    from {{ ref('stg_extracted__extractions') }}
    {% if is_incremental() %}
        where page_id in (select candidate_pages.page_id from candidate_pages)
    {% endif %}
    order by page_id asc, parser_version asc, extracted_at desc, extractor_version desc
),

versions as (
    select distinct on (a.canonical_url)
        a.*,
        p.fetched_at
    from {{ ref('stg_extracted__articles') }} as a
    inner join {{ ref('stg_raw__pages') }} as p on a.page_id = p.page_id
    {% if is_incremental() %}
        -- page_id is the view's DISTINCT ON key, so a condition on it is pushed down to the view's index scan; as
        -- `in (select …)` it was a semi-join above the view, which cleaned the title of all 100k articles first
        where a.page_id = any(array(select candidate_pages.page_id from candidate_pages))
    {% endif %}
    order by a.canonical_url asc, p.fetched_at desc, a.page_id desc
)

select
    md5(v.canonical_url) as article_id,
    v.page_id,
    v.parser_version,
    r.extractor_version,
    v.source,
    v.url,
    v.canonical_url,
    v.layout,
    v.title,
    v.sapo,
    v.article_text,
    v.paragraph_count,
    v.published_at,
    v.published_date,
    v.author,
    v.category,
    v.is_relevant,
    v.fetched_at,
    greatest(v.fetched_at, v.parsed_at, r.extracted_at) as loaded_at
from versions as v
left join latest_run as r on v.page_id = r.page_id and v.parser_version = r.parser_version
