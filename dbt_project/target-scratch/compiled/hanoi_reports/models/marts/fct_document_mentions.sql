-- Grain: one row per document reference in a current article version.
-- depends_on: "hanoi_test_deed8b2948"."intermediate"."int_articles_deduplicated"  (read by the incremental post-hook)
-- depends_on: "hanoi_test_deed8b2948"."staging"."stg_extracted__article_versions"  (read by the incremental post-hook)
select
    mention_id as document_mention_id,
    article_id,
    source,
    payload ->> 'code' as document_code,
    payload ->> 'doc_type' as doc_type,
    -- extractor versions before 2 carried no issuer: fall back to the code's suffix
    coalesce(payload ->> 'issuer', nullif(split_part(payload ->> 'code', '/', 2), '')) as issuer,
    -- uncoded references ("Kết luận số 21") are kept as written and carry is_coded = false
    coalesce((payload ->> 'coded')::boolean, true) as is_coded,
    -- counting these counts citing articles without a count(distinct) over every mention (dim_documents)
    row_number() over (
        partition by article_id, payload ->> 'code' order by start_offset, mention_id
    ) = 1 as is_first_in_article,
    quote,
    start_offset,
    end_offset,
    published_date,
    loaded_at
from "hanoi_test_deed8b2948"."intermediate"."int_mentions_current"
where
    mention_type = 'document'
    
