"""The real DAGs, run with `airflow dags test` against a fresh warehouse and the snapshot server."""

import json
import os
import subprocess

import psycopg

from expectations.suites import SUITES
from scrapers import pipeline
from scrapers.sources import ADAPTERS
from tests.conftest import writer_url


def dags_test(dag_id, env):
    proc = subprocess.run(["airflow", "dags", "test", dag_id], env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-4000:]
    assert f"dag_id={dag_id}" in proc.stdout + proc.stderr
    return proc.stdout + proc.stderr


def test_scrape_then_transform(warehouse, snapshot_sites, tmp_path):
    """The daily path as deployed: every task logs in as the pipeline's writer, which may only add to the archive;
    the schema owner's connection migrates and builds dbt."""
    report = tmp_path / "report" / "index.html"
    writer = writer_url(warehouse)
    env = {**os.environ, "WAREHOUSE_URL": writer, "AIRFLOW_CONN_WAREHOUSE": writer,
           "HANOI_SOURCE_URLS": json.dumps(snapshot_sites.urls), "REPORT_DIR": str(report.parent)}
    assert env["AIRFLOW_CONN_WAREHOUSE_OWNER"] == warehouse and "pipeline_writer" in writer
    log = dags_test("scrape_sources", env)
    assert "state=success" in log
    log = dags_test("transform", env)
    assert "state=success" in log and "fct_figures_suite: passed" in log

    assert "359 (khiển trách: 254" in report.read_text(encoding="utf-8")
    rows = {r["source"]: r for r in pipeline.status(url=warehouse)}
    assert len(rows) == len(ADAPTERS)
    assert all(r["pages"] == 1 and r["articles"] == 1 for r in rows.values())
    with psycopg.connect(warehouse) as conn:
        total, = conn.execute("select total from marts.fct_discipline where form = 'khai trừ'").fetchone()
        assert total == 359
        # one recorded run per suite, every one passed
        assert conn.execute("select bool_and(success), count(*) from quality.validation_runs").fetchone() == \
            (True, len(SUITES))

    # a rerun gives the same warehouse
    before = _snapshot(warehouse)
    dags_test("scrape_sources", env)
    dags_test("transform", env)
    assert _snapshot(warehouse) == before

    # one bad figure (140 %) slips into the extracted layer: GX quarantines its article, the report is published
    # without it, and the run fails after publishing, naming the article and the expectation
    with psycopg.connect(warehouse) as conn:
        conn.execute("""insert into extracted.mentions (page_id, parser_version, extractor_version, seq, type, payload,
                            quote, start_offset, end_offset)
                        select page_id, parser_version, extractor_version, 900, 'figure',
                               '{"kind": "percent", "value": 140, "unit": "%"}', '140%', 0, 4
                        from extracted.extractions order by page_id limit 1""")
        # mentions only ever land with their extraction run (one transaction): a bad extractor run touches it too,
        # which is what the incremental facts key on
        conn.execute("""update extracted.extractions set extracted_at = now()
                        where page_id = (select page_id from extracted.mentions where seq = 900)""")
        pages_before = conn.execute("select count(*) from raw.pages").fetchone()[0]
    report.unlink()
    proc = subprocess.run(["airflow", "dags", "test", "transform"], env=env, capture_output=True, text=True,
                          timeout=900)
    log = proc.stdout + proc.stderr
    assert proc.returncode != 0 and "state=failed" in log
    assert "percentages within 0–100" in log and "check_rejected failed" in log
    assert "validate_figures failed" not in log
    # the others' figures are published; the quarantined article is not, and the page says one was withheld
    assert report.exists() and "1 bài báo không đạt kiểm định" in report.read_text(encoding="utf-8")
    with psycopg.connect(warehouse) as conn:
        assert conn.execute("select count(distinct article_id) from quality.rejected_rows "
                            "where expectation like 'percentages within%%'").fetchone()[0] == 1
        assert conn.execute("select count(*) from raw.pages").fetchone()[0] == pages_before
        assert conn.execute("select count(*) from staging.stg_extracted__articles").fetchone()[0] == len(ADAPTERS)
        assert conn.execute("select count(*) from marts.fct_figures where value = 140").fetchone()[0] == 1
        assert conn.execute("""select failed_expectations::text from quality.validation_runs
                               where suite = 'fct_figures_suite' order by id desc limit 1""").fetchone()[0] \
            .count("percentages within") == 1
        # the fix: the extractor run is redone without the bad figure
        conn.execute("""update extracted.extractions set extracted_at = now()
                        where page_id = (select page_id from extracted.mentions where seq = 900)""")
        conn.execute("delete from extracted.mentions where seq = 900")
    assert "state=success" in dags_test("transform", env)
    assert _snapshot(warehouse) == before and report.exists()


def _snapshot(url):
    with psycopg.connect(url) as conn:
        return conn.execute("""select (select count(*) from raw.pages), (select count(*) from extracted.articles),
                                      (select count(*) from extracted.mentions), (select count(*) from marts.fct_figures),
                                      (select string_agg(figure_id, ',' order by figure_id) from marts.fct_figures)
                            """).fetchone()


