-- Grain: one row per discipline figure × form. A figure reported without a breakdown has one row with a null form.
-- depends_on: "hanoi_test_deed8b2948"."intermediate"."int_articles_deduplicated"  (read by the incremental post-hook)
-- depends_on: "hanoi_test_deed8b2948"."staging"."stg_extracted__article_versions"  (read by the incremental post-hook)
with discipline as (
    select *
    from "hanoi_test_deed8b2948"."marts"."fct_figures"
    where
        kind in ('discipline_party_members', 'discipline_party_orgs')
        

)

select
    d.figure_id,
    d.article_id,
    d.source,
    case d.kind when 'discipline_party_members' then 'party_members' else 'party_organisations' end as subject,
    f.form,
    f.form_count::numeric as form_count,
    d.value as total,
    coalesce(d.breakdown_complete, false) as breakdown_complete,
    d.period,
    d.published_date,
    d.quote,
    d.article_url,
    d.loaded_at
from discipline as d
-- one row per form of the breakdown; a figure without one keeps a single row with a null form
left join lateral jsonb_each_text(d.breakdown) as f (form, form_count) on true