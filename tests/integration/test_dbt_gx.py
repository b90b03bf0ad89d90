"""dbt builds the marts from the crawled snapshot; GX passes on them and fails, naming the expectation, on each
kind of bad figure injected into a real Postgres."""

import json
import os
import subprocess
from pathlib import Path

import psycopg
import pytest

from expectations.runner import (
    RowsRejected,
    ValidationFailed,
    alert_rejected,
    rejected_articles,
    run_checkpoint,
)
from scrapers import pipeline
from scrapers.envvars import dbt_env
from scrapers.sources import ADAPTERS
from tests.conftest import fresh_database

DBT_DIR = Path(__file__).resolve().parents[2] / "dbt_project"


def dbt(url, *args):
    env = {**os.environ, **dbt_env(url), "DBT_PROFILES_DIR": str(DBT_DIR / "profiles"), "DO_NOT_TRACK": "1"}
    return subprocess.run(["dbt", *args, "--project-dir", str(DBT_DIR), "--target-path", "target-tests"],
                          cwd=DBT_DIR, env=env, capture_output=True, text=True)


@pytest.fixture(scope="module")
def built(pg_server_url, snapshot_sites):
    with fresh_database(pg_server_url) as url:
        os.environ["HANOI_SOURCE_URLS"] = json.dumps(snapshot_sites.urls)
        try:
            for name in ADAPTERS:
                pipeline.crawl_source(name, "t", url=url, min_delay=0)
        finally:
            del os.environ["HANOI_SOURCE_URLS"]
        pipeline.parse_pending(url=url)
        pipeline.extract_pending(url=url)
        result = dbt(url, "build")
        assert result.returncode == 0, result.stdout[-3000:]
        yield url


def q(url, sql, *args):
    with psycopg.connect(url) as conn:
        return conn.execute(sql, args).fetchall()


def test_marts_hold_seed_001_discipline(built):
    rows = q(built, """select subject, form, form_count, total, breakdown_complete, article_url from marts.fct_discipline
                       where subject = 'party_members' order by form_count desc""")
    assert [(r[1], r[2]) for r in rows] == [("khiển trách", 254), ("khai trừ", 61), ("cảnh cáo", 37), ("cách chức", 7)]
    assert all(r[3] == 359 and r[4] for r in rows)
    assert rows[0][5].startswith("https://tienphong.vn/")
    orgs = q(built, "select sum(form_count), max(total) from marts.fct_discipline where subject = 'party_organisations'")
    assert orgs == [(10, 10)]
    assert q(built, "select count(*), count(distinct source) from marts.fct_articles") == [(6, 6)]
    # Hà Nội Mới's copy of An ninh Thủ đô's story is linked to it, both ways, and to nothing else
    links = q(built, """select source, copy_sources, shared_figures >= 3 from marts.fct_story_links
                        where copy_count > 0 order by 1""")
    assert links == [("anninhthudo", ["hanoimoi"], True), ("hanoimoi", ["anninhthudo"], True)]
    assert q(built, "select count(distinct story_id), count(*) from marts.fct_story_links") == [(5, 6)]
    assert q(built, "select value, denominator from marts.fct_figures where kind = 'ratio' order by value") == \
        [(30, 30), (81, 84)]


def test_rebuild_gives_the_same_marts(built):
    before = q(built, "select figure_id, kind, value from marts.fct_figures order by figure_id")
    assert dbt(built, "build", "--full-refresh").returncode == 0
    assert q(built, "select figure_id, kind, value from marts.fct_figures order by figure_id") == before


def test_clean_run_passes_and_is_recorded(built):
    outcomes = run_checkpoint(built, run_id="clean")
    assert outcomes and all(o.success for o in outcomes)
    assert q(built, "select count(*), bool_and(success) from quality.validation_runs where run_id = 'clean'") == \
        [(len(outcomes), True)]


FIGURE_COLUMNS = ("figure_id, article_id, page_id, source, kind, value, denominator, unit, quote, start_offset, "
                  "end_offset, extractor_version")


