-- Grain: one row per normalised document code (01-CTr/TU), with its type, issuer and how often it is cited.
-- Counted per (code, article) first: count(distinct article_id) over every mention sorted them all.
with per_article as (
    select
        document_code,
        article_id,
        min(doc_type) as doc_type,
        min(issuer) as issuer,
        count(*) as mentions,
        min(published_date) as published_date
    from {{ ref('fct_document_mentions') }}
    group by document_code, article_id
)

select
    document_code,
    min(doc_type) as doc_type,
    min(issuer) as issuer,
    sum(mentions)::bigint as mentions,
    count(*) as articles,
    min(published_date) as first_cited,
    max(published_date) as last_cited
from per_article
group by document_code
