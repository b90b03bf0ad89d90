"""Crawl → land → parse → extract against the real snapshot server and a real Postgres."""

import json
import re

import psycopg
import pytest

from scrapers import pipeline
from scrapers.fetcher import FetchResult
from scrapers.snapshot_server import SnapshotSites
from scrapers.sources import ADAPTERS
from tests.conftest import land


def crawl_all(run_id):
    return [pipeline.crawl_source(name, run_id, min_delay=0) for name in ADAPTERS]


def counts(url):
    with psycopg.connect(url) as conn:
        return dict(conn.execute("""
            select 'pages', count(*) from raw.pages union all
            select 'article_pages', count(*) from raw.pages where kind = 'article' union all
            select 'articles', count(*) from extracted.articles union all
            select 'mentions', count(*) from extracted.mentions union all
            select 'quarantine', count(*) from extracted.quarantine""").fetchall())


def test_full_crawl_is_idempotent(warehouse, snapshot_env):
    summaries = crawl_all("run-1")
    assert [s["status"] for s in summaries] == ["ok"] * 6
    # discovery pages + the article: kinhtedothi's JSON API has a second page, baochinhphu's timeline two more
    # and a feed, tienphong a feed, hanoimoi a sitemap index and its article sitemap
    listings = {s["source"]: s["listings"] for s in summaries}
    assert listings == {"kinhtedothi": 2, "tienphong": 2, "baochinhphu": 4, "anninhthudo": 1, "longbien": 1, "hanoimoi": 3}
    # every channel found the source's one article, new on the first run
    assert {s["source"]: sorted(s["channels"]) for s in summaries}["baochinhphu"] == ["feed:/chinh-tri.rss",
                                                                                       "listing:/chinh-tri.htm"]
    assert all(c == {"found": 1, "new": 1, "known": 0} for s in summaries for c in s["channels"].values())
    assert all(s["drift"] == [] for s in summaries)
    assert all(s["new_pages"] == s["listings"] + 1 for s in summaries)
    parsed = pipeline.parse_pending()
    assert parsed["parsed"] == 6 and parsed["quarantined"] == 0
    extracted = pipeline.extract_pending()
    assert extracted["articles"] == 6 and extracted["figures"] > 10
    first = counts(warehouse)
    assert first["pages"] == 19 and first["articles"] == 6

    # a second daily run: listings refetched (unchanged body → no new row), known articles not refetched
    summaries = crawl_all("run-2")
    assert all(s["fetched"] == listings[s["source"]] and s["new_pages"] == 0 for s in summaries)
    assert pipeline.parse_pending()["parsed"] == 0
    assert pipeline.extract_pending()["articles"] == 0
    assert counts(warehouse) == first

    with psycopg.connect(warehouse) as conn:
        fetches = conn.execute("select run_id, kind, count(*) from raw.fetches group by 1, 2 order by 1, 2").fetchall()
    assert fetches == [("run-1", "article", 6), ("run-1", "feed", 2), ("run-1", "listing", 9), ("run-1", "robots", 6),
                       ("run-1", "sitemap", 2),
                       ("run-2", "feed", 2), ("run-2", "listing", 9), ("run-2", "robots", 6), ("run-2", "sitemap", 2)]


def test_raw_pages_are_append_only(warehouse, snapshot_env):
    pipeline.crawl_source("tienphong", "r", min_delay=0)
    with psycopg.connect(warehouse) as conn:
        for statement in ("update raw.pages set status = 500", "delete from raw.pages", "truncate raw.pages"):
            with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
                conn.execute(statement)
            conn.rollback()
        assert conn.execute("select count(*) from raw.pages").fetchone()[0] == 3  # listing, feed, article


def test_same_page_from_another_host_is_not_duplicated(warehouse, snapshot_env, snapshot_sites, monkeypatch):
    pipeline.crawl_source("anninhthudo", "r1", min_delay=0)
    # the same snapshot served on new ports (as after a restart): identity is source + path, not host

    with SnapshotSites() as other:
        monkeypatch.setenv("HANOI_SOURCE_URLS", json.dumps(other.urls))
        summary = pipeline.crawl_source("anninhthudo", "r2", min_delay=0)
    assert summary["new_pages"] == 0
    assert counts(warehouse)["pages"] == 2