@pytest.mark.parametrize("bad,expected", [
    ("'bad-ratio', 'ratio', 31, 30", "ratio numerator ≤ denominator"),
    ("'bad-pct', 'percent', 140, null", "percentages within 0–100"),
    ("'bad-kind', 'rumour', 3, null", "kinds within the contract's vocabulary"),
    ("'bad-count', 'count', -2, null", "counts are non-negative integers"),
])
def test_checkpoint_names_the_failed_expectation(built, bad, expected):
    """One bad figure row: its article is quarantined with the expectation's name (the rest stays publishable),
    the failure is recorded, and the alert after publishing names both."""
    figure_id, kind, value, denominator = (v.strip() for v in bad.split(","))
    run_id = f"injected-{figure_id.strip(chr(39))}"
    with psycopg.connect(built) as conn:
        article = conn.execute(f"""insert into marts.fct_figures ({FIGURE_COLUMNS})
            select {figure_id}, article_id, page_id, source, {kind}, {value}, {denominator}, 'x', 'xx', 0, 2, 'inj'
            from marts.fct_articles order by article_id limit 1 returning article_id""").fetchone()[0]
    try:
        outcomes = run_checkpoint(built, run_id=run_id)  # row-level: no exception, the row is quarantined
        assert not next(o for o in outcomes if o.suite == "fct_figures_suite").success
        assert rejected_articles(built, run_id) == {str(article): [next(
            e for e in rejected_articles(built, run_id)[str(article)] if expected.lower() in e.lower())]}
        with pytest.raises(RowsRejected) as err:
            alert_rejected(built, run_id)
        assert str(article) in str(err.value) and expected.lower() in str(err.value).lower()
    finally:
        with psycopg.connect(built) as conn:
            conn.execute("delete from marts.fct_figures where extractor_version = 'inj'")
    failed = q(built, """select failed_expectations from quality.validation_runs
                         where run_id = %s and not success order by id desc limit 1""", run_id)
    assert failed and failed[0][0][0]["rejected"] == 1


@pytest.mark.parametrize("kind,value,unit,base", [
    ("percent", 115, "%", "chỉ tiêu"),  # "kết nạp 12.460 đảng viên, đạt 115% chỉ tiêu": a share of a target
    ("count", 2.9, "km2", None),  # "có diện tích 2,9 km2": a measure, not a count of things
])
def test_figures_the_checks_must_let_through(built, kind, value, unit, base):
    """Good figures that look like bad ones: a percent over 100 against a target, a fractional measure. Their
    article is not quarantined."""
    run_id = f"good-{kind}"
    with psycopg.connect(built) as conn:
        article = conn.execute(f"""insert into marts.fct_figures ({FIGURE_COLUMNS}, change_base)
            select 'good-{kind}', article_id, page_id, source, %s, %s, null, %s, 'xxxx', 0, 4, 'inj', %s
            from marts.fct_articles order by article_id limit 1 returning article_id""",
                               (kind, value, unit, base)).fetchone()[0]
    try:
        outcomes = run_checkpoint(built, run_id=run_id)
        assert str(article) not in rejected_articles(built, run_id)
        assert next(o for o in outcomes if o.suite == "fct_figures_suite").success
    finally:
        with psycopg.connect(built) as conn:
            conn.execute("delete from marts.fct_figures where extractor_version = 'inj'")


def test_event_after_publication_fails(built):
    with psycopg.connect(built) as conn:
        conn.execute("""insert into marts.fct_event_dates (event_date_id, article_id, source, event_date, published_date,
                            quote, start_offset, end_offset)
                        select 'bad-date', article_id, source, published_date + 3, published_date, 'Sáng 16/7', 0, 9
                        from marts.fct_articles limit 1""")
    try:
        run_checkpoint(built, run_id="bad-date")
        with pytest.raises(RowsRejected, match="event date not after publication"):
            alert_rejected(built, "bad-date")
    finally:
        with psycopg.connect(built) as conn:
            conn.execute("delete from marts.fct_event_dates where event_date_id = 'bad-date'")


