select
    page_id,
    parser_version,
    source,
    url,
    reason,
    quarantined_at
from "hanoi_test_deed8b2948"."extracted"."quarantine"