def test_unreachable_source_is_recorded_and_does_not_raise(warehouse, snapshot_env, monkeypatch):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    monkeypatch.setenv("HANOI_SOURCE_URLS", json.dumps({"longbien": dead}))
    summary = pipeline.crawl_source("longbien", "r", min_delay=0)
    assert summary["status"] == "unreachable"
    assert "ConnectionError" in summary["errors"][0]
    status = {s["source"]: s for s in pipeline.status()}
    assert status["longbien"]["health"] == "failing"
    assert "robots.txt" in status["longbien"]["last_error"]["url"]
    assert status["tienphong"]["health"] == "never fetched"


def test_unparseable_page_is_quarantined_with_reason(warehouse, snapshot_env):
    pipeline.crawl_source("tienphong", "r", min_delay=0)
    with psycopg.connect(warehouse) as conn, conn.transaction():
        junk = FetchResult(url="https://tienphong.vn/khong-phai-bai-post999.tpo", status=200,
                           headers={"Content-Type": "text/html"}, body=b"<html><body><p>404 trang</p></body></html>")
        land(conn, source="tienphong", kind="article", result=junk, run_id="r")
    result = pipeline.parse_pending()
    assert result["parsed"] == 1 and result["quarantined"] == 1
    with psycopg.connect(warehouse) as conn:
        reason, = conn.execute("select reason from extracted.quarantine").fetchone()
        assert "no known layout" in reason
        # the quarantined page's raw HTML is still there
        assert conn.execute("select count(*) from raw.pages where path like '%%post999%%'").fetchone()[0] == 1


def test_status_reports_five_sources(warehouse, snapshot_env):
    crawl_all("r")
    pipeline.parse_pending()
    pipeline.extract_pending()
    rows = pipeline.status()
    assert [r["source"] for r in rows] == sorted(ADAPTERS)
    for r in rows:
        assert r["pages"] == 1 and r["articles"] == 1 and r["health"] == "ok" and r["last_fetch"]
    by = {r["source"]: r for r in rows}
    assert by["tienphong"]["figures"] >= 5 and by["anninhthudo"]["figures"] >= 10


def test_new_extractor_version_reprocesses_stored_articles(warehouse, snapshot_env):
    pipeline.crawl_source("tienphong", "r", min_delay=0)
    pipeline.parse_pending()
    first = pipeline.extract_pending()
    again = pipeline.extract_pending(extractor_version="extract-next")
    assert again["articles"] == 1 and again["mentions"] == first["mentions"]
    with psycopg.connect(warehouse) as conn:
        versions = conn.execute("select distinct extractor_version from extracted.mentions order by 1").fetchall()
    assert len(versions) == 2


def test_layout_drift_is_flagged_per_source(warehouse, snapshot_env):
    """tienphong's pages suddenly stop matching its adapter: two pages in a new layout land, one readable only by
    the generic fallback (JSON-LD), one not at all. status says "layout drift" for tienphong only."""
    for name in ADAPTERS:
        pipeline.crawl_source(name, "r", min_delay=0)
    redesigned = (b'<html><head><title>x</title><script type="application/ld+json">{"@type": "NewsArticle",'
                  b' "headline": "Thanh uy hop", "datePublished": "2026-11-20T08:00:00+07:00"}</script></head>'
                  b'<body><article><p>Noi dung moi cua bai viet theo bo cuc moi.</p></article></body></html>')
    with psycopg.connect(warehouse) as conn:
        for i, body in enumerate((redesigned, b"<html><body><div>trang trong</div></body></html>")):
            land(conn, source="tienphong", kind="article",
                       result=FetchResult(url=f"http://x/new-layout-post{i}.tpo", status=200, body=body,
                                          headers={}), run_id="r")
    result = pipeline.parse_pending()
    assert result["generic"] == 1 and result["quarantined"] == 1
    assert result["layout_drift"] == {"tienphong": "2/3"}
    rows = {r["source"]: r for r in pipeline.status()}
    assert rows["tienphong"]["health"] == "layout drift" and rows["tienphong"]["recent_unread"] == "2/3"
    assert {r["health"] for s, r in rows.items() if s != "tienphong"} == {"ok"}
    with psycopg.connect(warehouse) as conn:
        assert conn.execute("select layout from extracted.articles where url like '%new-layout-post0%'").fetchone() \
            == ("generic",)


