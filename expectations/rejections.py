"""Rows validation quarantined (quality.rejected_rows), read without importing GX: the report step, the alert
after it and the CLI ask which articles to leave out."""

from __future__ import annotations

import psycopg


class RowsRejected(Exception):
    """Raised after publishing when this run quarantined rows; the message names the articles and expectations."""


def rejected_articles(warehouse_url: str, run_id: str | None) -> dict[str, list[str]]:
    """The articles this run's validation quarantined, each with the expectations that caught it."""
    with psycopg.connect(warehouse_url) as conn:
        rows = conn.execute("""select article_id, array_agg(distinct expectation order by expectation)
                               from quality.rejected_rows where run_id is not distinct from %s
                               group by 1 order by 1""", (run_id,)).fetchall()
    return {article: list(expectations) for article, expectations in rows}


def alert_rejected(warehouse_url: str, run_id: str | None) -> None:
    """Fail (after the report was published without them) naming the articles this run quarantined."""
    rejected = rejected_articles(warehouse_url, run_id)
    if rejected:
        named = "; ".join(f"{a} ({', '.join(e)})" for a, e in list(rejected.items())[:10])
        raise RowsRejected(f"{len(rejected)} article(s) quarantined by validation and left out of the report: "
                           f"{named}{' …' if len(rejected) > 10 else ''} — see quality.rejected_rows")


def latest_rejected(warehouse_url: str) -> dict[str, list[str]]:
    """The articles the most recent validation run quarantined (what the CLI's report leaves out)."""
    with psycopg.connect(warehouse_url) as conn:
        try:
            row = conn.execute("select run_id from quality.validation_runs order by run_at desc, id desc limit 1")
            latest = row.fetchone()
        except psycopg.errors.UndefinedTable:
            return {}
    return rejected_articles(warehouse_url, latest[0]) if latest else {}
