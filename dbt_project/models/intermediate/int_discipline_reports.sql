{{
    config(
        materialized='incremental',
        unique_key='article_id',
        incremental_strategy='delete+insert',
        on_schema_change='append_new_columns',
        indexes=[{'columns': ['article_id']}],
        post_hook=[
            "{{ drop_superseded_rows() }}", "{{ drop_vanished_articles() }}", "{{ analyze_after_rebuild() }}"
        ]
    )
}}
-- depends_on: {{ ref('int_articles_deduplicated') }}  (read by the incremental post-hook)
-- depends_on: {{ ref('stg_extracted__article_versions') }}  (read by the incremental post-hook)
-- One row per discipline figure × form ('total' included), with its period normalised to a key: the narrow table
-- discipline_by_period aggregates (no quotes, no JSON), kept per changed article like the facts.
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
        published_date,
        loaded_at
    from {{ ref('fct_figures') }}
    where
        kind in ('discipline_party_members', 'discipline_party_orgs')
        {{ changed_articles_only(keyword='and') }}
),

totals as (
    select
        figure_id,
        article_id,
        source,
        scope,
        subject,
        period_key,
        published_date,
        loaded_at,
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
        f.published_date,
        f.loaded_at,
        b.key as form,
        b.value::numeric as reported_value
    from figures as f
    cross join lateral jsonb_each_text(f.breakdown) as b
    where f.breakdown is not null
)

select * from totals
union all
select * from forms
