-- Grain: one row per official named (with a title) in a current article version.
-- depends_on: {{ ref('int_articles_deduplicated') }}
{{
    config(
        materialized='incremental',
        unique_key='article_id',
        incremental_strategy='delete+insert',
        on_schema_change='append_new_columns',
        post_hook="{{ drop_superseded_rows() }}"
    )
}}
select
    mention_id as official_mention_id,
    article_id,
    source,
    payload ->> 'name' as official_name,
    payload ->> 'title' as title,
    quote,
    start_offset,
    end_offset,
    published_date,
    loaded_at
from {{ ref('int_mentions_current') }}
where
    mention_type = 'official'
    {{ changed_articles_only(keyword='and') }}