def test_cross_outlet_conflict_is_a_warning_not_a_failure(built):
    with psycopg.connect(built) as conn:
        quotes = [q for q, in conn.execute("select quote from marts.fct_figures order by figure_id limit 2")]
        conn.execute("""insert into marts.fct_statistics (statistic_id, scope, kind, subject, period_key, value,
                            reported_values, outlets, article_ids, figure_ids, conflict, stories)
                        select 'conflict', 'Hà Nội', 'discipline_party_members', 'đảng viên', '2021-H1', 359,
                               array[359, 395], array['tienphong', 'kinhtedothi'], array['a1', 'a2'],
                               array(select figure_id from marts.fct_figures order by figure_id limit 2), true, 2"""),
    try:
        outcomes = {o.suite: o for o in run_checkpoint(built, run_id="conflict")}
    finally:
        with psycopg.connect(built) as conn:
            conn.execute("delete from marts.fct_statistics where statistic_id = 'conflict'")
    warning = outcomes["fct_statistics_conflicts_suite"]
    assert warning.severity == "warning" and not warning.success
    assert "reports agree" in warning.failed[0]["description"]
    # the warning names the quotes behind the disagreeing values
    assert all(q in warning.failed[0]["rows"][0] for q in quotes)
    assert all(o.success for o in outcomes.values() if o.severity == "critical")
    assert q(built, "select severity, success from quality.validation_runs where run_id = 'conflict' "
                    "and suite = 'fct_statistics_conflicts_suite'") == [("warning", False)]


def test_broken_extracted_row_fails_the_right_dbt_test(built):
    with psycopg.connect(built) as conn:
        conn.execute("""insert into extracted.mentions (page_id, parser_version, extractor_version, seq, type, payload,
                            quote, start_offset, end_offset)
                        select page_id, parser_version, extractor_version, 900, 'figure',
                               '{"kind": "rumour", "value": 1}', 'x', 0, 1
                        from extracted.extractions limit 1""")
        touch_extraction_of_seq_900(conn)
    try:
        result = dbt(built, "build", "--select", "+fct_figures")
        assert result.returncode != 0
        assert "FAIL 1 accepted_values_fct_figures_kind" in result.stdout.replace("[", " ").replace("]", " ") or \
            "accepted_values_fct_figures_kind" in result.stdout and "FAIL" in result.stdout
    finally:
        with psycopg.connect(built) as conn:
            touch_extraction_of_seq_900(conn)
            conn.execute("delete from extracted.mentions where seq = 900")
        assert dbt(built, "build", "--select", "+fct_figures").returncode == 0
        assert q(built, "select count(*) from marts.fct_figures where kind = 'rumour'") == [(0,)]


def touch_extraction_of_seq_900(conn):
    """Mentions only ever land with their extraction run, in one transaction, and the incremental facts key on
    that run's time: a row slipped in (or fixed) by hand must touch it too, as a real extractor run would."""
    conn.execute("""update extracted.extractions set extracted_at = now()
                    where (page_id, parser_version, extractor_version) in
                          (select page_id, parser_version, extractor_version from extracted.mentions where seq = 900)""")


def test_breakdown_that_does_not_sum_fails(built):
    with psycopg.connect(built) as conn:
        conn.execute("""insert into marts.fct_discipline (figure_id, article_id, source, subject, form, form_count, total,
                            breakdown_complete, quote)
                        values ('bad-sum', 'a', 'tienphong', 'party_members', 'khiển trách', 5, 9, true, 'q'),
                               ('bad-sum', 'a', 'tienphong', 'party_members', 'cảnh cáo', 3, 9, true, 'q')""")
    try:
        run_checkpoint(built, run_id="bad-sum")
        assert rejected_articles(built, "bad-sum") == {"a": ["a complete breakdown sums to the total"]}
    finally:
        with psycopg.connect(built) as conn:
            conn.execute("delete from marts.fct_discipline where figure_id = 'bad-sum'")


def test_a_failure_no_row_can_be_blamed_for_stops_the_run(built):
    """A duplicated figure breaks a whole-table rule (uniqueness): nothing to quarantine, so the run fails and
    nothing is published."""
    with psycopg.connect(built) as conn:
        conn.execute(f"""insert into marts.fct_figures ({FIGURE_COLUMNS})
            select 'dup-' || figure_id, article_id, page_id, source, kind, value, denominator, unit, quote,
                   start_offset, end_offset, 'dup' from marts.fct_figures order by figure_id limit 1""")
    try:
        with pytest.raises(ValidationFailed, match="no duplicate figure per article"):
            run_checkpoint(built, run_id="dup")
    finally:
        with psycopg.connect(built) as conn:
            conn.execute("delete from marts.fct_figures where extractor_version = 'dup'")


