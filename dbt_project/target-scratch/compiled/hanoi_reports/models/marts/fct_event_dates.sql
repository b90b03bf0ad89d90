-- Grain: one row per event date named in a current article version ("Sáng 13/7" resolved against publication).
-- depends_on: "hanoi_test_deed8b2948"."intermediate"."int_articles_deduplicated"  (read by the incremental post-hook)
-- depends_on: "hanoi_test_deed8b2948"."staging"."stg_extracted__article_versions"  (read by the incremental post-hook)
select
    mention_id as event_date_id,
    article_id,
    source,
    (payload ->> 'date')::date as event_date,
    published_date,
    published_date - (payload ->> 'date')::date as days_before_publication,
    quote,
    start_offset,
    end_offset,
    loaded_at
from "hanoi_test_deed8b2948"."intermediate"."int_mentions_current"
where
    mention_type = 'event_date'
    
