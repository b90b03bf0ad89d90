
  create view "hanoi_test_deed8b2948"."staging"."stg_extracted__extractions__dbt_tmp"
    
    
  as (
    -- Grain: one extractor run over one parse of a page, including runs that found nothing.
select
    page_id,
    parser_version,
    extractor_version,
    mentions as mention_count,
    extracted_at
from "hanoi_test_deed8b2948"."extracted"."extractions"
  );