
  create view "hanoi_test_deed8b2948"."staging"."stg_extracted__mentions__dbt_tmp"
    
    
  as (
    -- Every mention of every extractor run over every parse of a page. Which run is current is decided once, per
-- article, in int_articles_deduplicated: joining the mentions to a "latest run" subquery here on three columns made
-- the planner estimate one row where there were 70 000 and scan all mentions for every incremental run.
select
    md5(page_id::text || '|' || parser_version || '|' || extractor_version || '|' || seq::text) as mention_id,
    page_id,
    parser_version,
    extractor_version,
    seq,
    type as mention_type,
    payload,
    quote,
    start_offset,
    end_offset
from "hanoi_test_deed8b2948"."extracted"."mentions"
  );