{{
    config(
        materialized='table',
        indexes=[{'columns': ['article_id']}, {'columns': ['page_id']}]
    )
}}
-- One article per canonical URL: the parse of the most recently fetched page version wins. `loaded_at` is when
-- its current version last changed (fetched, parsed or extracted): the watermark the incremental facts use.
with extraction as (
    select
        page_id,
        parser_version,
        max(extracted_at) as extracted_at
    from {{ ref('stg_extracted__extractions') }}
    group by page_id, parser_version
),

versions as (
    select distinct on (a.canonical_url)
        a.*,
        p.fetched_at
    from {{ ref('stg_extracted__articles') }} as a
    inner join {{ ref('stg_raw__pages') }} as p on a.page_id = p.page_id
    order by a.canonical_url asc, p.fetched_at desc, a.page_id desc
)

select
    md5(v.canonical_url) as article_id,
    v.page_id,
    v.parser_version,
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
    greatest(v.fetched_at, v.parsed_at, e.extracted_at) as loaded_at
from versions as v
left join extraction as e on v.page_id = e.page_id and v.parser_version = e.parser_version
