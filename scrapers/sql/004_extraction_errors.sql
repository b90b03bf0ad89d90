-- An article the extractor refused (a text over the size limit) is recorded as an extraction run with no mentions
-- and its reason, so it is visible, not retried every run, and re-tried when the extractor version changes.
alter table extracted.extractions add column if not exists error text;
