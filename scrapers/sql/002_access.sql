-- Analysts read marts (and the validation log) and nothing else. The role itself is created by whoever may create
-- roles (scripts/localpg.sh locally, the DBA elsewhere); grants are applied here when it exists.
create schema if not exists marts;
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'analyst') then
        execute format('grant connect on database %I to analyst', current_database());
        grant usage on schema marts, quality to analyst;
        grant select on all tables in schema marts, quality to analyst;
        -- dbt recreates mart tables on every build: future tables get the grant too
        alter default privileges in schema marts grant select on tables to analyst;
        alter default privileges in schema quality grant select on tables to analyst;
        revoke all on schema raw, extracted from analyst;
    end if;
end $$;
