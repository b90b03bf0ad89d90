-- Grain: one row per discipline figure × form. A figure reported without a breakdown has one row with a null form.
-- depends_on: {{ ref('int_articles_deduplicated') }}  (read by the incremental post-hook)
with discipline as (
    select *
    from {{ ref('fct_figures') }}
    where
        kind in ('discipline_party_members', 'discipline_party_orgs')
        {{ changed_articles_only(keyword='and') }}
),

forms as (
    select
        d.figure_id,
        b.key as form,
        b.value::numeric as form_count
    from discipline as d
    cross join lateral jsonb_each_text(d.breakdown) as b
    where d.breakdown is not null
)

select
    d.figure_id,
    d.article_id,
    d.source,
    case d.kind when 'discipline_party_members' then 'party_members' else 'party_organisations' end as subject,
    f.form,
    f.form_count,
    d.value as total,
    coalesce(d.breakdown_complete, false) as breakdown_complete,
    d.period,
    d.published_date,
    d.quote,
    d.article_url,
    d.loaded_at
from discipline as d
left join forms as f on d.figure_id = f.figure_id
