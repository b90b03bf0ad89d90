-- Share of the page's running text (its long paragraphs outside sidebars) the adapter's article holds. Low: the
-- adapter and the page disagree on what the story is (issue 17); counted per source in `status`.
alter table extracted.articles add column if not exists body_coverage real;
-- Invalid UTF-8 sequences replaced while decoding the page (issue 18): a few keep the page readable; counted here.
alter table extracted.articles add column if not exists decode_replacements integer not null default 0;
