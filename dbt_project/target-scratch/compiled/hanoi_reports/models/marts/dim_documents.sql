-- Grain: one row per normalised document code (01-CTr/TU), with its type, issuer and how often it is cited.
select
    document_code,
    min(doc_type) as doc_type,
    min(issuer) as issuer,
    count(*) as mentions,
    count(*) filter (where is_first_in_article) as articles,
    min(published_date) as first_cited,
    max(published_date) as last_cited
from "hanoi_test_deed8b2948"."marts"."fct_document_mentions"
group by document_code