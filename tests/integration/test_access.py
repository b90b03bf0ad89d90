"""The analyst role reads marts and the validation log, and nothing else; it writes nowhere."""

from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest


def as_analyst(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"analyst:analyst@{parts.hostname}:{parts.port}"))


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
