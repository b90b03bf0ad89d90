{{
    config(
        materialized='incremental',
        unique_key='discipline_period_id',
        incremental_strategy='delete+insert',
        on_schema_change='append_new_columns',
        post_hook=["{{ drop_vanished_discipline_periods() }}", "{{ analyze_after_rebuild() }}"]
    )
}}
-- Grain: one row per reported discipline figure (scope, period, subject, form) deduplicated across outlets,
-- with how many outlets reported it and whether they disagree. Figures without a period are left out.
-- Incrementally, only the groups with a report from a changed article, or whose number of reports changed (an
-- article stopped reporting them), are recomputed; a group no article reports any more is dropped by the post-hook.
{% if is_incremental() %}
    {% set watermark = incremental_watermark() %}
{% endif %}

with

{% if is_incremental() %}
    current_counts as (
        select
            scope,
            period_key,
            subject,
            form,
            count(*) as report_count,
            max(loaded_at) as loaded_at
        from {{ ref('int_discipline_reports') }}
        where period_key is not null
        group by scope, period_key, subject, form
    ),

    affected_groups as (
        select
            c.scope,
            c.period_key,
            c.subject,
            c.form
        from current_counts as c
        left join {{ this }} as previous
            on
                c.scope = previous.scope
                and c.period_key = previous.period_key
                and c.subject = previous.subject
                and c.form = previous.form
        where
            c.loaded_at > {{ watermark }}
            or previous.report_count is null
            or previous.report_count <> c.report_count
    ),
{% endif %}

reports as (
    select *
    from {{ ref('int_discipline_reports') }}
    where
        period_key is not null
        {% if is_incremental() %}
            and (scope, period_key, subject, form) in (
                select
                    affected_groups.scope,
                    affected_groups.period_key,
                    affected_groups.subject,
                    affected_groups.form
                from affected_groups
            )
        {% endif %}
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
    max(r.published_date) as last_reported,
    count(*) as report_count,
    max(r.loaded_at) as loaded_at
from reports as r
inner join ranked as top_report
    on
        r.scope = top_report.scope
        and r.period_key = top_report.period_key
        and r.subject = top_report.subject
        and r.form = top_report.form
        and top_report.rank_in_group = 1
group by r.scope, r.period_key, r.subject, r.form, top_report.reported_value
