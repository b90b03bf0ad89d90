-- One story under two URLs of one source (a print view, a mirror path, a re-post under a new slug) is one article
-- (issue 18: byte-identical bodies at two URLs doubled the figures). The text's hash, whitespace folded, finds the
-- copies; derive.merge_copies gives every later copy the earliest page's canonical URL.
alter table extracted.articles add column if not exists text_hash text
    generated always as (md5(regexp_replace(text, '\s+', ' ', 'g'))) stored;
create index if not exists articles_source_text_hash on extracted.articles (source, text_hash);
