"""Print shell exports of the dbt connection variables for a Postgres URL: `eval "$(python -m scrapers.envvars URL)"`."""

from __future__ import annotations

import shlex
import sys
from urllib.parse import unquote, urlsplit


def dbt_env(url: str) -> dict[str, str]:
    parts = urlsplit(url)
    return {
        "DBT_HOST": parts.hostname or "127.0.0.1",
        "DBT_PORT": str(parts.port or 5432),
        "DBT_USER": unquote(parts.username or ""),
        "DBT_PASSWORD": unquote(parts.password or ""),
        "DBT_DBNAME": parts.path.lstrip("/") or "postgres",
    }


if __name__ == "__main__":
    for key, value in dbt_env(sys.argv[1]).items():
        print(f"export {key}={shlex.quote(value)}")
