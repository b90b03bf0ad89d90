-- Mentions of the current version of each article (latest page version, latest parse, latest extractor run),
-- with the article columns every mention fact needs.
select
    m.mention_id,
    m.page_id,
    m.parser_version,
    m.extractor_version,
    m.seq,
    m.mention_type,
    m.payload,
    m.quote,
    m.start_offset,
    m.end_offset,
    a.article_id,
    a.source,
    a.published_date,
    a.canonical_url as article_url,
    a.article_text,
    a.loaded_at
from "hanoi_test_deed8b2948"."intermediate"."int_articles_deduplicated" as a
inner join "hanoi_test_deed8b2948"."staging"."stg_extracted__mentions" as m
    on
        a.page_id = m.page_id
        and a.parser_version = m.parser_version
        and a.extractor_version = m.extractor_version