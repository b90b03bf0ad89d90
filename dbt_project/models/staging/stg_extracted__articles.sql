-- The latest parse of each stored page (the most recent parser version that ran on it).
with ranked as (
    select
        *,
        row_number() over (partition by page_id order by parsed_at desc, parser_version desc) as recency
    from {{ source('extracted', 'articles') }}
)

select
    page_id,
    parser_version,
    source,
    url,
    btrim(canonical_url) as canonical_url,
    layout,
    btrim(regexp_replace(title, '\s+', ' ', 'g')) as title,
    btrim(sapo) as sapo,
    body,
    text as article_text,
    jsonb_array_length(paragraphs) as paragraph_count,
    published_at,
    (published_at at time zone 'Asia/Ho_Chi_Minh')::date as published_date,
    nullif(btrim(author), '') as author,
    nullif(btrim(category), '') as category,
    tags,
    is_relevant,
    parsed_at
from ranked
where recency = 1