def test_a_page_cannot_take_another_outlets_article(warehouse, snapshot_env):
    """A page on one site that declares another site's article as its og:url keeps its own identity: the other
    outlet's article keeps its canonical URL alone, so the cross-outlet dedup can never replace it."""
    pipeline.crawl_source("tienphong", "r", min_delay=0)
    pipeline.parse_pending()
    with psycopg.connect(warehouse) as conn:
        victim, = conn.execute("select canonical_url from extracted.articles where source = 'tienphong'").fetchone()
    hostile = (f"<html><head><meta property='og:url' content='{victim}'><title>Tin giả</title>"
               "<meta property='article:published_time' content='2024-01-02T08:00:00+07:00'></head><body><article>"
               "<h1>Tin giả</h1>" + "<p>Thành ủy Hà Nội đã kỷ luật 999 đảng viên trong năm 2023, theo báo cáo.</p>" * 8
               + "</article></body></html>").encode()
    with psycopg.connect(warehouse) as conn, conn.transaction():
        land(conn, source="anninhthudo", kind="article", run_id="r",
                   result=FetchResult(url="https://anninhthudo.vn/tin-gia-post999.antd", status=200,
                                      headers={"Content-Type": "text/html"}, body=hostile))
    assert pipeline.parse_pending()["parsed"] == 1
    with psycopg.connect(warehouse) as conn:
        rows = conn.execute("select source, canonical_url from extracted.articles order by source").fetchall()
    assert rows == [("anninhthudo", "https://anninhthudo.vn/tin-gia-post999.antd"), ("tienphong", victim)]


