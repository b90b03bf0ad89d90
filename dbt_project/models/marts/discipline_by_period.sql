-- Grain: one row per reported discipline figure (scope, period, subject, form) deduplicated across outlets,
-- with how many outlets reported it and whether they disagree. Figures without a period are left out.
with reports as (
    select *
    from {{ ref('int_discipline_reports') }}
    where period_key is not null
),

per_value as (
    select
        scope,
        period_key,
        subject,
        form,
        reported_value,
        count(distinct source) as outlets_with_value
    from reports
    group by scope, period_key, subject, form, reported_value
),

ranked as (
    select
        *,
        row_number() over (
            partition by scope, period_key, subject, form order by outlets_with_value desc, reported_value desc
        ) as rank_in_group
    from per_value
)

select
    md5(r.scope || '|' || r.period_key || '|' || r.subject || '|' || r.form) as discipline_period_id,
    r.scope,
    r.period_key,
    r.subject,
    r.form,
    top_report.reported_value as value,
    count(distinct r.source) as outlets,
    count(distinct r.article_id) as articles,
    count(distinct r.reported_value) > 1 as conflict,
    array_agg(distinct r.reported_value order by r.reported_value) as reported_values,
    array_agg(distinct r.source order by r.source) as sources,
    min(r.published_date) as first_reported,
    max(r.published_date) as last_reported
from reports as r
inner join ranked as top_report
    on
        r.scope = top_report.scope
        and r.period_key = top_report.period_key
        and r.subject = top_report.subject
        and r.form = top_report.form
        and top_report.rank_in_group = 1
group by r.scope, r.period_key, r.subject, r.form, top_report.reported_value
