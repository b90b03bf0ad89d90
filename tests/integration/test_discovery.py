"""Discovery over HTTP from the snapshot sites: from each listing (today's and the old era's) and each sitemap an
adapter reads, it finds exactly the article URLs on it — not the menus, tags, related boxes or pagers — follows the
pagination to its end, and requests no page twice."""

import copy
from collections import Counter
from datetime import date

import pytest

from scrapers import discovery
from scrapers.fetcher import PoliteClient
from scrapers.sources import ADAPTERS

# source → listing entry point → (the listing pages that must be requested, the article paths they link)
LISTINGS = {
    "kinhtedothi": {
        "/api/category/1212092406/paging/1": (
            ["/api/category/1212092406/paging/1", "/api/category/1212092406/paging/2"],
            ["/bi-thu-hoang-trung-hai-trinh-de-an-thi-diem-quan-ly-mo-hinh-chinh-quyen-do-thi-trong-quy-iv.html"]),
        "/chinh-tri/tin-tuc/": (
            ["/chinh-tri/tin-tuc/"],
            ["/bi-thu-hoang-trung-hai-trinh-de-an-thi-diem-quan-ly-mo-hinh-chinh-quyen-do-thi-trong-quy-iv-309873.html"]),
    },
    "tienphong": {
        "/chinh-tri/": (["/chinh-tri/"], ["/ha-noi-thi-diem-nguoi-dung-dau-lua-chon-bo-nhiem-cap-pho-cua-minh-post1452911.tpo"]),
        "/xa-hoi/": (["/xa-hoi/", "/xa-hoi/trang2"],
                     ["/xa-hoi/ha-noi-thi-diem-nguoi-dung-dau-lua-chon-bo-nhiem-cap-pho-cua-minh-1752911.tpo",
                      "/xa-hoi/tin-khac-1752000.tpo", "/xa-hoi/tin-thu-ba-1751000.tpo"]),
    },
    "baochinhphu": {
        # today's category page: no pager, a script "Xem thêm" loading /timelinelist/<zone>/<n>.htm until empty
        "/chinh-tri.htm": (["/chinh-tri.htm", "/timelinelist/1021/2.htm", "/timelinelist/1021/3.htm"],
                           ["/lam-ro-nhung-doi-moi-trong-phuong-thuc-lanh-dao-cua-thanh-uy-102191014192500565.htm"]),
        # the variation: focus box, stream, timeline, a most-read sidebar, an old short id, a print view, utm
        "/thoi-su.htm": (["/thoi-su.htm", "/timelinelist/1022/2.htm", "/timelinelist/1022/3.htm"],
                         [f"/thoi-su-bai-{n}-1022611{n:02d}0800{n:04d}.htm" for n in range(1, 6)]
                         + ["/bai-cu-nam-2013-102134567.htm"]
                         + [f"/thoi-su-bai-{n}-1022611{n:02d}0800{n:04d}.htm" for n in range(6, 9)]),
        "/Thoi-su/443.vgp": (["/Thoi-su/443.vgp"],
                             ["/Hoat-dong-cua-lanh-dao-Dang-Nha-nuoc/Lam-ro-nhung-doi-moi-trong-phuong-thuc-lanh-dao-cua-Thanh-uy/377981.vgp"]),
    },
    "anninhthudo": {
        "/chinh-tri-xa-hoi/": (["/chinh-tri-xa-hoi/"],
                               ["/thanh-uy-ha-noi-tong-ket-3-chuong-trinh-cong-tac-toan-khoa-nhiem-ky-2015-2020-post826540.antd"]),
        "/chinh-tri-xa-hoi/3.antd": (["/chinh-tri-xa-hoi/3.antd"],
                                     ["/chinh-tri-xa-hoi/thanh-uy-ha-noi-tong-ket-3-chuong-trinh-cong-tac-toan-khoa-nhiem-ky-2015-2020/826540.antd"]),
    },
    "longbien": {
        "/web/guest/tin-tuc-su-kien-noi-bat": (
            ["/web/guest/tin-tuc-su-kien-noi-bat"],
            ["/web/guest/tin-tuc-su-kien-noi-bat/-/asset_publisher/WwKT6kIpxxfP/content/thuong-vu-thanh-uy-lam-viec-voi-ban-thuong-vu"
             "-quan-uy-ve-cong-tac-chuan-bi-to-chuc-ai-hoi-ang-cac-cap-nhiem-ky-2020-2025"]),
    },
    "hanoimoi": {
        "/chinh-tri": (["/chinh-tri"], ["/thanh-uy-ha-noi-tong-ket-3-chuong-trinh-cong-tac-toan-khoa-nhiem-ky-2015-2020-538001.html"]),
        "/Danh-muc-tin/147/Chinh-tri": (
            ["/Danh-muc-tin/147/Chinh-tri", "/Danh-muc-tin/147/Chinh-tri/trang-2"],
            ["/Tin-tuc/Chinh-tri/950321/thanh-uy-ha-noi-tong-ket-3-chuong-trinh-cong-tac-toan-khoa-nhiem-ky-2015-2020",
             "/Tin-tuc/Chinh-tri/950300/tin-khac"]),
    },
}
CASES = [(name, entry) for name, entries in LISTINGS.items() for entry in entries]


