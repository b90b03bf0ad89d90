-- Grain: one row per official named in a current article version (with a title, or an interview's speaker
-- named alone: title null).
-- depends_on: {{ ref('int_articles_deduplicated') }}  (read by the incremental post-hook)
-- depends_on: {{ ref('stg_extracted__article_versions') }}  (read by the incremental post-hook)
select
    mention_id as official_mention_id,
    article_id,
    source,
    payload ->> 'name' as official_name,
    payload ->> 'title' as title,
    -- counting these counts the articles naming the official without a count(distinct) (dim_officials)
    row_number() over (
        partition by article_id, payload ->> 'name' order by start_offset, mention_id
    ) = 1 as is_first_in_article,
    quote,
    start_offset,
    end_offset,
    published_date,
    loaded_at
from {{ ref('int_mentions_current') }}
where
    mention_type = 'official'
    {{ changed_articles_only(keyword='and') }}
