-- One article per canonical URL: the parse of the most recently fetched page version wins.
with versions as (
    select
        a.*,
        p.fetched_at,
        row_number() over (
            partition by a.canonical_url order by p.fetched_at desc, a.page_id desc
        ) as recency
    from {{ ref('stg_extracted__articles') }} as a
    inner join {{ ref('stg_raw__pages') }} as p on a.page_id = p.page_id
)

select
    md5(canonical_url) as article_id,
    page_id,
    parser_version,
    source,
    url,
    canonical_url,
    layout,
    title,
    sapo,
    article_text,
    paragraph_count,
    published_at,
    published_date,
    author,
    category,
    is_relevant,
    fetched_at
from versions
where recency = 1
