-- Mentions of the latest extractor run over each parse of a page. The latest run is read from
-- extracted.extractions (one row per run) rather than by grouping the much larger mentions table.
with latest_run as (
    select distinct on (page_id, parser_version)
        page_id,
        parser_version,
        extractor_version,
        extracted_at
    from {{ ref('stg_extracted__extractions') }}
    order by page_id asc, parser_version asc, extracted_at desc, extractor_version desc
)

select
    md5(m.page_id::text || '|' || m.parser_version || '|' || m.extractor_version || '|' || m.seq::text) as mention_id,
    m.page_id,
    m.parser_version,
    m.extractor_version,
    m.seq,
    m.type as mention_type,
    m.payload,
    m.quote,
    m.start_offset,
    m.end_offset,
    r.extracted_at
from {{ source('extracted', 'mentions') }} as m
inner join latest_run as r
    on
        m.page_id = r.page_id
        and m.parser_version = r.parser_version
        and m.extractor_version = r.extractor_version