class Recorder:
    """The real polite client, counting what it requested."""

    def __init__(self, base):
        self.client = PoliteClient(base, min_delay=0)
        self.requested: list[str] = []

    def fetch(self, kind, url, etag=None, last_modified=None):
        self.requested.append(url)
        return self.client.fetch(url, etag=etag, last_modified=last_modified)


def test_every_source_has_its_listing_today_and_every_adapter_is_covered():
    assert set(LISTINGS) == set(ADAPTERS)
    for name, adapter in ADAPTERS.items():
        assert set(adapter.listing_paths) <= set(LISTINGS[name]), name


@pytest.mark.parametrize(("name", "entry"), CASES)
def test_listing_finds_exactly_its_articles_and_follows_pagination_once(snapshot_sites, name, entry):
    base = snapshot_sites.urls[name]
    adapter = copy.copy(ADAPTERS[name])
    adapter.listing_paths, adapter.feed_paths, adapter.sitemap_paths = (entry,), (), ()
    recorder = Recorder(base)
    summary = {"listings": 0}
    found, per_channel = discovery.discover(adapter, base, recorder.fetch, lambda r: r.body if r.ok else None, {},
                                            summary)
    assert per_channel == {f"listing:{entry}": found}
    pages, articles = LISTINGS[name][entry]
    assert found == [base + p for p in articles]
    assert recorder.requested == [base + p for p in pages]
    assert max(Counter(recorder.requested).values()) == 1
    assert summary["listings"] == len(pages)


@pytest.mark.parametrize(("name", "expected"), [
    ("tienphong", ["/ha-noi-thi-diem-nguoi-dung-dau-lua-chon-bo-nhiem-cap-pho-cua-minh-post1452911.tpo"]),
    ("anninhthudo", ["/thanh-uy-ha-noi-tong-ket-3-chuong-trinh-cong-tac-toan-khoa-nhiem-ky-2015-2020-post826540.antd"]),
    ("hanoimoi", ["/thanh-uy-ha-noi-tong-ket-3-chuong-trinh-cong-tac-toan-khoa-nhiem-ky-2015-2020-538001.html"]),
])
def test_monthly_sitemaps_give_the_articles_of_the_range(snapshot_sites, name, expected):
    """Each month's sitemap is requested once; the <loc>s (real host) are rebased on the host the sitemap came
    from; an entry whose <lastmod> is outside the range is left out; a month without a sitemap is a failed fetch."""
    base = snapshot_sites.urls[name]
    recorder = Recorder(base)
    summary = {"listings": 0}
    found = discovery.discover_backfill(ADAPTERS[name], base, recorder.fetch, date(2019, 11, 1), date(2022, 7, 20),
                                        summary)
    assert found == [base + p for p in expected]
    assert len(recorder.requested) == len(set(recorder.requested)) == 33  # Nov 2019 … Jul 2022
    assert summary["listings"] == 1  # the one month of the range each snapshot site has a sitemap for


VARIATION = [f"/thoi-su-bai-{n}-1022611{n:02d}0800{n:04d}.htm" for n in range(1, 10)] + ["/bai-cu-nam-2013-102134567.htm"]


def test_channels_of_the_variation_category_count_found_missed_and_wrong(snapshot_sites):
    """Báo Chính phủ's variation category (its ten articles spread over a focus box, a stream, two timeline pages
    and an RSS feed): each channel finds its own share, none takes a sidebar, print, off-site, category or
    utm-duplicate link, and together they find all ten once."""
    base = snapshot_sites.urls["baochinhphu"]
    adapter = copy.copy(ADAPTERS["baochinhphu"])
    adapter.listing_paths, adapter.feed_paths = ("/thoi-su.htm",), ("/thoi-su.rss",)
    recorder = Recorder(base)
    summary = {"listings": 0}
    found, per_channel = discovery.discover(adapter, base, recorder.fetch, lambda r: r.body if r.ok else None, {},
                                            summary)
    truth = {base + p for p in VARIATION}
    score = {name: (len(set(urls) & truth), len(set(urls) - truth)) for name, urls in per_channel.items()}
    assert score == {"listing:/thoi-su.htm": (9, 0), "feed:/thoi-su.rss": (2, 0)}  # (found, wrong)
    assert set(found) == truth and len(found) == len(truth)  # missed: none; the feed's article 1 is not repeated
    assert summary["listings"] == 4 and max(Counter(recorder.requested).values()) == 1


def test_every_channel_of_every_source_finds_its_articles(snapshot_sites):
    """The channels the daily crawl reads (listings, feeds, sitemaps): each finds the source's article."""
    for name, adapter in ADAPTERS.items():
        base = snapshot_sites.urls[name]
        found, per_channel = discovery.discover(adapter, base, Recorder(base).fetch,
                                                lambda r: r.body if r.ok else None, {}, {"listings": 0})
        assert len(found) == 1, (name, found)
        assert set(per_channel) == {c.name for c in discovery.channels(adapter)}
        assert all(urls == found for urls in per_channel.values()), (name, per_channel)
