
  
    

  create  table "hanoi_test_deed8b2948"."marts"."dim_sources__dbt_tmp"
  
  
    as
  
  (
    -- Grain: one row per configured source, with what the archive holds for it.
with pages as (
    select
        source,
        count(*) filter (where page_kind = 'article') as article_pages,
        max(fetched_at) as last_page_fetched_at
    from "hanoi_test_deed8b2948"."staging"."stg_raw__pages"
    group by source
),

fetches as (
    select
        source,
        max(attempted_at) filter (where succeeded) as last_successful_fetch_at,
        count(*) filter (where not succeeded) as failed_fetches,
        count(*) as fetches
    from "hanoi_test_deed8b2948"."staging"."stg_raw__fetches"
    group by source
),

quarantine as (
    select
        source,
        count(*) as quarantined_pages
    from "hanoi_test_deed8b2948"."staging"."stg_extracted__quarantine"
    group by source
)

select
    s.source,
    s.domain,
    s.outlet,
    s.outlet_type,
    s.owner,
    coalesce(p.article_pages, 0) as article_pages,
    coalesce(q.quarantined_pages, 0) as quarantined_pages,
    coalesce(f.fetches, 0) as fetches,
    coalesce(f.failed_fetches, 0) as failed_fetches,
    p.last_page_fetched_at,
    f.last_successful_fetch_at
from "hanoi_test_deed8b2948"."marts"."source_sites" as s
left join pages as p on s.source = p.source
left join fetches as f on s.source = f.source
left join quarantine as q on s.source = q.source
  );
  