def test_a_dead_source_fails_alone_and_is_named(warehouse, snapshot_sites):
    """longbien's server is gone: its task fails, the other four land their pages, `summarise` still emits
    raw_pages, and the run fails with a summary naming longbien."""
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    urls = {**snapshot_sites.urls, "longbien": dead}
    env = {**os.environ, "WAREHOUSE_URL": warehouse, "AIRFLOW_CONN_WAREHOUSE": warehouse,
           "HANOI_SOURCE_URLS": json.dumps(urls)}
    proc = subprocess.run(["airflow", "dags", "test", "scrape_sources"], env=env, capture_output=True, text=True,
                          timeout=900)
    log = proc.stdout + proc.stderr
    assert proc.returncode != 0 and "state=failed" in log
    assert "[hanoi-reports] scrape_sources.crawl_longbien failed" in log and "longbien unreachable" in log
    assert "[hanoi-reports] scrape_sources.check_sources failed" in log and "sources failed: longbien" in log
    for other in ("kinhtedothi", "tienphong", "baochinhphu", "anninhthudo", "hanoimoi"):
        assert f"scrape_sources.crawl_{other} failed" not in log
    with psycopg.connect(warehouse) as conn:
        landed = dict(conn.execute("select source, count(*) from raw.pages group by source").fetchall())
        events = conn.execute("select count(*) from raw.fetches where source = 'longbien' and error is not null")
        assert events.fetchone()[0] >= 1
    # discovery pages + the article (kinhtedothi's JSON API has two pages; baochinhphu's timeline two more and a
    # feed; tienphong a feed; hanoimoi a sitemap index and its article sitemap)
    assert landed == {"kinhtedothi": 3, "tienphong": 3, "baochinhphu": 5, "anninhthudo": 2, "hanoimoi": 4}
    rows = {r["source"]: r for r in pipeline.status(url=warehouse)}
    assert rows["longbien"]["health"] == "failing" and rows["tienphong"]["health"] == "ok"


def test_reprocess_dag_with_params(warehouse, snapshot_sites, snapshot_env):
    env = {**os.environ, "WAREHOUSE_URL": warehouse, "AIRFLOW_CONN_WAREHOUSE": warehouse,
           "HANOI_SOURCE_URLS": json.dumps(snapshot_sites.urls)}
    pipeline.crawl_source("tienphong", "setup", url=warehouse, min_delay=0)
    pipeline.crawl_source("anninhthudo", "setup", url=warehouse, min_delay=0)
    pipeline.parse_pending(url=warehouse)
    pipeline.extract_pending(url=warehouse)
    with psycopg.connect(warehouse) as conn:
        fetches = conn.execute("select count(*) from raw.fetches").fetchone()[0]
        figures = conn.execute("select count(*) from extracted.mentions where type = 'figure'").fetchone()[0]
    conf = json.dumps({"sources": ["tienphong"], "since": "2022-01-01", "until": "2022-12-31", "full_refresh": True})
    proc = subprocess.run(["airflow", "dags", "test", "reprocess", "--conf", conf], env=env, capture_output=True,
                          text=True, timeout=900)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0 and "state=success" in log, log[-4000:]
    assert "'parsed': 1" in log and "Done. PASS=" in log
    with psycopg.connect(warehouse) as conn:
        assert conn.execute("select count(*) from raw.fetches").fetchone()[0] == fetches  # nothing fetched
        assert conn.execute("select count(*) from extracted.mentions where type = 'figure'").fetchone()[0] == figures
        assert conn.execute("select count(*) from marts.fct_discipline where total = 359").fetchone()[0] >= 1
        assert conn.execute("select bool_and(success) from quality.validation_runs").fetchone()[0] is True


def test_backfill_dag_with_params(warehouse, snapshot_sites):
    env = {**os.environ, "WAREHOUSE_URL": warehouse, "AIRFLOW_CONN_WAREHOUSE": warehouse,
           "HANOI_SOURCE_URLS": json.dumps(snapshot_sites.urls)}
    conf = json.dumps({"since": "2022-07-01", "until": "2022-07-20"})
    proc = subprocess.run(["airflow", "dags", "test", "backfill", "--conf", conf], env=env, capture_output=True,
                          text=True, timeout=900)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0 and "state=success" in log, log[-4000:]
    assert "tienphong: 1 sitemaps, 1 articles in range, 2 new pages" in log
    with psycopg.connect(warehouse) as conn:
        assert conn.execute("select source, kind from raw.pages order by 1, 2").fetchall() == [
            ("tienphong", "article"), ("tienphong", "sitemap")]
    # the marts accept the sitemap page kind
    from scrapers.dbt_build import dbt_build

    pipeline.parse_pending(url=warehouse)
    pipeline.extract_pending(url=warehouse)
    built = dbt_build(warehouse)
    assert built.returncode == 0, built.stdout[-3000:]
