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
from expectations.rejections import RowsRejected, alert_rejected, rejected_articles  # noqa: F401 - one import for callers
from expectations.suites import SUITES

log = logging.getLogger(__name__)
PROJECT_DIR = Path(__file__).resolve().parent
DATASOURCE = "warehouse"
CHECKPOINT = "marts_checkpoint"


class ValidationFailed(Exception):
    """Raised when a critical expectation fails in a way no row can be blamed for (a duplicate grain, a table
    gone wrong as a whole) or in too many rows to be a few bad articles; the message names each one."""


# Row-level quarantine: a critical check whose failing rows each belong to an article rejects those articles
# (quality.rejected_rows) instead of stopping the run, unless it rejects more than this share of the articles
MAX_REJECTED_SHARE = 0.05
MAX_REJECTED_MIN = 10
MAX_ROWS_READ = 5000


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
        table, severity = SUITES[validation.suite_name][0], SUITES[validation.suite_name][1]
        failed = []
        for r in validation.results:
            if r.success:
                continue
            config = r.expectation_config
            # the failing rows, read once with the check's own query: a few go in the run log (a conflict with its
            # quotes); for a critical check, all of them decide which articles are quarantined
            rows = _failing_rows(warehouse_url, table, config, MAX_ROWS_READ + 1 if severity == "critical" else 5)
            failed.append({"expectation": config.type, "description": config.description,
                           "column": config.kwargs.get("column"), "observed": _observed(r.result),
                           "rows": _examples(rows) if config.kwargs.get("unexpected_rows_query") else None,
                           "rejected": _articles_of(rows) if severity == "critical" else None})
        outcomes.append(SuiteOutcome(suite=validation.suite_name, severity=severity, success=validation.success,
                                     evaluated=len(validation.results), failed=failed))
    blocking = _record_rejections(warehouse_url, run_id, outcomes)
    for o in outcomes:
        for f in o.failed:  # the rows are in quality.rejected_rows; the run log keeps their number
            f["rejected"] = len(f["rejected"]) if f.get("rejected") else None
    _record(warehouse_url, run_id, outcomes)
    for o in outcomes:
        verdict = "passed" if o.success else ("FAILED" if o.severity == "critical" else "WARNING")
        log.info("GX %s: %s (%d expectations, %d failed)", o.suite, verdict, o.evaluated, len(o.failed))
        for f in o.failed:
            emit = log.error if o.severity == "critical" else log.warning
            emit("GX %s %s: %s — %s (observed %s)", o.suite, "failed" if o.severity == "critical" else "warning",
                 f["expectation"], f["description"], f["observed"])
    if raise_on_failure and blocking:
        lines = [f"{suite}: {f['expectation']} — {f['description']} (observed {f['observed']})" for suite, f in blocking]
        raise ValidationFailed("figures failed validation:\n  " + "\n  ".join(lines))
    return outcomes


def _row_query(table: str, config) -> str | None:
    """The failing rows of a critical expectation as SQL over the mart, when it is a row-level check: its own
    unexpected-rows query, or the column condition it states. None for table-level checks (uniqueness …)."""
    kwargs = config.kwargs
    if kwargs.get("unexpected_rows_query"):
        return kwargs["unexpected_rows_query"].format(batch=f"marts.{table}")
    column = kwargs.get("column")
    if not column:
        return None
    col = f'"{column}"'
    condition = {
        "expect_column_values_to_not_be_null": f"{col} IS NULL",
        "expect_column_values_to_be_in_set":
            f"{col} IS NOT NULL AND NOT ({col}::text = ANY (ARRAY[{', '.join(_literal(v) for v in kwargs.get('value_set') or [])}]::text[]))",
        "expect_column_values_to_match_regex": f"{col} IS NOT NULL AND {col}::text !~ {_literal(kwargs.get('regex', ''))}",
        "expect_column_value_lengths_to_be_between":
            f"{col} IS NOT NULL AND char_length({col}::text) < {int(kwargs.get('min_value') or 0)}",
    }.get(config.type)
    return f"SELECT * FROM marts.{table} WHERE {condition}" if condition else None


