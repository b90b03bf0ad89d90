{{
    config(
        materialized='incremental',
        unique_key='article_id',
        incremental_strategy='delete+insert',
        on_schema_change='append_new_columns',
        indexes=[{'columns': ['article_id'], 'unique': True}],
        post_hook=["{{ drop_vanished_articles() }}", "{{ analyze_after_rebuild() }}"]
    )
}}
-- depends_on: {{ ref('stg_extracted__article_versions') }}  (read by incremental runs only)
-- Grain: one row per article, with the articles from other outlets that report the same story (syndicated or
-- rewritten copies): published within 3 days of it and sharing at least 3 identical figures (kind, value,
-- denominator, period). `story_id` is the smallest article id among the article and its copies.
-- Incrementally, only the rows of changed articles, of the articles they now share figures with and of the ones
-- they were linked to before are recomputed.
with

{% if is_incremental() %}
    changed as (
        select
            article_id,
            published_date
        from {{ ref('int_articles_deduplicated') }}
        {{ changed_articles_only() }}
        union all
        -- an article that no longer exists: its former copies must drop it (its own row goes in the post-hook)
        select
            vanished.article_id,
            null::date as published_date
        from ({{ vanished_article_ids(incremental_watermark()) }}) as vanished
    ),

    -- links are symmetric (the same shared figures counted from either side), so the articles a changed article
    -- was linked to are the copies listed on its own previous row: no scan of every row's copy list
    previous_partners as (
        select
            partner.article_id,
            partner.published_date
        from {{ this }} as previous
        cross join unnest(previous.copy_article_ids) as copy_of (article_id)
        inner join {{ this }} as partner on copy_of.article_id = partner.article_id
        where previous.article_id in (select changed.article_id from changed)
    ),

    -- the only days whose figures can matter: a changed article's copies are within 3 days of it and their own
    -- copies within 3 more; a former copy's within 3 days of that copy
    window_days as (
        select distinct changed.published_date + window_day.offset_days as window_date
        from changed cross join generate_series(-6, 6) as window_day (offset_days)
        union
        select previous_partners.published_date + window_day.offset_days as window_date
        from previous_partners cross join generate_series(-3, 3) as window_day (offset_days)
    ),
{% endif %}

figure_keys as (
    select distinct
        article_id,
        source,
        published_date,
        concat_ws('|', kind, value, denominator, coalesce(period, '')) as figure_key
    from {{ ref('fct_figures') }}
    where
        value is not null and published_date is not null
        {% if is_incremental() %}
            -- as an array, so that the planner reads the published_date index for these few days
            and published_date = any(array(select window_days.window_date from window_days))
        {% endif %}
),

{% if is_incremental() %}
    affected as (
        select changed.article_id from changed
        union
        select b.article_id
        from figure_keys as a
        {{ figure_band_join('figure_keys', 'a', 'b') }}
        where a.article_id in (select changed.article_id from changed)
        union
        select previous_partners.article_id from previous_partners
    ),
{% endif %}

pairs as (
    select
        a.article_id,
        b.article_id as copy_article_id,
        b.source as copy_source,
        count(*) as shared_figures
    from figure_keys as a
    {{ figure_band_join('figure_keys', 'a', 'b') }}
    {% if is_incremental() %}
        where a.article_id in (select affected.article_id from affected)
    {% endif %}
    group by a.article_id, b.article_id, b.source
    having count(*) >= 3
)

select
    art.article_id,
    art.source,
    art.published_date,
    least(art.article_id, min(p.copy_article_id)) as story_id,
    count(p.copy_article_id) as copy_count,
    coalesce(
        array_agg(p.copy_article_id order by p.copy_article_id) filter (where p.copy_article_id is not null),
        '{}'
    ) as copy_article_ids,
    coalesce(
        array_agg(distinct p.copy_source order by p.copy_source) filter (where p.copy_source is not null), '{}'
    ) as copy_sources,
    coalesce(max(p.shared_figures), 0) as shared_figures,
    art.loaded_at
from {{ ref('int_articles_deduplicated') }} as art
left join pairs as p on art.article_id = p.article_id
{% if is_incremental() %}
    where art.article_id in (select affected.article_id from affected)
{% endif %}
group by art.article_id, art.source, art.published_date, art.loaded_at
