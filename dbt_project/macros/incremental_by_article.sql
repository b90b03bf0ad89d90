{#
  Incremental facts are rebuilt per article: a run selects the articles whose current version changed since the
  newest `loaded_at` already in the table, and dbt's delete+insert (unique_key article_id) replaces all their rows.
  A new version that yields no row at all leaves nothing to replace with, so a post-hook drops rows older than
  their article's current version. `dbt build --full-refresh` rebuilds everything from raw.
#}
{% macro changed_articles_only(alias=none, keyword='where') %}
    {%- if is_incremental() %}
        {{ keyword }} {{ alias ~ '.' if alias else '' }}loaded_at > {{ incremental_watermark() }}
    {%- endif %}
{% endmacro %}

{#
  The watermark as a literal, read when the model runs. Written as a subquery (`> (select max(loaded_at) …)`) the
  planner cannot know how few rows pass and, at 10k articles, joined every mention before filtering (0.75 s per
  fact); with the value inlined it reads the few changed articles through the loaded_at index.
#}
{% macro incremental_watermark() %}
    {%- if execute -%}
        {#- kept in the session too, for this model's post-hook (drop_superseded_rows), which runs after the insert
            has moved max(loaded_at) -#}
        {%- set found = run_query(
            "select set_config('hanoi.watermark', coalesce(max(loaded_at), '-infinity'::timestamptz)::text, false)"
            ~ " from " ~ this) -%}
        '{{ found.columns[0].values()[0] }}'::timestamptz
    {%- else -%}
        '-infinity'::timestamptz
    {%- endif -%}
{% endmacro %}

{#
  In a post-hook: the watermark this model's run started from (kept by incremental_watermark(), since the insert has
  moved max(loaded_at) since), or none when not executing.
#}
{% macro watermark_before_this_run() %}
    {%- if execute -%}
        {{ return(run_query("select current_setting('hanoi.watermark', true)").columns[0].values()[0]) }}
    {%- endif -%}
    {{ return(none) }}
{% endmacro %}

{% macro drop_superseded_rows() %}
    {%- if is_incremental() %}
        {%- set before = watermark_before_this_run() %}
    delete from {{ this }} as t
    using {{ ref('int_articles_deduplicated') }} as a
    where
        t.article_id = a.article_id
        and t.loaded_at < a.loaded_at
        {%- if before %}
        -- only articles that changed in this run can have superseded rows
        and a.loaded_at > '{{ before }}'::timestamptz
        {%- endif %}
    {%- endif %}
{% endmacro %}

{#
  Statistics for a table just rebuilt from scratch: without them the next incremental run's planner guesses, and
  at 100k articles chose sequential scans over the new indexes. Incremental runs change ~1 % and leave the
  statistics to autovacuum.
#}
{% macro analyze_after_rebuild() %}
    {%- if not is_incremental() %}
    analyze {{ this }}
    {%- endif %}
{% endmacro %}

{#
  Articles that no longer exist: a canonical URL that a page re-parsed since `since` used to carry and that no
  page's latest parse carries now (a parser that normalises canonical URLs differently, a page that now declares
  another canonical). A full refresh never builds them; incremental models drop their rows with
  drop_vanished_articles(). Only the few re-parsed pages are read, through the parsed_at and canonical_url indexes.
#}
{% macro vanished_article_ids(since) %}
    select md5(was.canonical_url) as article_id
    from {{ ref('stg_extracted__article_versions') }} as was
    where
        was.page_id = any(array(
            select reparsed.page_id
            from {{ ref('stg_extracted__article_versions') }} as reparsed
            where reparsed.parsed_at > {{ since }}
        ))
        and not exists (
            select 1
            from {{ ref('stg_extracted__article_versions') }} as carrier
            where
                carrier.canonical_url = was.canonical_url
                -- the carrier is its page's latest parse (the order stg_extracted__articles picks by)
                and not exists (
                    select 1
                    from {{ ref('stg_extracted__article_versions') }} as newer
                    where
                        newer.page_id = carrier.page_id
                        and (newer.parsed_at, newer.parser_version) > (carrier.parsed_at, carrier.parser_version)
                )
        )
{% endmacro %}

{% macro drop_vanished_articles() %}
    {%- if is_incremental() %}
        {%- set before = watermark_before_this_run() %}
        {%- if before %}
    delete from {{ this }}
    where article_id in ({{ vanished_article_ids("'" ~ before ~ "'::timestamptz") }})
        {%- endif %}
    {%- endif %}
{% endmacro %}

{#
  fct_statistics' pre-hook: what a run affects, kept in two session tables the model reads, and the statistics
  concerned dropped (the model rebuilds those that still exist).
  - A statistic with a stated period is its grain: the grains the changed (or vanished) articles report now, and
    the ones they were in before, are rebuilt from all their reports.
  - A statistic without one is its story's: the changed articles, their story partners now, and every article
    that shared such a statistic with them before (a story can split or merge) have those statistics rebuilt.
  A full refresh needs neither.
#}
{% macro mark_affected_statistics() %}
    {%- if is_incremental() %}
        {%- set since = incremental_watermark() %}
    drop table if exists statistics_changed_articles;
    create temp table statistics_changed_articles as
    select a.article_id from {{ ref('int_articles_deduplicated') }} as a where a.loaded_at > {{ since }}
    union
    select v.article_id from ({{ vanished_article_ids(since) }}) as v;
    drop table if exists statistics_affected_grains;
    create temp table statistics_affected_grains as
    select r.grain_key
    from {{ ref('int_statistic_reports') }} as r
    where r.period_key is not null and r.article_id in (select c.article_id from statistics_changed_articles as c)
    union
    select t.statistic_id
    from {{ this }} as t
    where t.period_key is not null and t.article_ids && array(select c.article_id from statistics_changed_articles as c);
    drop table if exists statistics_affected_articles;
    create temp table statistics_affected_articles as
    select c.article_id from statistics_changed_articles as c
    union
    select partner.article_id
    from {{ ref('fct_story_links') }} as link
    inner join {{ ref('fct_story_links') }} as partner on link.story_id = partner.story_id
    where link.article_id in (select c.article_id from statistics_changed_articles as c)
    union
    select unnest(t.article_ids)
    from {{ this }} as t
    where t.period_key is null and t.article_ids && array(select c.article_id from statistics_changed_articles as c);
    delete from {{ this }} as t
    where
        (t.period_key is not null and t.statistic_id in (select g.grain_key from statistics_affected_grains as g))
        or (t.period_key is null and t.article_ids && array(select a.article_id from statistics_affected_articles as a))
    {%- endif %}
{% endmacro %}
