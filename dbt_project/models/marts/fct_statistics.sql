-- Grain: one row per reported statistic — (scope, acting body, kind, subject class, period, part) — however many
-- outlets and articles reported it. `part` is null for a total, else the discipline form (from the total's
-- breakdown) or the part's label (a sub-group, a programme …), and `part_of` is then the total's statistic_id,
-- so a total is never added to its parts. A statistic whose article states no period is identified by its story
-- (fct_story_links): the same story in several outlets is one statistic, two stories are two.
-- `value` is the value most stories report (ties: most outlets, then the larger); `conflict` when reports
-- disagree, with every value kept in `reported_values` and every mention in `figure_ids`.
with

figures as (
    select
        f.figure_id,
        f.article_id,
        f.source,
        f.scope,
        f.body,
        f.kind,
        f.subject_class,
        f.period_key,
        f.value,
        f.breakdown,
        f.part_of,
        f.part,
        f.published_date,
        f.loaded_at,
        coalesce(l.story_id, f.article_id) as story_id
    from {{ ref('fct_figures') }} as f
    left join {{ ref('fct_story_links') }} as l on f.article_id = l.article_id
    where f.kind in ({{ "'" ~ statistic_kinds() | join("', '") ~ "'" }})
),

totals as (
    select
        figure_id,
        figure_id as total_figure_id,
        article_id,
        story_id,
        source,
        scope,
        body,
        kind,
        subject_class,
        period_key,
        null::text as part,
        value,
        published_date,
        loaded_at
    from figures
    where part_of is null
),

form_parts as (
    select
        t.figure_id,
        t.total_figure_id,
        t.article_id,
        t.story_id,
        t.source,
        t.scope,
        t.body,
        t.kind,
        t.subject_class,
        t.period_key,
        b.form as part,
        b.form_count::numeric as value,
        t.published_date,
        t.loaded_at
    from totals as t
    inner join figures as f on t.figure_id = f.figure_id
    cross join lateral jsonb_each_text(f.breakdown) as b (form, form_count)
    where f.breakdown is not null
),

part_rows as (
    -- a part takes its total's grain: it is the total's scope, body, kind, subject and period, split
    select
        p.figure_id,
        t.figure_id as total_figure_id,
        p.article_id,
        t.story_id,
        p.source,
        t.scope,
        t.body,
        t.kind,
        t.subject_class,
        t.period_key,
        coalesce(p.part, p.subject_class, p.kind) as part,
        p.value,
        p.published_date,
        p.loaded_at
    from figures as p
    inner join figures as t on p.part_of = t.figure_id
),

reports as (
    select
        r.*,
        md5(concat_ws(
            '|', r.scope, coalesce(r.body, ''), r.kind, coalesce(r.subject_class, ''),
            coalesce(r.period_key, 'story:' || r.story_id), coalesce(r.part, '')
        )) as statistic_id,
        md5(concat_ws(
            '|', r.scope, coalesce(r.body, ''), r.kind, coalesce(r.subject_class, ''),
            coalesce(r.period_key, 'story:' || r.story_id), ''
        )) as total_statistic_id
    from (
        select * from totals
        union all
        select * from form_parts
        union all
        select * from part_rows
    ) as r
),

per_value as (
    select
        statistic_id,
        value,
        count(distinct story_id) as stories,
        count(distinct source) as outlets_reporting
    from reports
    where value is not null
    group by statistic_id, value
),

consensus as (
    select distinct on (statistic_id)
        statistic_id,
        value
    from per_value
    order by statistic_id asc, stories desc, outlets_reporting desc, value desc
)

select
    r.statistic_id,
    r.scope,
    r.body,
    r.kind,
    r.subject_class as subject,
    r.period_key,
    min(r.story_id) filter (where r.period_key is null) as story_id,
    r.part,
    case when r.part is not null then r.total_statistic_id end as part_of,
    c.value,
    array_agg(distinct r.value order by r.value) filter (where r.value is not null) as reported_values,
    array_agg(distinct r.source order by r.source) as outlets,
    array_agg(distinct r.article_id order by r.article_id) as article_ids,
    array_agg(distinct r.figure_id order by r.figure_id) as figure_ids,
    count(distinct r.value) > 1 as conflict,
    count(distinct r.story_id) as stories,
    min(r.published_date) as first_reported,
    max(r.published_date) as last_reported,
    max(r.loaded_at) as loaded_at
from reports as r
left join consensus as c on r.statistic_id = c.statistic_id
group by r.statistic_id, r.scope, r.body, r.kind, r.subject_class, r.period_key, r.part, r.total_statistic_id, c.value
