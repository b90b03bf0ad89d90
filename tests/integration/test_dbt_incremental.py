"""Incremental facts: a daily run only processes articles whose current version changed, replaces their rows
(never duplicates them), drops rows a new version no longer has, and ends where a full refresh from raw ends."""

import psycopg

from scrapers import pipeline
from scrapers.dbt_build import dbt_build
from scrapers.sources import ADAPTERS

KEYS = {"fct_articles": "article_id", "fct_figures": "figure_id", "fct_discipline": "figure_id, form",
        "fct_document_mentions": "document_mention_id", "fct_official_mentions": "official_mention_id",
        "fct_event_dates": "event_date_id", "fct_story_links": "article_id", "fct_statistics": "statistic_id"}


def marts(url) -> dict:
    """Every row, every column, of each incremental model (the articles table included)."""
    with psycopg.connect(url) as conn:
        out = {fact: conn.execute(f"select * from marts.{fact} order by {key}").fetchall() for fact, key in KEYS.items()}
        out["int_articles_deduplicated"] = conn.execute(
            "select * from intermediate.int_articles_deduplicated order by article_id").fetchall()
        out["int_statistic_reports"] = conn.execute(
            "select * from intermediate.int_statistic_reports order by figure_id, grain_key").fetchall()
        for table in ("discipline_by_period", "dim_documents", "dim_officials"):
            out[table] = conn.execute(f"select * from marts.{table} order by 1").fetchall()
        return out


def build(url, *args):
    result = dbt_build(url, full_refresh="--full-refresh" in args)
    assert result.returncode == 0, result.stdout[-3000:]
    # what ran is read from dbt's run_results.json: every node succeeded (models and their tests)
    assert result.statuses["success"] + result.statuses["pass"] > 20 and not result.failing, result.summary()
    return result.stdout


def test_incremental_runs_match_a_full_refresh(warehouse, snapshot_env):
    for name in ("tienphong", "anninhthudo", "baochinhphu"):
        pipeline.crawl_source(name, "day-1", min_delay=0)
    pipeline.parse_pending()
    pipeline.extract_pending()
    build(warehouse)
    day1 = marts(warehouse)
    assert len(day1["fct_articles"]) == 3

    # day 2: three more sources land; the incremental run adds exactly their rows
    for name in ("kinhtedothi", "longbien", "hanoimoi"):
        pipeline.crawl_source(name, "day-2", min_delay=0)
    pipeline.parse_pending()
    pipeline.extract_pending()
    out = build(warehouse)
    assert "incremental model marts.fct_figures" in out
    day2 = marts(warehouse)
    assert len(day2["fct_articles"]) == 6
    assert {r[0] for r in day1["fct_figures"]} < {r[0] for r in day2["fct_figures"]}

    # a re-extraction of one article under a new extractor version replaces its rows, never duplicates them
    pipeline.reprocess(selection=pipeline.Selection(sources=["tienphong"]), extractor_version="extract-next")
    build(warehouse)
    with psycopg.connect(warehouse) as conn:
        assert conn.execute("select count(*) - count(distinct figure_id) from marts.fct_figures").fetchone()[0] == 0
        versions = conn.execute("select distinct extractor_version from marts.fct_figures where source = 'tienphong'")
        assert versions.fetchall() == [("extract-next",)]
    incremental = marts(warehouse)

    # a newer version of one article that yields no event date: its old event-date rows must go
    with psycopg.connect(warehouse) as conn:
        conn.execute("""delete from extracted.mentions where type = 'event_date' and extractor_version = 'extract-next'""")
        conn.execute("update extracted.extractions set extracted_at = now() where extractor_version = 'extract-next'")
    build(warehouse)
    with psycopg.connect(warehouse) as conn:
        assert conn.execute("select count(*) from marts.fct_event_dates where source = 'tienphong'").fetchone()[0] == 0
    incremental = marts(warehouse)

    # the Hà Nội Mới copy's new version no longer shares its figures: the link goes on both sides, including the
    # unchanged anninhthudo article's row
    with psycopg.connect(warehouse) as conn:
        linked = conn.execute("select source, copy_sources from marts.fct_story_links where copy_count > 0"
                              " order by source").fetchall()
        assert linked == [("anninhthudo", ["hanoimoi"]), ("hanoimoi", ["anninhthudo"])]
        conn.execute("delete from extracted.mentions as m using extracted.articles as a"
                     " where m.page_id = a.page_id and a.source = 'hanoimoi' and m.type = 'figure'")
        conn.execute("update extracted.extractions as e set extracted_at = now() from extracted.articles as a"
                     " where e.page_id = a.page_id and a.source = 'hanoimoi'")
    build(warehouse)
    with psycopg.connect(warehouse) as conn:
        assert conn.execute("select count(*) from marts.fct_story_links where copy_count > 0").fetchone()[0] == 0
        assert conn.execute("select count(*) from marts.fct_figures where source = 'hanoimoi'").fetchone()[0] == 0
    incremental = marts(warehouse)

    # a re-parse (new parser version) gives the Long Biên page another canonical URL and no page carries the old
    # one any more: the old article and all its rows go, the new one comes, as a full refresh would have it
    with psycopg.connect(warehouse) as conn:
        old_url, n_figures = conn.execute(
            "select a.canonical_url, count(f.figure_id) from marts.fct_articles as a"
            " left join marts.fct_figures as f using (article_id) where a.source = 'longbien'"
            " group by a.canonical_url").fetchone()
        assert n_figures > 0
        for table in ("articles", "extractions", "mentions"):
            conn.execute(f"create temp table next_{table} as select * from extracted.{table} as t"
                         " where t.page_id in (select page_id from extracted.articles where source = 'longbien')")
            conn.execute(f"update next_{table} set parser_version = 'parse-next'")
            if table == "articles":
                conn.execute("update next_articles set canonical_url = canonical_url || '?moved', parsed_at = now()")
                conn.execute("alter table next_articles drop column text_hash")  # generated by the table itself
            conn.execute(f"insert into extracted.{table} select * from next_{table}")
    build(warehouse)
    with psycopg.connect(warehouse) as conn:
        for fact in ("fct_articles", "fct_figures", "fct_document_mentions", "fct_official_mentions",
                     "fct_discipline", "fct_event_dates", "fct_story_links"):
            gone = conn.execute(f"select count(*) from marts.{fact} where article_id = md5(%s)", (old_url,))
            assert gone.fetchone()[0] == 0, fact
        moved = conn.execute("select count(*) from marts.fct_figures where article_url = %s", (old_url + "?moved",))
        assert moved.fetchone()[0] == n_figures
    incremental = marts(warehouse)

    build(warehouse, "--full-refresh")
    assert marts(warehouse) == incremental
    assert len(incremental["fct_articles"]) == len(ADAPTERS)
