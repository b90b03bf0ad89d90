-- What each discovery channel of a source found in each crawl run: the evidence behind the "discovery drift"
-- alarm (a channel that used to find articles finds none). Operations metadata, not the archive: never read by dbt.
create table if not exists raw.discoveries (
    id             bigserial primary key,
    run_id         text not null,
    source         text not null,
    channel        text not null,                -- <kind>:<path>, e.g. listing:/chinh-tri.htm, feed:/chinh-tri.rss
    found          integer not null,             -- article URLs the channel gave (after normalisation)
    new            integer not null,             -- of them, not stored yet
    known          integer not null,             -- of them, already stored
    discovered_at  timestamptz not null default now()
);
create index if not exists discoveries_source_idx on raw.discoveries (source, discovered_at);
