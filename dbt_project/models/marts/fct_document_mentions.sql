-- Grain: one row per document reference in a current article version.
select
    mention_id as document_mention_id,
    article_id,
    source,
    payload ->> 'code' as document_code,
    payload ->> 'doc_type' as doc_type,
    split_part(payload ->> 'code', '/', 2) as issuer,
    quote,
    start_offset,
    end_offset,
    published_date
from {{ ref('int_mentions_current') }}
where mention_type = 'document'
