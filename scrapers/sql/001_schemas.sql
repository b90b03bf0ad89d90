-- Raw archive (append-only) and Python-derived tables. Idempotent: safe to apply on every run.
create schema if not exists raw;
create schema if not exists extracted;
create schema if not exists quality;

-- Every fetch attempt, successful or not.
create table if not exists raw.fetches (
    id            bigserial primary key,
    run_id        text not null,
    source        text not null,
    url           text not null,
    kind          text not null,                 -- robots | listing | sitemap | article
    attempted_at  timestamptz not null default now(),
    status        integer,                       -- HTTP status; null when no response
    error         text,                          -- why it failed; null on success
    elapsed_ms    integer,
    bytes         integer,
    page_id       bigint                         -- raw.pages row this attempt produced or matched
);
create index if not exists fetches_source_idx on raw.fetches (source, attempted_at);
-- HTTP requests the fetch took (redirects + retries); added after the first release, hence not in the create
alter table raw.fetches add column if not exists attempts integer;

-- Every distinct body fetched from a URL, stored once, never changed.
create table if not exists raw.pages (
    id             bigserial primary key,
    source         text not null,
    url            text not null,                -- as fetched (host may be a mirror or the local snapshot)
    path           text not null,                -- path + query: the page's identity within its source
    kind           text not null,                -- listing | sitemap | article
    fetched_at     timestamptz not null default now(),
    status         integer not null,
    headers        jsonb not null,
    content_type   text,
    body           bytea not null,
    sha256         text not null,
    run_id         text not null,
    unique (source, path, sha256)
);
create index if not exists pages_source_idx on raw.pages (source, fetched_at);
-- rel=canonical / og:url as the page declared it when fetched (read from the bytes at landing, never changed)
-- no longer written: a page's declared URL has one reader, the parser (sources.base.canonical); kept for old rows
alter table raw.pages add column if not exists canonical_url text;

create or replace function raw.forbid_change() returns trigger language plpgsql as $$
begin
    raise exception 'raw.% is append-only (% refused)', tg_table_name, tg_op;
end $$;
drop trigger if exists pages_append_only on raw.pages;
create trigger pages_append_only before update or delete on raw.pages
    for each row execute function raw.forbid_change();
drop trigger if exists pages_no_truncate on raw.pages;
create trigger pages_no_truncate before truncate on raw.pages
    for each statement execute function raw.forbid_change();

-- Per-URL fetch state, kept apart from the archive so the archive never changes.
create table if not exists raw.fetch_state (
    source                text not null,
    path                  text not null,
    url                   text not null,
    etag                  text,
    last_modified         text,
    last_status           integer,
    last_error            text,
    last_attempt_at       timestamptz,
    last_success_at       timestamptz,
    consecutive_failures  integer not null default 0,
    next_fetch_after      timestamptz,
    primary key (source, path)
);

-- Parse results: one row per (page, parser version). Rebuildable from raw.pages.
create table if not exists extracted.articles (
    page_id         bigint not null,
    parser_version  text not null,
    source          text not null,
    url             text not null,
    canonical_url   text not null,
    layout          text not null,
    title           text not null,
    sapo            text not null,
    body            text not null,
    text            text not null,           -- title, sapo, body joined: what extractor offsets index
    paragraphs      jsonb not null,
    published_at    timestamptz not null,
    author          text,
    category        text,
    tags            jsonb not null,
    is_relevant     boolean not null,
    parsed_at       timestamptz not null default now(),
    primary key (page_id, parser_version)
);

-- Pages that would not parse, with the reason. Nothing is dropped silently.
create table if not exists extracted.quarantine (
    page_id         bigint not null,
    parser_version  text not null,
    source          text not null,
    url             text not null,
    reason          text not null,
    quarantined_at  timestamptz not null default now(),
    primary key (page_id, parser_version)
);

-- Extractor output: figures, documents, officials, event dates, with the quote they came from.
create table if not exists extracted.mentions (
    page_id            bigint not null,
    parser_version     text not null,
    extractor_version  text not null,
    seq                integer not null,
    type               text not null,
    payload            jsonb not null,
    quote              text not null,
    start_offset       integer not null,
    end_offset         integer not null,
    extracted_at       timestamptz not null default now(),
    primary key (page_id, parser_version, extractor_version, seq)
);

-- Which (article, extractor version) pairs were processed, including those that yielded nothing.
create table if not exists extracted.extractions (
    page_id            bigint not null,
    parser_version     text not null,
    extractor_version  text not null,
    mentions           integer not null,
    extracted_at       timestamptz not null default now(),
    primary key (page_id, parser_version, extractor_version)
);

create table if not exists quality.validation_runs (
    id                   bigserial primary key,
    run_at               timestamptz not null default now(),
    run_id               text,
    suite                text not null,
    severity             text not null default 'critical',   -- critical fails the run; warning is reported
    success              boolean not null,
    evaluated            integer not null,
    failed               integer not null,
    failed_expectations  jsonb not null,
    data_docs_url        text
);

-- Columns added after the first release: applied idempotently to existing warehouses.
alter table quality.validation_runs add column if not exists severity text not null default 'critical';
