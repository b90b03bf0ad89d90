select
    page_id,
    parser_version,
    source,
    url,
    reason,
    quarantined_at
from {{ source('extracted', 'quarantine') }}
