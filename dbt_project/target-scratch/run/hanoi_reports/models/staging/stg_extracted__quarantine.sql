
  create view "hanoi_test_deed8b2948"."staging"."stg_extracted__quarantine__dbt_tmp"
    
    
  as (
    select
    page_id,
    parser_version,
    source,
    url,
    reason,
    quarantined_at
from "hanoi_test_deed8b2948"."extracted"."quarantine"
  );