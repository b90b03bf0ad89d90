"""DAG files import cleanly, fast, without touching the network or a database, and carry what operators need."""

import socket
import time
from pathlib import Path

import pytest

DAGS = Path(__file__).resolve().parents[2] / "dags"


@pytest.fixture(scope="module")
def dagbag():
    # BundleDagBag puts the bundle (dags/) on sys.path, as the dag processor does
    from airflow.dag_processing.dagbag import BundleDagBag

    real_connect = socket.socket.connect
    attempts = []

    def refuse(self, address):
        attempts.append(address)
        raise OSError(f"network access at DAG import: {address}")

    socket.socket.connect = refuse
    try:
        started = time.monotonic()
        bag = BundleDagBag(dag_folder=str(DAGS), bundle_path=DAGS, bundle_name="dags-folder")
        elapsed = time.monotonic() - started
    finally:
        socket.socket.connect = real_connect
    return bag, elapsed, attempts


def test_no_import_errors_and_no_io(dagbag):
    bag, elapsed, attempts = dagbag
    assert bag.import_errors == {}
    assert attempts == []
    assert elapsed < 30, f"DAG import took {elapsed:.1f}s"
    assert set(bag.dag_ids) == {"scrape_sources", "transform", "reprocess", "backfill"}


def test_operator_metadata(dagbag):
    bag, _, _ = dagbag
    for dag_id, dag in bag.dags.items():
        assert dag.tags and "hanoi-reports" in dag.tags, dag_id
        assert dag.doc_md and len(dag.doc_md) > 100, dag_id
        assert dag.catchup is False, dag_id
        assert dag.max_active_runs == 1, dag_id
        for task in dag.tasks:
            assert task.owner == "data-engineering", (dag_id, task.task_id)
            assert task.on_failure_callback, (dag_id, task.task_id)


def test_wiring(dagbag):
    bag, _, _ = dagbag
    transform = bag.dags["transform"]
    ids = set(transform.task_ids)
    assert {"parse_pages", "extract_figures", "validate_figures"} <= ids
    assert any(t.startswith("dbt.fct_figures") for t in ids)  # Cosmos rendered one task per model
    validate = transform.get_task("validate_figures")
    upstream = validate.get_flat_relative_ids(upstream=True)
    assert "extract_figures" in upstream and any(u.startswith("dbt.fct_discipline") for u in upstream)
    scrape = bag.dags["scrape_sources"]
    from scrapers.sources import ADAPTERS

    crawls = [scrape.get_task(f"crawl_{name}") for name in ADAPTERS]
    # one pool per domain: two runs never crawl one site at once
    assert [t.pool for t in crawls] == [f"domain_{a.domain}" for a in ADAPTERS.values()]
    assert all(t.retries >= 1 and t.retry_exponential_backoff for t in crawls)
    assert [o.name for o in scrape.get_task("summarise").outlets] == ["raw_pages"]
    assert scrape.get_task("summarise").trigger_rule == "all_done"
    assert scrape.get_task("check_sources").get_flat_relative_ids(upstream=True) >= {t.task_id for t in crawls}
    reprocess = bag.dags["reprocess"]
    assert set(reprocess.params) == {"sources", "since", "until", "parser_version", "extractor_version",
                                     "full_refresh", "workers"}
    assert reprocess.params.get_param("sources").schema["items"]["enum"] == list(ADAPTERS)
    assert [o.name for o in reprocess.get_task("validate_figures").outlets] == ["marts_fct_figures"]
    backfill = bag.dags["backfill"]
    assert {t.task_id: t.pool for t in backfill.tasks if t.task_id.startswith("backfill_")} == {
        "backfill_tienphong": "domain_tienphong.vn", "backfill_anninhthudo": "domain_anninhthudo.vn",
        "backfill_hanoimoi": "domain_hanoimoi.vn"}
    assert set(backfill.params) == {"sources", "since", "until", "max_articles"}
    assert [o.name for o in backfill.get_task("landed").outlets] == ["raw_pages"]


def test_every_task_has_a_deadline_and_a_slow_site_only_fails_its_own(dagbag):
    """Issue 18: no task may run forever; one site's crawl has a shorter budget than the day, and the daily run
    itself ends, so a slow or hostile site cannot hold the next day's run."""
    bag, _, _ = dagbag
    for dag_id in bag.dag_ids:
        dag = bag.get_dag(dag_id)
        for t in dag.tasks:
            assert t.execution_timeout is not None, f"{dag_id}.{t.task_id} has no execution_timeout"
    scrape = bag.get_dag("scrape_sources")
    crawls = [t for t in scrape.tasks if t.task_id.startswith("crawl_")]
    assert crawls and all(t.execution_timeout < scrape.dagrun_timeout for t in crawls)
    assert scrape.dagrun_timeout.total_seconds() < 24 * 3600
