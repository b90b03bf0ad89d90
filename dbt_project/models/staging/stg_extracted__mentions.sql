-- Mentions of the latest extractor run over the latest parse of each page.
with latest_run as (
    select
        page_id,
        parser_version,
        extractor_version,
        row_number() over (
            partition by page_id, parser_version order by max(extracted_at) desc, extractor_version desc
        ) as recency
    from {{ source('extracted', 'mentions') }}
    group by page_id, parser_version, extractor_version
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
    m.end_offset
from {{ source('extracted', 'mentions') }} as m
inner join latest_run as r
    on
        m.page_id = r.page_id
        and m.parser_version = r.parser_version
        and m.extractor_version = r.extractor_version
        and r.recency = 1
