
  create view "hanoi_test_deed8b2948"."staging"."stg_raw__fetches__dbt_tmp"
    
    
  as (
    select
    id as fetch_id,
    run_id,
    source,
    url,
    kind as fetch_kind,
    status as http_status,
    error,
    error is null as succeeded,
    elapsed_ms,
    bytes,
    page_id,
    attempted_at
from "hanoi_test_deed8b2948"."raw"."fetches"
  );