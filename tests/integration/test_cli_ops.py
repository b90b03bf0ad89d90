"""The operator CLI outside Airflow: `crawl` (all sources at once) and `reprocess` (from raw, no fetching)."""

import json

import psycopg

from scrapers import cli


def rows(url, sql):
    with psycopg.connect(url) as conn:
        return conn.execute(sql).fetchall()


def json_lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def test_crawl_then_reprocess_a_date_range(warehouse, snapshot_env, capsys):
    assert cli.main(["crawl"]) == 0
    out = json_lines(capsys.readouterr().out)
    crawled = [o for o in out if "source" in o]
    assert sorted(o["source"] for o in crawled) == sorted(snapshot_env) and {o["status"] for o in crawled} == {"ok"}
    assert sum(o["new_pages"] for o in crawled) == 19  # 13 discovery pages (listings, feeds, sitemaps) + 6 articles
    figures_before = rows(warehouse, "select count(*) from extracted.mentions where type = 'figure'")[0][0]
    pages_before = rows(warehouse, "select count(*) from raw.pages")[0][0]
    fetches_before = rows(warehouse, "select count(*) from raw.fetches")[0][0]

    # a second crawl: listings answer 304 from the stored validators, nothing new lands
    assert cli.main(["crawl", "--no-parse"]) == 0
    again = json_lines(capsys.readouterr().out)
    assert sum(o["new_pages"] for o in again) == 0 and sum(o["not_modified"] for o in again) == 13

    # reprocess 2019 only: four snapshot articles were published in 2019, none is fetched again
    assert cli.main(["reprocess", "--since", "2019-01-01", "--until", "2019-12-31"]) == 0
    result = json_lines(capsys.readouterr().out)[0]
    assert result["parse"]["parsed"] == 4 and result["extract"]["articles"] == 4
    assert sorted(result["parse"]["by_source"]) == ["anninhthudo", "baochinhphu", "hanoimoi", "longbien"]
    assert rows(warehouse, "select count(*) from raw.pages")[0][0] == pages_before
    # only the 2nd crawl: 6 robots.txt + 13 discovery pages
    assert rows(warehouse, "select count(*) from raw.fetches")[0][0] == fetches_before + 19
    # replaced, not duplicated
    assert rows(warehouse, "select count(*) from extracted.mentions where type = 'figure'")[0][0] == figures_before
    assert rows(warehouse, """select count(*) from (select page_id, parser_version, count(*) from extracted.articles
                              group by 1, 2 having count(*) > 1) d""")[0][0] == 0


def test_reprocess_one_source_under_a_new_extractor_label(warehouse, snapshot_env, capsys):
    assert cli.main(["crawl"]) == 0
    capsys.readouterr()
    assert cli.main(["reprocess", "--source", "tienphong", "--extractor-version", "extract-trial"]) == 0
    result = json_lines(capsys.readouterr().out)[0]
    assert result["extract"]["articles"] == 1
    by_version = dict(rows(warehouse, """select extractor_version, count(distinct page_id) from extracted.extractions
                                         group by 1"""))
    assert by_version["extract-trial"] == 1 and len(by_version) == 2


def test_backfill_from_monthly_sitemaps(warehouse, snapshot_env, capsys):
    """July 1–20, 2022: tienphong's sitemap for 2022-7 lists the seed (13 July) and one article of 30 July, which
    the range leaves out; anninhthudo and hanoimoi have no sitemap for that month (a recorded 404, not a crash)."""
    assert cli.main(["backfill", "--since", "2022-07-01", "--until", "2022-07-20"]) == 0
    out = {o["source"]: o for o in json_lines(capsys.readouterr().out) if "source" in o}
    assert set(out) == {"tienphong", "anninhthudo", "hanoimoi"}
    assert out["tienphong"]["discovered"] == 1 and out["tienphong"]["new_pages"] == 2  # the sitemap + the article
    assert rows(warehouse, "select kind, count(*) from raw.pages group by kind order by kind") == [
        ("article", 1), ("sitemap", 1)]
    for name in ("anninhthudo", "hanoimoi"):
        assert out[name]["status"] == "no sitemap in range" and out[name]["new_pages"] == 0
    fetched = {r[0] for r in rows(warehouse, "select url from raw.fetches where kind in ('sitemap', 'article')")}
    assert any(u.endswith("/sitemaps/news-2022-7.xml") for u in fetched)
    assert not any("post1459999" in u for u in fetched)  # outside the range: never fetched
    assert rows(warehouse, "select count(*) from extracted.articles where source = 'tienphong'")[0][0] == 1
    # a second backfill of the same range stores nothing new
    assert cli.main(["backfill", "--source", "tienphong", "--since", "2022-07-01", "--until", "2022-07-20"]) == 0
    again = [o for o in json_lines(capsys.readouterr().out) if "source" in o]
    assert again[0]["new_pages"] == 0


def test_backfill_refuses_a_source_without_sitemaps(warehouse, snapshot_env):
    import pytest

    from scrapers.crawl import crawl_source

    with pytest.raises(ValueError, match="monthly sitemap"):
        crawl_source("kinhtedothi", "r", url=warehouse, since=__import__("datetime").date(2022, 1, 1))
    assert rows(warehouse, "select count(*) from raw.fetches")[0][0] == 0
