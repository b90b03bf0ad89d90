"""Warehouse connection and schema setup."""

from __future__ import annotations

import os
from importlib.resources import files

import psycopg

DEFAULT_URL = "postgresql://hanoi:hanoi@127.0.0.1:55432/hanoi_reports"


def warehouse_url() -> str:
    return os.environ.get("WAREHOUSE_URL", DEFAULT_URL)


def connect(url: str | None = None, **kwargs) -> psycopg.Connection:
    """Autocommit by default, so `with conn.transaction():` blocks are the real transactions. Without it the
    first plain query opens a transaction that stays open, each block becomes a mere savepoint inside it, and a
    crash loses everything since the connection opened."""
    kwargs.setdefault("autocommit", True)
    return psycopg.connect(url or warehouse_url(), **kwargs)


def migrate(conn: psycopg.Connection) -> None:
    """Apply scrapers/sql/*.sql in order; each file is idempotent."""
    scripts = sorted(p for p in files("scrapers").joinpath("sql").iterdir() if p.name.endswith(".sql"))
    with conn.transaction():
        # Concurrent first runs (mapped tasks) must not race on CREATE.
        conn.execute("select pg_advisory_xact_lock(724001)")
        for script in scripts:
            conn.execute(script.read_text(encoding="utf-8"))
