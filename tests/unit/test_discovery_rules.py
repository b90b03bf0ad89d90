"""Discovery rules on pages and feeds of our own: URL normalisation, feeds (RSS and Atom, through feedparser),
sidebars, sitemap indexes, Báo Chính phủ's script-loaded timeline."""

import pytest

from scrapers.discovery import Channel, channels
from scrapers.sources import ADAPTERS
from scrapers.sources.base import normalise_url

BASE = "http://127.0.0.1:8803"


@pytest.mark.parametrize(("url", "expected"), [
    ("https://BaoChinhPhu.vn/a-102261130071500123.htm#comments", "https://baochinhphu.vn/a-102261130071500123.htm"),
    ("https://tienphong.vn/a-post1.tpo?utm_source=fb&utm_medium=social", "https://tienphong.vn/a-post1.tpo"),
    ("https://tienphong.vn/a-post1.tpo?fbclid=IwAR0x&page=2&zarsrc=30", "https://tienphong.vn/a-post1.tpo?page=2"),
    ("https://hanoimoi.vn", "https://hanoimoi.vn/"),
    ("https://tienphong.vn/a-post1.tpo/", "https://tienphong.vn/a-post1.tpo"),
    ("https://tienphong.vn/chinh-tri/", "https://tienphong.vn/chinh-tri/"),  # a section keeps its slash
])
def test_urls_are_normalised_before_dedup(url, expected):
    assert normalise_url(url) == expected


def test_an_atom_feed_gives_its_article_links_rebased_on_the_feed_host():
    atom = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>TP</title>
<entry><title>A</title><link href="https://www.tienphong.vn/ha-noi-ky-luat-post1700001.tpo?utm_source=rss"/>
<id>tag:tienphong.vn,2026:1700001</id></entry>
<entry><title>B</title><link href="https://tienphong.vn/the-thao/"/></entry>
<entry><title>C</title><link href="https://evil.example/ha-noi-post1700002.tpo"/></entry></feed>"""
    assert ADAPTERS["tienphong"].discover_feed(atom, BASE + "/rss/chinh-tri-308.rss") == [
        BASE + "/ha-noi-ky-luat-post1700001.tpo"]


def test_a_broken_feed_finds_nothing_and_does_not_raise():
    assert ADAPTERS["baochinhphu"].discover_feed(b"<html><body>502 Bad Gateway</body></html>", BASE + "/x.rss") == []


def test_sidebars_of_other_categories_are_not_the_listing():
    html = """<html><body><div class="list"><a href="/bai-mot-102261130071500001.htm">Một</a></div>
<aside><a href="/bai-hai-102261130071500002.htm">Hai</a></aside>
<div class="box-most-viewed"><a href="/bai-ba-102261130071500003.htm">Ba</a></div>
<div id="tin-doc-nhieu"><a href="/bai-bon-102261130071500004.htm">Bốn</a></div>
<div class="sidebar-right"><ul><li><a href="/bai-nam-102261130071500005.htm">Năm</a></li></ul></div></body></html>"""
    assert ADAPTERS["baochinhphu"].discover(html, BASE + "/chinh-tri.htm") == [BASE + "/bai-mot-102261130071500001.htm"]


def test_a_sitemap_index_gives_its_article_sitemaps_newest_first():
    index = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://tienphong.vn/sitemaps/news-2026-9.xml</loc></sitemap>
<sitemap><loc>https://tienphong.vn/sitemaps/categories.xml</loc></sitemap>
<sitemap><loc>https://tienphong.vn/sitemaps/news-2026-12.xml</loc></sitemap>
<sitemap><loc>https://tienphong.vn/sitemaps/news-2026-11.xml</loc></sitemap>
<sitemap><loc>https://other.example/sitemaps/news-2027-1.xml</loc></sitemap></sitemapindex>"""
    assert ADAPTERS["tienphong"].sitemap_children(index, BASE + "/sitemap.xml") == [
        BASE + "/sitemaps/news-2026-12.xml", BASE + "/sitemaps/news-2026-11.xml", BASE + "/sitemaps/news-2026-9.xml"]
    assert ADAPTERS["tienphong"].sitemap_children(b"<urlset/>", BASE + "/sitemap.xml") == []


@pytest.mark.parametrize(("page", "html", "expected"), [
    ("/chinh-tri.htm", '<input type="hidden" id="hdZoneId" value="1021"/>', "/timelinelist/1021/2.htm"),
    ("/thoi-su.htm", '<input type="hidden" name="zone_id" value=" 77 "/>', "/timelinelist/77/2.htm"),
    ("/timelinelist/1021/2.htm", "<div></div>", "/timelinelist/1021/3.htm"),
    ("/chinh-tri.htm", '<input type="hidden" id="hdZoneId" value="abc"/>', None),
    ("/chinh-tri.htm", '<input type="hidden" id="csrf" value="12345"/>', None),
])
def test_baochinhphu_more_button_endpoint(page, html, expected):
    found = ADAPTERS["baochinhphu"].next_listing_page(f"<html><body>{html}</body></html>", BASE + page)
    assert found == (BASE + expected if expected else None)


def test_channels_are_named_by_kind_and_path_in_reading_order():
    assert channels(ADAPTERS["baochinhphu"]) == [Channel("listing", "/chinh-tri.htm"), Channel("feed", "/chinh-tri.rss")]
    assert [c.name for c in channels(ADAPTERS["hanoimoi"])] == ["listing:/chinh-tri", "sitemap:/sitemap.xml"]
    assert all(channels(adapter) for adapter in ADAPTERS.values())


@pytest.mark.parametrize("path", ["/print/a-post1.tpo", "/amp/a-post1.tpo", "/binh-luan/a-post1.tpo",
                                  "/a-post1.tpo?view=comments", "/a-post1.tpo?print=1"])
def test_print_amp_and_comment_views_are_not_articles(path):
    assert not ADAPTERS["tienphong"].is_article_url("https://tienphong.vn" + path)
    assert ADAPTERS["tienphong"].is_article_url("https://tienphong.vn/a-post1.tpo")
