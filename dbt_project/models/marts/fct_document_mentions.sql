-- Grain: one row per document reference in a current article version.
select
    m.mention_id as document_mention_id,
    a.article_id,
    a.source,
    m.payload ->> 'code' as document_code,
    m.payload ->> 'doc_type' as doc_type,
    split_part(m.payload ->> 'code', '/', 2) as issuer,
    m.quote,
    m.start_offset,
    m.end_offset,
    a.published_date
from {{ ref('stg_extracted__mentions') }} as m
inner join {{ ref('int_articles_deduplicated') }} as a on m.page_id = a.page_id
where m.mention_type = 'document'
