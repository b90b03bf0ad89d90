"""Shared fixtures: a throwaway warehouse database on the project's real Postgres, and the snapshot sites served
over real HTTP on ephemeral localhost ports."""

from __future__ import annotations

import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from scrapers import db, landing, settings
from scrapers.snapshot_server import SnapshotSites

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "snapshot" / "seeds"


def land(conn, *, source: str, kind: str, result, run_id: str) -> None:
    """Land one fetched page the way a crawl does (landing.Batch): once per (path, content hash)."""
    batch = landing.Batch(conn, source=source, run_id=run_id)
    batch.add(kind, result)
    batch.flush()


def seed_text(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _with_db(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


# The logins of the session's profile, read before any fixture points the settings at a test database.
SESSION = settings.load()


def as_login(url: str, login_url: str | None) -> str:
    """`url`'s database reached with another login's user and password (the profile's writer or analyst)."""
    if not login_url:
        pytest.fail("the local profile names no such login: run the suite with `make test`")
    login = urlsplit(login_url)
    return urlunsplit(urlsplit(url)._replace(netloc=login.netloc))


def writer_url(url: str) -> str:
    """The same database as the pipeline's own login (locally `pipeline_writer`: INSERT/SELECT in the archive)."""
    return as_login(url, SESSION.warehouse_url)


def analyst_url(url: str) -> str:
    return as_login(url, SESSION.analyst_url)


@pytest.fixture(scope="session")
def pg_server_url() -> str:
    """The Postgres that `make test` started (or WAREHOUSE_URL's server), reached as the schema owner, who may
    create the tests' throwaway databases; fails loudly if it is not there."""
    url = SESSION.owner_url()
    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.OperationalError as exc:
        pytest.fail(f"no Postgres at {url}: run the suite with `make test`, which starts it ({exc})")
    return url


@contextmanager
def fresh_database(server_url: str):
    """A new empty database with the project's schemas, dropped afterwards."""
    name = f"hanoi_test_{uuid.uuid4().hex[:10]}"
    admin = _with_db(server_url, "postgres")
    for attempt in range(5):
        try:
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'create database "{name}"')
            break
        except psycopg.errors.ObjectInUse:  # template1 briefly busy (another session creating a database)
            time.sleep(0.5 * (attempt + 1))
    url = _with_db(server_url, name)
    try:
        with db.connect(url) as conn:
            db.migrate(conn)
        yield url
    finally:
        _drop_database(admin, name)


def _drop_database(admin: str, name: str) -> None:
    """Drop a test database. FORCE ends the test's own leftover sessions; but an autovacuum worker busy on the
    fresh tables belongs to the superuser, which a non-superuser may not terminate — a plain DROP cancels autovacuum
    by itself, so that is the fallback (retried while a session is still closing)."""
    with psycopg.connect(admin, autocommit=True) as conn:
        try:
            conn.execute(f'drop database if exists "{name}" with (force)')
            return
        except psycopg.errors.InsufficientPrivilege:
            pass
    for attempt in range(10):
        try:
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'drop database if exists "{name}"')
            return
        except psycopg.errors.ObjectInUse:
            time.sleep(0.5 * (attempt + 1))
    raise RuntimeError(f"test database {name} could not be dropped")


@pytest.fixture
def warehouse(pg_server_url, monkeypatch) -> str:
    """A fresh database per test, reached as its owner; every setting and Airflow connection points at it during
    the test (the whole environment, so a subprocess that copies it cannot reach the session's own database)."""
    with fresh_database(pg_server_url) as url:
        for name in ("WAREHOUSE_URL", "WAREHOUSE_OWNER_URL", "AIRFLOW_CONN_WAREHOUSE", "AIRFLOW_CONN_WAREHOUSE_OWNER"):
            monkeypatch.setenv(name, url)
        monkeypatch.setenv("WAREHOUSE_ANALYST_URL", analyst_url(url))
        yield url


@pytest.fixture(autouse=True)
def _never_the_real_sites(monkeypatch):
    """Tests never reach a non-loopback address: unless a test serves the snapshot (snapshot_env), every source
    points at a closed loopback port, so a forgotten fixture shows up as "unreachable", not as a real crawl."""
    import json

    from scrapers.sources import ADAPTERS

    monkeypatch.setenv("HANOI_SOURCE_URLS", json.dumps({name: "http://127.0.0.1:9" for name in ADAPTERS}))


@pytest.fixture(scope="session")
def snapshot_sites():
    with SnapshotSites() as sites:
        yield sites


@pytest.fixture
def snapshot_env(snapshot_sites, monkeypatch) -> dict[str, str]:
    import json

    monkeypatch.setenv("HANOI_SOURCE_URLS", json.dumps(snapshot_sites.urls))
    return snapshot_sites.urls
