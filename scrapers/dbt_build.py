"""Run `dbt build` on the project's dbt_project for a warehouse URL (the CLI's equivalent of the Cosmos task group)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from scrapers.envvars import dbt_env

DBT_DIR = Path(__file__).resolve().parents[1] / "dbt_project"


def dbt_build(url: str, *, full_refresh: bool = False, select: str | None = None) -> subprocess.CompletedProcess:
    dbt = Path(sys.executable).with_name("dbt")
    # its own target path: the manifest in target/ is the one Cosmos renders the transform DAG from
    args = [str(dbt if dbt.exists() else "dbt"), "build", "--project-dir", str(DBT_DIR), "--target-path", "target-cli"]
    if full_refresh:
        args.append("--full-refresh")
    if select:
        args += ["--select", select]
    env = {**os.environ, **dbt_env(url), "DBT_PROFILES_DIR": str(DBT_DIR / "profiles"), "DO_NOT_TRACK": "1"}
    return subprocess.run(args, env=env, capture_output=True, text=True, check=False)