def test_an_oversized_text_is_recorded_with_its_reason_and_the_run_goes_on(warehouse, snapshot_env, monkeypatch):
    """The limit is lowered so one real article is over it: its extraction run is recorded with no mentions and the
    reason, the other sources' articles are extracted, and the next run does not retry it."""
    import scrapers.extract

    for name in ("tienphong", "kinhtedothi"):
        pipeline.crawl_source(name, "r", min_delay=0)
    pipeline.parse_pending()
    with psycopg.connect(warehouse) as conn:
        sizes = dict(conn.execute("select source, length(text) from extracted.articles").fetchall())
    monkeypatch.setattr(scrapers.extract, "MAX_TEXT_CHARS", (sizes["tienphong"] + sizes["kinhtedothi"]) // 2)
    big = max(sizes, key=sizes.get)
    counts = pipeline.extract_pending()
    assert counts["refused"] == 1 and counts["articles"] == 2 and counts["mentions"] > 0
    with psycopg.connect(warehouse) as conn:
        rows = conn.execute("""select a.source, e.mentions, e.error from extracted.extractions e
                               join extracted.articles a using (page_id, parser_version) order by 1""").fetchall()
    refused = [r for r in rows if r[2]]
    assert [(r[0], r[1]) for r in refused] == [(big, 0)] and "limit" in refused[0][2]
    assert all(r[1] > 0 for r in rows if not r[2])
    assert pipeline.extract_pending()["articles"] == 0


def test_a_channel_that_goes_quiet_is_discovery_drift(warehouse, tmp_path):
    """Báo Chính phủ redesigns its category page (links moved into script-rendered cards): the listing channel,
    which found the article yesterday, finds nothing today while the feed still does. The crawl summary, `status`
    and the CLI name the channel; the other sources and a quiet channel that never found anything stay ok."""
    import shutil

    from scrapers.snapshot_server import SITES_DIR

    sites = tmp_path / "sites"
    shutil.copytree(SITES_DIR, sites)
    with SnapshotSites(sites_dir=sites) as served:
        base = served.urls["baochinhphu"]
        first = pipeline.crawl_source("baochinhphu", "day-1", min_delay=0, base_url=base)
        assert first["channels"] == {"listing:/chinh-tri.htm": {"found": 1, "new": 1, "known": 0},
                                     "feed:/chinh-tri.rss": {"found": 1, "new": 1, "known": 0}}
        assert first["drift"] == []
        page = sites / "baochinhphu.vn" / "chinh-tri.htm"
        redesigned = page.read_text(encoding="utf-8").replace("href=", "data-href=")
        page.write_text(re.sub(r"<input[^>]*>", "", redesigned), encoding="utf-8")  # and a new "more" mechanism
        second = pipeline.crawl_source("baochinhphu", "day-2", min_delay=0, base_url=base)
    assert second["status"] == "ok"  # nothing failed to fetch: only the alarm can tell
    assert second["channels"]["listing:/chinh-tri.htm"]["found"] == 0
    assert second["channels"]["feed:/chinh-tri.rss"] == {"found": 1, "new": 0, "known": 1}
    assert second["drift"] == ["listing:/chinh-tri.htm"]
    rows = {r["source"]: r for r in pipeline.status()}
    assert rows["baochinhphu"]["health"] == "discovery drift: listing:/chinh-tri.htm"
    assert rows["baochinhphu"]["quiet_channels"] == ["listing:/chinh-tri.htm"]
    assert {r["health"] for s, r in rows.items() if s != "baochinhphu"} == {"never fetched"}


def test_a_channel_far_below_its_sibling_is_discovery_drift(warehouse):
    """Even on its first run, a channel that finds under a tenth of what another channel of the source finds
    (when that one finds at least ten) is drift: a listing that reads one block of a page while the feed lists
    fifty."""
    from scrapers import discovery

    with psycopg.connect(warehouse) as conn:
        pipeline.status()  # migrates
        discovery.record(conn, source="tienphong", run_id="r1", known=set(), per_channel={
            "listing:/chinh-tri/": ["http://x/a-post1.tpo"],
            "feed:/rss/chinh-tri-308.rss": [f"http://x/a-post{i}.tpo" for i in range(1, 21)]})
        discovery.record(conn, source="hanoimoi", run_id="r1", known=set(), per_channel={
            "listing:/chinh-tri": [f"http://x/b-{i}.html" for i in range(1, 6)],
            "sitemap:/sitemap.xml": [f"http://x/b-{i}.html" for i in range(1, 21)]})
        assert discovery.drift(conn) == {"tienphong": ["listing:/chinh-tri/"]}


DERIVED = {
    "articles": "select page_id, parser_version, source, url, canonical_url, layout, title, sapo, body, text,"
                " paragraphs, published_at, author, category, tags, is_relevant from extracted.articles",
    "quarantine": "select page_id, parser_version, source, url, reason from extracted.quarantine",
    "mentions": "select page_id, parser_version, extractor_version, seq, type, payload, quote, start_offset,"
                " end_offset from extracted.mentions",
    "extractions": "select page_id, parser_version, extractor_version, mentions, error from extracted.extractions",
}


def derived_rows(url: str) -> dict[str, list]:
    with psycopg.connect(url) as conn:
        return {name: sorted(conn.execute(sql).fetchall(), key=repr) for name, sql in DERIVED.items()}


def test_reprocess_in_two_processes_gives_the_same_rows_as_one(warehouse, snapshot_env, monkeypatch):
    """Chunks of two pages over two spawned processes (a quarantined page among them): every derived row equals
    the one-process run's, and nothing is duplicated."""
    from scrapers import derive

    for name in ADAPTERS:
        pipeline.crawl_source(name, "r", min_delay=0)
    with psycopg.connect(warehouse) as conn:
        land(conn, source="tienphong", kind="article", run_id="r",
                   result=FetchResult(url="http://x/broken-post9.tpo", status=200, body=b"<html>no article</html>",
                                      headers={}))
    monkeypatch.setattr(derive, "CHUNK", 2)
    one = pipeline.reprocess(workers=1)
    single = derived_rows(warehouse)
    two = pipeline.reprocess(workers=2)
    assert derived_rows(warehouse) == single
    assert one["parse"] == two["parse"] and one["extract"] == two["extract"]
    assert two["parse"]["parsed"] == 6 and two["parse"]["quarantined"] == 1 and two["workers"] == 2
    assert len(single["mentions"]) == one["extract"]["mentions"] > 20


def test_an_adapter_that_reads_a_box_instead_of_the_story_is_flagged(warehouse, snapshot_env):
    """Tiền Phong moves its story out of `article__body`, which now holds only a teaser: the adapter still
    "parses" the pages, but its articles hold little of the pages' running text. Each article row records its
    coverage, and status says "adapter disagreement" for tienphong (2 of its 3 latest pages)."""
    pipeline.crawl_source("tienphong", "r", min_delay=0)
    story = "".join(f"<p>Đoạn {i}: Ban Thường vụ Quận ủy đã kiểm tra việc thực hiện chương trình công tác năm, chỉ ra "
                    "những hạn chế và yêu cầu khắc phục trong quý tới.</p>" for i in range(5))
    moved = ('<html><head><meta property="article:published_time" content="2026-11-20T08:00:00+07:00"/></head><body>'
             '<h1 class="article__title">Quận ủy kiểm tra</h1><div class="article__body"><p>Xem toàn văn bên dưới.</p>'
             f'</div><div class="story-content-v2">{story}</div></body></html>').encode()
    with psycopg.connect(warehouse) as conn:
        for i in range(2):
            land(conn, source="tienphong", kind="article", run_id="r",
                       result=FetchResult(url=f"http://x/moved-post{i}.tpo", status=200, body=moved + bytes(i),
                                          headers={}))
    result = pipeline.parse_pending()
    assert result["parsed"] == 3 and result["adapter_disagreement"] == {"tienphong": "2/3"}
    with psycopg.connect(warehouse) as conn:
        coverage = dict(conn.execute("select url like '%moved%', min(body_coverage) from extracted.articles group by 1"))
    assert coverage[True] == 0.0 and coverage[False] > 0.9
    row = {r["source"]: r for r in pipeline.status()}["tienphong"]
    assert row["health"] == "adapter disagreement" and row["recent_disagreeing"] == "2/3"


def test_landing_copies_new_bodies_once_and_survives_a_concurrent_writer(warehouse, monkeypatch):
    """A batch lands new bodies by COPY straight into raw.pages, skipping those stored and repeats within the
    batch; when another writer stored one meanwhile (the lookup or the probe for unseen paths missed it), the unique
    violation sends the batch through the scratch table instead: nothing lost, nothing twice, every attempt linked
    to its page, every stored sha256 the body's (hashed inside the COPY for paths never seen)."""
    from scrapers import landing

    def result(path, body):
        return FetchResult(url=f"http://x{path}", status=200, body=body, headers={"Content-Type": "text/html"})

    with psycopg.connect(warehouse) as conn:
        pipeline.status()  # migrated
        first = landing.Batch(conn, source="tienphong", run_id="r1")
        for path, body in (("/a-post1.tpo", b"<p>a</p>"), ("/b-post2.tpo", b"<p>b</p>"), ("/a-post1.tpo", b"<p>a</p>")):
            first.add("article", result(path, body))
        first.flush()
        assert first.new_pages == 2
        racing = landing.Batch(conn, source="tienphong", run_id="r2")
        # blind to what is stored (a race): every body looks new, the stored one keeps its id and collides
        looked_up = racing._lookup
        monkeypatch.setattr(racing, "_lookup", lambda keys: {k: (i, False) for k, (i, _) in looked_up(keys).items()})
        for path, body in (("/a-post1.tpo", b"<p>a</p>"), ("/c-post3.tpo", b"<p>c</p>")):
            racing.add("article", result(path, body))
        racing.flush()
        assert racing.new_pages == 1
        # a path probed as never stored whose body another writer stored meanwhile: collides the same way
        probing = landing.Batch(conn, source="tienphong", run_id="r3")

        def blind(paths):  # every path looks never stored
            ids = conn.execute("select nextval('raw.pages_id_seq') from generate_series(1, %s)", (len(paths),))
            return {path: page_id for path, (page_id,) in zip(paths, ids.fetchall(), strict=True)}

        monkeypatch.setattr(probing, "_unseen_paths", blind)
        for path, body in (("/b-post2.tpo", b"<p>b</p>"), ("/d-post4.tpo", b"<p>d</p>")):
            probing.add("article", result(path, body))
        probing.flush()
        assert probing.new_pages == 1
        # a stored path with a new body is a new version; its old body again is not
        changed = landing.Batch(conn, source="tienphong", run_id="r4")
        for path, body in (("/a-post1.tpo", "<p>a, sửa</p>".encode()), ("/b-post2.tpo", b"<p>b</p>")):
            changed.add("article", result(path, body))
        changed.flush()
        assert changed.new_pages == 1
        pages = conn.execute("select path, count(*) from raw.pages group by 1 order by 1").fetchall()
        assert pages == [("/a-post1.tpo", 2), ("/b-post2.tpo", 1), ("/c-post3.tpo", 1), ("/d-post4.tpo", 1)]
        unlinked = conn.execute("select count(*) from raw.fetches where page_id is null").fetchone()[0]
        assert unlinked == 0 and conn.execute("select count(*) from raw.fetches").fetchone()[0] == 9
        stored = conn.execute("select count(*) from raw.pages where sha256 = encode(sha256(body), 'hex')").fetchone()
        assert stored[0] == 5


def test_raw_bodies_are_stored_lz4_compressed_where_the_server_has_it(warehouse):
    """Migration 010: new raw bodies use lz4 (landing spent most of its time in pglz); a server built without lz4
    keeps pglz rather than failing to migrate. Read back, a body is the bytes landed."""
    from scrapers import landing

    with psycopg.connect(warehouse) as conn:
        pipeline.status()  # migrated
        try:
            with conn.transaction():
                conn.execute("create temp table lz4_probe (b bytea compression lz4)")
            has_lz4 = True
        except psycopg.errors.FeatureNotSupported:
            has_lz4 = False
        method = conn.execute("select attcompression from pg_attribute where attrelid = 'raw.pages'::regclass "
                              "and attname = 'body'").fetchone()[0]
        assert method == ("l" if has_lz4 else "")
        body = ("<p>" + "Thành ủy Hà Nội kỷ luật 12 đảng viên. " * 400 + "</p>").encode()
        batch = landing.Batch(conn, source="tienphong", run_id="r")
        batch.add("article", FetchResult(url="http://x/a-post9.tpo", status=200, body=body, headers={}))
        batch.flush()
        stored, used = conn.execute("select body, pg_column_compression(body) from raw.pages "
                                    "where path = '/a-post9.tpo'").fetchone()
        assert bytes(stored) == body and used == ("lz4" if has_lz4 else "pglz")


def test_a_failed_attempt_is_written_at_once(warehouse):
    """A crawl killed after a failure still shows it: the failed attempt (and what waited before it) lands as it
    happens, not with the next full batch."""
    from scrapers import landing

    with psycopg.connect(warehouse) as conn:
        pipeline.status()  # migrated
        batch = landing.Batch(conn, source="tienphong", run_id="r", max_pages=100)
        batch.add("article", FetchResult(url="http://x/a-post1.tpo", status=200, body=b"<p>a</p>", headers={}))
        assert conn.execute("select count(*) from raw.fetches").fetchone()[0] == 0  # waits for its batch
        batch.add("article", FetchResult(url="http://x/b-post2.tpo", status=503, body=b"", headers={},
                                         error="HTTP 503"))
        rows = conn.execute("select url, error from raw.fetches order by id").fetchall()
    assert rows == [("http://x/a-post1.tpo", None), ("http://x/b-post2.tpo", "HTTP 503")]


def test_one_story_at_two_urls_of_a_source_is_one_article(warehouse, snapshot_env):
    """Issue 18: a byte-identical body at a second URL of the same source (a print view, a re-post under a new
    slug) becomes the same article — the earliest page's canonical URL — whichever order they are parsed in, and
    also when the copy's whitespace differs; the same text at another source stays that source's own article."""
    pipeline.crawl_source("anninhthudo", "r", min_delay=0)
    with psycopg.connect(warehouse) as conn:
        url, body = conn.execute("select url, body from raw.pages where kind = 'article'").fetchone()
    # the copies do not declare the original as their canonical (else they would already share it)
    body = re.sub(rb"<link[^>]*canonical[^>]*>|<meta[^>]*og:url[^>]*>", b"", body)
    copy = body.replace(b"</p>", b"</p>\n ", 3)
    with psycopg.connect(warehouse) as conn, conn.transaction():
        for path, page, source in (("/ban-in-post1.antd", body, "anninhthudo"),
                                   ("/dang-lai-post2.antd", copy, "anninhthudo"),
                                   ("/mirror-post3.antd", body, "kinhtedothi")):
            land(conn, source=source, kind="article", run_id="r",
                       result=FetchResult(url=url.rsplit("/", 1)[0] + path, status=200,
                                          headers={"Content-Type": "text/html"}, body=page))
    counts = pipeline.parse_pending()
    assert counts["merged_copies"] == 2
    with psycopg.connect(warehouse) as conn:
        rows = conn.execute("select source, count(distinct canonical_url), count(*) from extracted.articles "
                            "group by source order by source").fetchall()
        assert rows == [("anninhthudo", 1, 3), ("kinhtedothi", 1, 1)]
        first, = conn.execute("select a.canonical_url from extracted.articles a join raw.pages p on p.id = a.page_id "
                              "where a.source = 'anninhthudo' order by p.fetched_at, p.id limit 1").fetchone()
    assert first != url.rsplit("/", 1)[0] + "/ban-in-post1.antd"  # the original's own identity, not a copy's
    # reparsing everything (another order, another process count) gives the same identities
    pipeline.reprocess(selection=pipeline.Selection(), workers=2)
    with psycopg.connect(warehouse) as conn:
        assert conn.execute("select count(distinct canonical_url) from extracted.articles "
                            "where source = 'anninhthudo'").fetchone() == (1,)