def _literal(value) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def _failing_rows(warehouse_url: str, table: str, config, limit: int) -> list[dict] | str | None:
    """The rows a check failed on, read again over the mart with its own query (or the column condition it
    states): the checkpoint's SUMMARY results carry only their count, and COMPLETE would return every failing
    value of every check. None for a table-level check; the error's text when the query cannot run."""
    query = _row_query(table, config)
    if not query:
        return None
    try:
        with psycopg.connect(warehouse_url) as conn:
            cur = conn.execute(f"SELECT * FROM ({query}) AS found LIMIT {limit}")
            names = [c.name for c in cur.description]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    except psycopg.Error as exc:
        log.warning("rows of %s not read: %s", config.description, exc)
        return f"rows not read: {exc}"[:300]


def _examples(rows: list[dict] | str | None, limit: int = 5) -> list[str] | None:
    if rows is None or isinstance(rows, str):
        return None if rows is None else [rows]
    return [json.dumps(row, default=str, ensure_ascii=False)[:500] for row in rows[:limit]]


def _articles_of(rows: list[dict] | str | None) -> list[dict] | None:
    """Each failing row with the articles it belongs to (`article_id`, or a statistic's `article_ids`); None
    when there is nothing to quarantine: a table-level check, rows not read, too many, or a row of no article."""
    if not rows or isinstance(rows, str) or len(rows) > MAX_ROWS_READ:
        return None
    out = []
    for row in rows:
        articles = [row["article_id"]] if row.get("article_id") else list(row.get("article_ids") or [])
        if not articles:
            return None
        out.append({"articles": [str(a) for a in articles],
                    "row": json.loads(json.dumps(row, default=str, ensure_ascii=False))})
    return out


def _record_rejections(warehouse_url: str, run_id: str | None, outcomes: list[SuiteOutcome]) -> list:
    """Quarantine the articles of every row-level critical failure; return the failures that must stop the run:
    the table-level ones, and all of them when the rejections would cover too many articles."""
    failures = [(o.suite, f) for o in outcomes if o.severity == "critical" for f in o.failed]
    table_level = [(s, f) for s, f in failures if f.get("rejected") is None]
    rows = [(s, f, r) for s, f in failures if f.get("rejected") for r in f["rejected"]]
    from scrapers.db import ensure_schema  # quality.rejected_rows is created with the other schemas

    with psycopg.connect(warehouse_url) as conn:
        ensure_schema(conn)
        total = conn.execute("select count(*) from marts.fct_articles").fetchone()[0]
        articles = {a for _, _, r in rows for a in r["articles"]}
        if len(articles) > max(MAX_REJECTED_MIN, MAX_REJECTED_SHARE * total):
            return failures  # not a few bad rows: something systemic, nothing is published
        with conn.transaction():
            for suite, f, r in rows:
                for article in r["articles"]:
                    conn.execute(
                        """insert into quality.rejected_rows (run_id, suite, expectation, table_name, article_id,
                               row_data) values (%s, %s, %s, %s, %s, %s)""",
                        (run_id, suite, f["description"], SUITES[suite][0], article, Jsonb(r["row"])))
    for suite, f, r in rows:
        log.error("GX %s rejected article %s: %s", suite, ", ".join(r["articles"]), f["description"])
    return table_level


def _observed(result: dict) -> object:
    for key in ("observed_value", "unexpected_count", "unexpected_percent"):
        if key in result:
            value = result[key]
            return value if isinstance(value, (int, float, str, type(None))) else json.dumps(value, default=str)[:200]
    return None


def _record(warehouse_url: str, run_id: str | None, outcomes: list[SuiteOutcome]) -> None:
    docs = data_docs_index().as_uri()
    with psycopg.connect(warehouse_url) as conn:
        from scrapers.db import ensure_schema  # the quality schema is created with the others

        ensure_schema(conn)
        with conn.transaction():
            for o in outcomes:
                conn.execute(
                    """insert into quality.validation_runs (run_id, suite, severity, success, evaluated, failed,
                           failed_expectations, data_docs_url) values (%s,%s,%s,%s,%s,%s,%s,%s)""",
                    (run_id, o.suite, o.severity, o.success, o.evaluated, len(o.failed), Jsonb(o.failed), docs),
                )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    from scrapers import settings

    outcomes = run_checkpoint(settings.load().database_url(), run_id="manual")
    print(json.dumps([o.__dict__ for o in outcomes], ensure_ascii=False, indent=2))