def test_an_article_from_2099_is_withheld_and_the_rest_published(built, tmp_path):
    """Issue 18: one article dated 2099 failed a critical expectation and blocked everyone's report. Now it is
    quarantined, the report is built without it (and without the statistics it fed), and the alert names it."""
    from scrapers.report import build_report

    with psycopg.connect(built) as conn:
        victim, published = conn.execute("select article_id, published_at from marts.fct_articles "
                                         "where source = 'tienphong'").fetchone()
        conn.execute("update marts.fct_articles set published_at = '2099-01-01' where article_id = %s", (victim,))
    try:
        run_checkpoint(built, run_id="future")
        withheld = list(rejected_articles(built, "future"))
        assert withheld == [str(victim)]
        data = build_report(built, tmp_path, withheld=withheld)
        assert data["latest"] and all(str(r["article_id"]) != str(victim) for r in data["latest"])
        assert 359 not in [r["value"] for r in data["discipline"]]  # tienphong's discipline total is withheld
        assert any(r["kind"] == "commendation" for r in data["sources_of_numbers"])  # the others are published
        assert "1 bài báo không đạt kiểm định" in (tmp_path / "index.html").read_text(encoding="utf-8")
        with pytest.raises(RowsRejected, match="published_at within a plausible range"):
            alert_rejected(built, "future")
    finally:
        with psycopg.connect(built) as conn:
            conn.execute("update marts.fct_articles set published_at = %s where article_id = %s", (published, victim))


def test_every_mart_and_every_column_is_described(built):
    """The analysts' documentation is complete: each mart states its grain, and each column the warehouse really
    has (read from Postgres, not from the YAML) carries a description in the manifest dbt docs are built from."""
    manifest = json.loads((DBT_DIR / "target-tests" / "manifest.json").read_text(encoding="utf-8"))
    marts = {n["name"]: n for n in manifest["nodes"].values()
             if n["resource_type"] in ("model", "seed") and n["schema"] == "marts"}
    assert len(marts) >= 13  # 12 models + the source_sites seed
    missing = []
    for name, node in marts.items():
        description = node["description"].lower()
        if "grain" not in description and "one row per" not in description:
            missing.append(f"{name}: no grain in its description")
        actual = [r[0] for r in q(built, """select column_name from information_schema.columns
                                             where table_schema = 'marts' and table_name = %s""", name)]
        assert actual, name
        documented = {c: d["description"].strip() for c, d in node["columns"].items()}
        missing += [f"{name}.{c}" for c in actual if not documented.get(c)]
    assert missing == []


def test_statistics_count_each_statistic_once(built):
    """Seed 003's commendations: 58 in a heading, 20 + 18 + 20 by programme in the body, reported by two outlets.
    fct_statistics has one total of 58 (both outlets) whose three parts point at it; seed 001's 359 keeps its forms."""
    totals = q(built, """select value, outlets, conflict, statistic_id from marts.fct_statistics
                         where kind = 'commendation' and part is null""")
    assert [(t[0], t[1], t[2]) for t in totals] == [(58, ["anninhthudo", "hanoimoi"], False)]
    parts = q(built, "select value, part from marts.fct_statistics where part_of = %s order by part", totals[0][3])
    assert [p[0] for p in parts] == [20, 18, 20] and all("CTr/TU" in p[1] for p in parts)
    members = q(built, """select part, value from marts.fct_statistics where kind = 'discipline_party_members'
                          and period_key = '2022-H1' order by value desc""")
    assert members == [(None, 359), ("khiển trách", 254), ("khai trừ", 61), ("cảnh cáo", 37), ("cách chức", 7)]
    # the grain is unique, and no part is counted as a total
    assert q(built, """select count(*) from (select scope, body, kind, subject, period_key, story_id, part
                       from marts.fct_statistics group by 1, 2, 3, 4, 5, 6, 7 having count(*) > 1) d""") == [(0,)]
