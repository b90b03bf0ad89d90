-- One row per discipline figure × form ('total' included), with its period normalised to a key.
with figures as (
    select
        figure_id,
        article_id,
        source,
        scope,
        case kind when 'discipline_party_members' then 'party_members' else 'party_organisations' end as subject,
        value,
        breakdown,
        period_key,
        period as period_text,
        published_date,
        quote,
        article_url
    from {{ ref('fct_figures') }}
    where kind in ('discipline_party_members', 'discipline_party_orgs')
),

totals as (
    select
        figure_id,
        article_id,
        source,
        scope,
        subject,
        period_key,
        period_text,
        published_date,
        quote,
        article_url,
        'total' as form,
        value as reported_value
    from figures
    where value is not null
),

forms as (
    select
        f.figure_id,
        f.article_id,
        f.source,
        f.scope,
        f.subject,
        f.period_key,
        f.period_text,
        f.published_date,
        f.quote,
        f.article_url,
        b.key as form,
        b.value::numeric as reported_value
    from figures as f
    cross join lateral jsonb_each_text(f.breakdown) as b
    where f.breakdown is not null
)

select * from totals
union all
select * from forms
