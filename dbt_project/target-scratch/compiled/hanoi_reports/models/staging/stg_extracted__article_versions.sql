-- Grain: one parse of one page (every parser version), without the text: the narrow index-backed view the
-- incremental models use to find which articles changed and which pages share a canonical URL.
select
    page_id,
    parser_version,
    btrim(canonical_url) as canonical_url,
    parsed_at
from "hanoi_test_deed8b2948"."extracted"."articles"