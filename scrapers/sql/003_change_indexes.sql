-- What changed since a timestamp: the incremental dbt models start from these ("pages fetched / parsed /
-- extracted after the watermark") instead of scanning every stored version.
create index if not exists pages_fetched_at_idx on raw.pages (fetched_at);
create index if not exists articles_parsed_at_idx on extracted.articles (parsed_at);
create index if not exists articles_canonical_url_idx on extracted.articles (btrim(canonical_url));
create index if not exists extractions_extracted_at_idx on extracted.extractions (extracted_at);
