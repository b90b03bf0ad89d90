
  create view "hanoi_test_deed8b2948"."staging"."stg_extracted__articles__dbt_tmp"
    
    
  as (
    -- The latest parse of each stored page (the most recent parser version that ran on it). DISTINCT ON rather than
-- row_number() = 1: the planner estimates its row count from column statistics instead of guessing 0.5 %,
-- which at 10k+ articles turned the joins downstream into nested loops over whole views.
with ranked as (
    select distinct on (page_id) *
    from "hanoi_test_deed8b2948"."extracted"."articles"
    order by page_id asc, parsed_at desc, parser_version desc
)

select
    page_id,
    parser_version,
    source,
    url,
    btrim(canonical_url) as canonical_url,
    layout,
    btrim(regexp_replace(title, '\s+', ' ', 'g')) as title,
    btrim(sapo) as sapo,
    body,
    text as article_text,
    jsonb_array_length(paragraphs) as paragraph_count,
    published_at,
    (published_at at time zone 'Asia/Ho_Chi_Minh')::date as published_date,
    nullif(btrim(author), '') as author,
    nullif(btrim(category), '') as category,
    tags,
    is_relevant,
    parsed_at
from ranked
  );