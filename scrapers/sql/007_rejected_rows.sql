-- Rows of the marts that failed a critical row-level expectation (issue 18): quarantined by article, with the
-- expectation that caught them. The report leaves these articles (and the statistics built on them) out; the
-- rest is published, and the run alerts naming them.
create table if not exists quality.rejected_rows (
    id           bigserial primary key,
    rejected_at  timestamptz not null default now(),
    run_id       text,
    suite        text not null,
    expectation  text not null,                -- the expectation's description, as in Data Docs
    table_name   text not null,
    article_id   text not null,
    row_data     jsonb not null
);
create index if not exists rejected_rows_run_idx on quality.rejected_rows (run_id);
