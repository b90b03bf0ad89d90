"""Warehouse connection and schema setup."""

from __future__ import annotations

import hashlib
from importlib.resources import files

import psycopg

from scrapers import settings


def warehouse_url() -> str:
    """The pipeline's own login (settings: WAREHOUSE_URL)."""
    return settings.load().database_url()


def owner_url() -> str:
    """The schema owner's login, for migrations and dbt (settings: WAREHOUSE_OWNER_URL, else WAREHOUSE_URL)."""
    return settings.load().owner_url()


def connect(url: str | None = None, **kwargs) -> psycopg.Connection:
    """Autocommit by default, so `with conn.transaction():` blocks are the real transactions. Without it the
    first plain query opens a transaction that stays open, each block becomes a mere savepoint inside it, and a
    crash loses everything since the connection opened."""
    kwargs.setdefault("autocommit", True)
    return psycopg.connect(url or warehouse_url(), **kwargs)


class SchemaBehind(RuntimeError):
    """The warehouse lacks migrations and this login may not apply them."""


def _scripts() -> list:
    return sorted(p for p in files("scrapers").joinpath("sql").iterdir() if p.name.endswith(".sql"))


def schema_checksum() -> str:
    """Names and contents of every migration: the ledger records it, so a stage can tell a current schema at a glance."""
    digest = hashlib.sha256()
    for script in _scripts():
        digest.update(script.name.encode() + b"\0" + script.read_bytes() + b"\0")
    return digest.hexdigest()


def migrate(conn: psycopg.Connection) -> None:
    """Apply scrapers/sql/*.sql in order (each file is idempotent) and record them in the ledger."""
    with conn.transaction():
        # Concurrent first runs (mapped tasks) must not race on CREATE.
        conn.execute("select pg_advisory_xact_lock(724001)")
        for script in _scripts():
            conn.execute(script.read_text(encoding="utf-8"))
        conn.execute("create table if not exists public.schema_migrations "
                     "(checksum text primary key, applied_at timestamptz not null default now())")
        conn.execute("grant select on public.schema_migrations to public")
        conn.execute("insert into public.schema_migrations (checksum) values (%s) on conflict do nothing",
                     (schema_checksum(),))


def is_current(conn: psycopg.Connection) -> bool:
    row = conn.execute("select to_regclass('public.schema_migrations') is not null").fetchone()
    return bool(row[0]) and conn.execute("select 1 from public.schema_migrations where checksum = %s",
                                         (schema_checksum(),)).fetchone() is not None


def ensure_schema(conn: psycopg.Connection) -> None:
    """What every stage calls first. The schema owner (or a superuser) migrates when the ledger is behind; any
    other login — the pipeline's writer — only checks, because it may not and should not change the schema."""
    if is_current(conn):
        return
    may_migrate = conn.execute(
        "select pg_get_userbyid(d.datdba) = current_user or r.rolsuper "
        "from pg_database as d, pg_roles as r where d.datname = current_database() and r.rolname = current_user"
    ).fetchone()[0]
    if not may_migrate:
        user = conn.execute("select current_user").fetchone()[0]
        raise SchemaBehind(f"the warehouse schema is not up to date and {user} may not migrate it: run "
                           "`hanoi-reports migrate` as the schema owner (WAREHOUSE_OWNER_URL)")
    migrate(conn)
