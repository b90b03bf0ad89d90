
  create view "hanoi_test_deed8b2948"."marts"."discipline_by_period__dbt_tmp"
    
    
  as (
    
-- Party discipline per reporting period and form, as analysts have queried it: a view over fct_statistics, which
-- alone decides what "the same statistic" is. form 'total' is the reported total; figures without a period are
-- left out.
select
    statistic_id as discipline_period_id,
    scope,
    body,
    period_key,
    case kind when 'discipline_party_members' then 'party_members' else 'party_organisations' end as subject,
    coalesce(part, 'total') as form,
    value,
    cardinality(outlets) as outlets,
    cardinality(article_ids) as articles,
    conflict,
    reported_values,
    outlets as sources,
    first_reported,
    last_reported,
    loaded_at
from "hanoi_test_deed8b2948"."marts"."fct_statistics"
where
    kind in ('discipline_party_members', 'discipline_party_orgs')
    and period_key is not null
    and (part is null or part in ('khiển trách', 'cảnh cáo', 'cách chức', 'khai trừ', 'giải tán'))
  );