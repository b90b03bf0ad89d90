"""The analyst role reads marts and the validation log, and nothing else; it writes nowhere."""

import psycopg
import pytest

from tests.conftest import analyst_url as as_analyst
from tests.conftest import writer_url as as_writer


def test_analyst_reads_marts_only(warehouse):
    with psycopg.connect(warehouse) as conn:  # as the pipeline's own role, like dbt
        conn.execute("create table marts.fct_example as select 1 as x")
        conn.execute("insert into quality.validation_runs (suite, success, evaluated, failed, failed_expectations) "
                     "values ('s', true, 1, 0, '[]')")
    with psycopg.connect(as_analyst(warehouse), autocommit=True) as conn:
        assert conn.execute("select x from marts.fct_example").fetchall() == [(1,)]
        assert conn.execute("select count(*) from quality.validation_runs").fetchone() == (1,)
        for sql in ("select count(*) from raw.pages", "select count(*) from extracted.articles",
                    "insert into marts.fct_example values (2)", "delete from marts.fct_example",
                    "create table marts.mine (x int)", "insert into raw.fetches (run_id, source, url, kind) "
                                                       "values ('r', 's', 'u', 'article')"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)


def test_the_writer_appends_to_raw_and_can_change_nothing_there(warehouse):
    """Issue 18: "append-only" is a boundary. As `pipeline_writer` a page and a fetch can be added and read, but no
    UPDATE, DELETE or TRUNCATE of raw.pages or raw.fetches goes through, nor disabling or dropping their
    triggers; and even the tables' owner cannot change a fetch (raw.fetches has the append-only trigger too)."""
    with psycopg.connect(as_writer(warehouse), autocommit=True) as conn:
        conn.execute("""insert into raw.pages (source, url, path, kind, status, headers, body, sha256, run_id)
                        values ('s', 'http://x/a', '/a', 'article', 200, '{}', 'x', 'h', 'r')""")
        conn.execute("insert into raw.fetches (run_id, source, url, kind, status) values ('r', 's', 'http://x/a', "
                     "'article', 200)")
        conn.execute("insert into extracted.quarantine (page_id, parser_version, source, url, reason) "
                     "values (1, 'p', 's', 'u', 'r')")
        conn.execute("delete from extracted.quarantine")  # the derived layers are rebuildable: allowed
        assert conn.execute("select count(*) from raw.pages").fetchone() == (1,)
        for sql in ("update raw.pages set status = 500", "delete from raw.pages", "truncate raw.pages",
                    "update raw.fetches set status = 500", "delete from raw.fetches", "truncate raw.fetches",
                    "alter table raw.pages disable trigger pages_append_only",
                    "drop trigger pages_append_only on raw.pages"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
    with psycopg.connect(warehouse, autocommit=True) as conn:
        for sql in ("update raw.fetches set status = 500", "delete from raw.fetches"):
            with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
                conn.execute(sql)


def test_logins_need_their_password(warehouse):
    """Issue 18: the local cluster no longer trusts everyone on 127.0.0.1 (scram-sha-256, generated passwords)."""
    from urllib.parse import urlsplit, urlunsplit

    for url in (warehouse, as_writer(warehouse), as_analyst(warehouse)):
        parts = urlsplit(url)
        wrong = urlunsplit(parts._replace(netloc=f"{parts.username}:not-the-password@{parts.hostname}:{parts.port}"))
        with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
            psycopg.connect(wrong, connect_timeout=5).close()
    with psycopg.connect(as_writer(warehouse)) as conn:
        superuser, owner = conn.execute(
            "select r.rolsuper, pg_get_userbyid(d.datdba) = current_user from pg_roles as r, pg_database as d "
            "where r.rolname = current_user and d.datname = current_database()").fetchone()
        assert (superuser, owner) == (False, False)


def test_only_the_schema_owner_migrates(warehouse):
    """The pipeline's writer may not change the schema: a stage started on a warehouse whose migrations are behind
    fails with what to run; the owner brings it up to date, and then the writer's stage goes on."""
    from scrapers import db, pipeline

    with db.connect(warehouse) as conn:
        conn.execute("delete from public.schema_migrations")
    with pytest.raises(db.SchemaBehind, match="hanoi-reports migrate"):
        pipeline.status(url=as_writer(warehouse))
    with db.connect(warehouse) as conn:
        db.ensure_schema(conn)
        assert db.is_current(conn)
    assert len(pipeline.status(url=as_writer(warehouse))) > 0
