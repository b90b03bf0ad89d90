-- Raw bodies are compressed with lz4 instead of the default pglz (issue 19). Landing a page was mostly pglz: a
-- binary COPY of 300 × 74 KB pages into a table spent ~75 % of its time compressing (178 ms with pglz, 42 ms with
-- lz4, bench/README.md "Landing and TOAST compression"), and lz4 decompresses several times faster when `reprocess`
-- reads the archive back. Only pages stored from now on use it (no rewrite: raw.pages is append-only); a server
-- built without lz4 keeps pglz.
do $$
begin
    alter table raw.pages alter column body set compression lz4;
exception when feature_not_supported or invalid_parameter_value then
    raise notice 'lz4 is not available on this server: raw.pages.body keeps pglz';
end $$;
