
  
    

  create  table "hanoi_test_deed8b2948"."marts"."dim_dates__dbt_tmp"
  
  
    as
  
  (
    -- Grain: one row per calendar day from the earliest to the latest article (at least the current year), with the
-- reporting-period keys used by fct_figures.period_key and fct_statistics (2022-H1, 2019-Q3, 2019-M09).
with bounds as (
    select
        least(min(published_date), date_trunc('year', current_date)::date) as first_day,
        greatest(max(published_date), current_date) as last_day
    from "hanoi_test_deed8b2948"."intermediate"."int_articles_deduplicated"
)

select
    d::date as date_day,
    extract(year from d)::int as year,
    extract(month from d)::int as month,
    extract(quarter from d)::int as quarter,
    extract(year from d)::int || '-' || case when extract(month from d) <= 6 then 'H1' else 'H2' end as half_key,
    extract(year from d)::int || '-Q' || extract(quarter from d)::int as quarter_key,
    extract(year from d)::int || '-M' || lpad(extract(month from d)::int::text, 2, '0') as month_to_date_key,
    extract(isodow from d)::int as iso_day_of_week
from bounds, generate_series(bounds.first_day, bounds.last_day, interval '1 day') as d  -- noqa: RF03
  );
  