select
    id as page_id,
    source,
    url,
    path,
    kind as page_kind,
    status as http_status,
    content_type,
    length(body) as body_bytes,
    sha256,
    run_id,
    fetched_at at time zone 'Asia/Ho_Chi_Minh' as fetched_at_local,
    fetched_at
from "hanoi_test_deed8b2948"."raw"."pages"