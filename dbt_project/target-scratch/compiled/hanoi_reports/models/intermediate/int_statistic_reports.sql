
-- depends_on: "hanoi_test_deed8b2948"."intermediate"."int_articles_deduplicated"  (read by the incremental post-hook)
-- depends_on: "hanoi_test_deed8b2948"."staging"."stg_extracted__article_versions"  (read by the incremental post-hook)
-- One row per report of a statistic: every total, every discipline form of its breakdown, and every part row (a
-- sub-group, a programme's share), a part taking its total's grain. The one place that decides what a statistic's
-- grain is (`grain_key`: scope, body, kind, subject, period, part); fct_statistics groups these rows. Kept per
-- changed article like the facts, narrow (no quotes, no JSON).
with

figures as (
    select
        figure_id,
        article_id,
        source,
        scope,
        body,
        kind,
        subject_class,
        period_key,
        value,
        breakdown,
        part_of,
        part,
        published_date,
        loaded_at
    from "hanoi_test_deed8b2948"."marts"."fct_figures"
    where
        kind in ('discipline_party_members', 'discipline_party_orgs', 'inspection', 'supervision', 'violation_found', 'complaints', 'suspension', 'commendation', 'violation_category')
        

),

totals as (
    select
        figure_id,
        article_id,
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
        f.figure_id,
        f.article_id,
        f.source,
        f.scope,
        f.body,
        f.kind,
        f.subject_class,
        f.period_key,
        b.form as part,
        b.form_count::numeric as value,
        f.published_date,
        f.loaded_at
    from figures as f
    cross join lateral jsonb_each_text(f.breakdown) as b (form, form_count)
    where f.part_of is null and f.breakdown is not null
),

part_rows as (
    -- a part takes its total's grain: the total's scope, body, kind, subject and period, split
    select
        p.figure_id,
        p.article_id,
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
    select * from totals
    union all
    select * from form_parts
    union all
    select * from part_rows
)

select
    r.*,
    md5(concat_ws(
        '|', r.scope, coalesce(r.body, ''), r.kind, coalesce(r.subject_class, ''), coalesce(r.period_key, ''),
        coalesce(r.part, '')
    )) as grain_key,
    md5(concat_ws(
        '|', r.scope, coalesce(r.body, ''), r.kind, coalesce(r.subject_class, ''), coalesce(r.period_key, ''), ''
    )) as total_grain_key
from reports as r