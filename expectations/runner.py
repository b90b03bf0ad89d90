"""Runs the marts checkpoint in a file-based GX context inside the project, records the outcome in
quality.validation_runs and rebuilds Data Docs. Called from an Airflow task and from `make`/tests."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import great_expectations as gx
import psycopg
from great_expectations.checkpoint import UpdateDataDocsAction
from great_expectations.data_context.types.base import ProgressBarsConfig
from psycopg.types.json import Jsonb

from expectations.offline_docs import localise
from expectations.suites import SUITES

log = logging.getLogger(__name__)
PROJECT_DIR = Path(__file__).resolve().parent
DATASOURCE = "warehouse"
CHECKPOINT = "marts_checkpoint"


class ValidationFailed(Exception):
    """Raised when a critical expectation fails; the message names each failed expectation."""


@dataclass
class SuiteOutcome:
    suite: str
    severity: str
    success: bool
    evaluated: int
    failed: list[dict] = field(default_factory=list)


def _sqlalchemy_url(url: str) -> str:
    scheme, rest = url.split("://", 1)
    return f"postgresql+psycopg2://{rest}" if scheme in ("postgres", "postgresql") else url


def build_context(warehouse_url: str, project_dir: Path = PROJECT_DIR):
    # The connection string stays a ${VAR} placeholder in great_expectations.yml: no secret on disk.
    os.environ["GX_WAREHOUSE_URL"] = _sqlalchemy_url(warehouse_url)
    # The checkpoint and validation definitions are rebuilt from SUITES on every run: stored ones from an older
    # release may name a suite or table that no longer exists, and GX then cannot even load the context's stores.
    for store in ("checkpoints", "validation_definitions"):
        for stale in (project_dir / "gx" / store).glob("*.json"):
            stale.unlink()
    context = gx.get_context(mode="file", project_root_dir=str(project_dir))
    # progress bars flood Airflow task logs with carriage-return noise
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    ds = context.data_sources.add_or_update_postgres(name=DATASOURCE, connection_string="${GX_WAREHOUSE_URL}")
    definitions = []
    for name, (table, _severity, make) in SUITES.items():
        asset = next((a for a in ds.assets if a.name == table), None) or ds.add_table_asset(
            name=table, table_name=table, schema_name="marts")
        batch = next((b for b in asset.batch_definitions if b.name == "whole_table"), None) or \
            asset.add_batch_definition_whole_table("whole_table")
        suite = context.suites.add_or_update(gx.ExpectationSuite(name=name, expectations=make()))
        definitions.append(context.validation_definitions.add_or_update(
            gx.ValidationDefinition(name=name.removesuffix("_suite") + "_validation", data=batch, suite=suite)))
    checkpoint = context.checkpoints.add_or_update(gx.Checkpoint(
        name=CHECKPOINT, validation_definitions=definitions,
        actions=[UpdateDataDocsAction(name="update_data_docs")], result_format={"result_format": "SUMMARY"}))
    return context, checkpoint


def data_docs_index(project_dir: Path = PROJECT_DIR) -> Path:
    return project_dir / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html"


def run_checkpoint(warehouse_url: str, run_id: str | None = None, raise_on_failure: bool = True) -> list[SuiteOutcome]:
    context, checkpoint = build_context(warehouse_url)
    result = checkpoint.run()
    context.build_data_docs()
    localise(data_docs_index().parent)
    outcomes = []
    for validation in result.run_results.values():
        failed = [
            {"expectation": r.expectation_config.type,
             "description": r.expectation_config.description,
             "column": r.expectation_config.kwargs.get("column"),
             "observed": _observed(r.result),
             # the rows an unexpected-rows check found (a conflict with its quotes), a few of them
             "rows": _example_rows(warehouse_url, SUITES[validation.suite_name][0],
                                   r.expectation_config.kwargs.get("unexpected_rows_query"))}
            for r in validation.results if not r.success
        ]
        severity = SUITES[validation.suite_name][1]
        outcomes.append(SuiteOutcome(suite=validation.suite_name, severity=severity, success=validation.success,
                                     evaluated=len(validation.results), failed=failed))
    _record(warehouse_url, run_id, outcomes)
    for o in outcomes:
        verdict = "passed" if o.success else ("FAILED" if o.severity == "critical" else "WARNING")
        log.info("GX %s: %s (%d expectations, %d failed)", o.suite, verdict, o.evaluated, len(o.failed))
        for f in o.failed:
            emit = log.error if o.severity == "critical" else log.warning
            emit("GX %s %s: %s — %s (observed %s)", o.suite, "failed" if o.severity == "critical" else "warning",
                 f["expectation"], f["description"], f["observed"])
    critical = [o for o in outcomes if o.severity == "critical" and not o.success]
    if raise_on_failure and critical:
        lines = [f"{o.suite}: {f['expectation']} — {f['description']} (observed {f['observed']})"
                 for o in critical for f in o.failed]
        raise ValidationFailed("figures failed validation:\n  " + "\n  ".join(lines))
    return outcomes


def _example_rows(warehouse_url: str, table: str, query: str | None, limit: int = 5) -> list[str] | None:
    """A few of the rows an unexpected-rows check found, read again with its own query over the table: the
    checkpoint's SUMMARY results carry only their count, and COMPLETE would return every failing value of every
    check. None for other expectations, or when the query cannot run."""
    if not query:
        return None
    try:
        with psycopg.connect(warehouse_url) as conn:
            rows = conn.execute(f"SELECT * FROM ({query.format(batch=f'marts.{table}')}) AS found LIMIT {limit}")
            names = [c.name for c in rows.description]
            return [json.dumps(dict(zip(names, row, strict=True)), default=str, ensure_ascii=False)[:500]
                    for row in rows.fetchall()]
    except psycopg.Error as exc:
        return [f"rows not read: {exc}"[:300]]


def _observed(result: dict) -> object:
    for key in ("observed_value", "unexpected_count", "unexpected_percent"):
        if key in result:
            value = result[key]
            return value if isinstance(value, (int, float, str, type(None))) else json.dumps(value, default=str)[:200]
    return None


def _record(warehouse_url: str, run_id: str | None, outcomes: list[SuiteOutcome]) -> None:
    docs = data_docs_index().as_uri()
    with psycopg.connect(warehouse_url) as conn:
        from scrapers.db import migrate  # the quality schema is created with the others

        migrate(conn)
        with conn.transaction():
            for o in outcomes:
                conn.execute(
                    """insert into quality.validation_runs (run_id, suite, severity, success, evaluated, failed,
                           failed_expectations, data_docs_url) values (%s,%s,%s,%s,%s,%s,%s,%s)""",
                    (run_id, o.suite, o.severity, o.success, o.evaluated, len(o.failed), Jsonb(o.failed), docs),
                )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    outcomes = run_checkpoint(os.environ["WAREHOUSE_URL"], run_id="manual")
    print(json.dumps([o.__dict__ for o in outcomes], ensure_ascii=False, indent=2))
