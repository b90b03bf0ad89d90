-- "Append-only" as a boundary, not a convention (issue 18). raw.fetches is an append-only log like raw.pages;
-- and a `pipeline_writer` role (created by whoever may create roles: scripts/localpg.sh locally, the DBA
-- elsewhere) may only INSERT and SELECT in the archive: no UPDATE, DELETE or TRUNCATE, and, not being the
-- tables' owner, it can neither disable nor drop their triggers. It keeps full rights on the rebuildable layers.
drop trigger if exists fetches_append_only on raw.fetches;
create trigger fetches_append_only before update or delete on raw.fetches
    for each row execute function raw.forbid_change();
drop trigger if exists fetches_no_truncate on raw.fetches;
create trigger fetches_no_truncate before truncate on raw.fetches
    for each statement execute function raw.forbid_change();

do $$
begin
    if exists (select 1 from pg_roles where rolname = 'pipeline_writer') then
        execute format('grant connect on database %I to pipeline_writer', current_database());
        grant usage on schema raw, extracted, quality to pipeline_writer;
        grant select, insert on raw.pages, raw.fetches, raw.discoveries to pipeline_writer;
        revoke update, delete, truncate on raw.pages, raw.fetches, raw.discoveries from pipeline_writer;
        -- per-URL fetch state is mutable by design (validators, back-off), kept apart from the archive
        grant select, insert, update, delete on raw.fetch_state to pipeline_writer;
        grant usage, select on all sequences in schema raw, quality to pipeline_writer;
        grant select, insert, update, delete on all tables in schema extracted to pipeline_writer;
        grant select, insert on all tables in schema quality to pipeline_writer;
        -- it validates and reports on what dbt (run by the schema owner) builds in marts
        grant usage on schema marts to pipeline_writer;
        grant select on all tables in schema marts to pipeline_writer;
        -- tables the owner creates later (dbt's rebuilt marts, later migrations) get the same grants
        alter default privileges in schema marts grant select on tables to pipeline_writer;
        alter default privileges in schema extracted grant select, insert, update, delete on tables to pipeline_writer;
        alter default privileges in schema quality grant select, insert on tables to pipeline_writer;
        alter default privileges in schema raw, extracted, quality grant usage, select on sequences to pipeline_writer;
    end if;
end $$;
