
      
  
    

  create  table "hanoi_test_deed8b2948"."marts"."fct_statistics"
  
  
    as
  
  (
    
-- depends_on: "hanoi_test_deed8b2948"."intermediate"."int_articles_deduplicated"  (read by the incremental pre-hook)
-- depends_on: "hanoi_test_deed8b2948"."staging"."stg_extracted__article_versions"  (read by the incremental pre-hook)
-- Grain: one row per reported statistic — (scope, acting body, kind, subject class, period, part) — however many
-- outlets and articles reported it (int_statistic_reports decides the grain). A statistic whose articles state no
-- period is identified by its story (fct_story_links): the same story in several outlets is one statistic, two
-- stories are two. `part` is null for a total, else the form or the part's label, and `part_of` is the total's
-- statistic_id, so a total is never added to its parts. `value` is what most stories report (ties: most outlets,
-- then the larger); `conflict` when reports disagree, every value in `reported_values`, every mention in
-- `figure_ids`.
-- Incrementally, the pre-hook (mark_affected_statistics) lists the grains and stories a run affects and drops their
-- statistics; they are rebuilt here from all their reports.
with

reports as (
    select
        r.*,
        coalesce(l.story_id, r.article_id) as story_id
    from "hanoi_test_deed8b2948"."intermediate"."int_statistic_reports" as r
    left join "hanoi_test_deed8b2948"."marts"."fct_story_links" as l on r.article_id = l.article_id
    
),

keyed as (
    select
        *,
        -- a statistic with no stated period is its story's
        case when period_key is null then md5(grain_key || '|story:' || story_id) else grain_key end as statistic_id,
        case
            when period_key is null then md5(total_grain_key || '|story:' || story_id) else total_grain_key
        end as total_statistic_id
    from reports
),

per_value as (
    select
        statistic_id,
        value,
        count(distinct story_id) as stories,
        count(distinct source) as outlets_reporting
    from keyed
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
    k.statistic_id,
    k.scope,
    k.body,
    k.kind,
    k.subject_class as subject,
    k.period_key,
    min(k.story_id) filter (where k.period_key is null) as story_id,
    k.part,
    case when k.part is not null then k.total_statistic_id end as part_of,
    c.value,
    array_agg(distinct k.value order by k.value) filter (where k.value is not null) as reported_values,
    array_agg(distinct k.source order by k.source) as outlets,
    array_agg(distinct k.article_id order by k.article_id) as article_ids,
    array_agg(distinct k.figure_id order by k.figure_id) as figure_ids,
    count(distinct k.value) > 1 as conflict,
    count(distinct k.story_id) as stories,
    min(k.published_date) as first_reported,
    max(k.published_date) as last_reported,
    max(k.loaded_at) as loaded_at
from keyed as k
left join consensus as c on k.statistic_id = c.statistic_id
group by k.statistic_id, k.scope, k.body, k.kind, k.subject_class, k.period_key, k.part, k.total_statistic_id, c.value
  );
  
  