"""Run `dbt build` on the project's dbt_project for a warehouse URL: the CLI's equivalent of the Cosmos task group the
DAGs build through. What happened is read from dbt's own `run_results.json`, not from its printed log."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from scrapers.envvars import dbt_env

DBT_DIR = Path(__file__).resolve().parents[1] / "dbt_project"


TARGET = "target-cli"


@dataclass
class DbtBuild:
    returncode: int
    stdout: str
    statuses: Counter = field(default_factory=Counter)  # node results by status: success, error, fail, warn, skipped
    failing: list[str] = field(default_factory=list)  # "model.x: error — message"

    def summary(self) -> str:
        counts = ", ".join(f"{n} {status}" for status, n in sorted(self.statuses.items())) or "nothing ran"
        return f"dbt build: {counts}" + (f"; failing: {'; '.join(self.failing[:5])}" if self.failing else "")


def dbt_build(url: str, *, full_refresh: bool = False, select: str | None = None) -> DbtBuild:
    dbt = Path(sys.executable).with_name("dbt")
    # its own target path: the manifest in target/ is the one Cosmos renders the transform DAG from
    args = [str(dbt if dbt.exists() else "dbt"), "build", "--project-dir", str(DBT_DIR), "--target-path", TARGET]
    if full_refresh:
        args.append("--full-refresh")
    if select:
        args += ["--select", select]
    env = {**os.environ, **dbt_env(url), "DBT_PROFILES_DIR": str(DBT_DIR / "profiles"), "DO_NOT_TRACK": "1"}
    results = DBT_DIR / TARGET / "run_results.json"
    results.unlink(missing_ok=True)  # a run that fails before building must not report the previous one
    proc = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    built = DbtBuild(proc.returncode, proc.stdout + proc.stderr)
    if results.exists():
        for node in json.loads(results.read_text(encoding="utf-8"))["results"]:
            built.statuses[node["status"]] += 1
            if node["status"] in ("error", "fail"):
                built.failing.append(f"{node['unique_id']}: {node['status']} — {(node.get('message') or '')[:200]}")
    elif proc.returncode:
        built.failing.append((proc.stdout + proc.stderr).strip().splitlines()[-1:][0] if proc.stdout + proc.stderr
                             else f"dbt exited {proc.returncode}")
    return built
