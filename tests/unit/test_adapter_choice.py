"""One way to pick an adapter (by host, aliases and subdomains, then the generic reader), and article URLs that
never include a print or AMP view of an article (issue 17), or miss an old id shape (issue 21)."""

from pathlib import Path

import pytest

from scrapers import sources
from scrapers.sources import ADAPTERS

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("url", "name"), [
    ("https://tienphong.vn/a-post1.tpo", "tienphong"),
    ("https://www.tienphong.vn/a-post1.tpo", "tienphong"),
    ("http://hanoimoi.com.vn/Tin-tuc/Chinh-tri/1/a", "hanoimoi"),
    ("https://chinhphu.vn/a-102191014192500565.htm", "baochinhphu"),
    ("https://en.baochinhphu.vn/a-102191014192500565.htm", "baochinhphu"),
    ("https://vnexpress.net/a-1.html", None),
    ("https://tienphong.vn.example.org/a-post1.tpo", None),
    ("javascript:alert(1)", None),
])
def test_adapter_for_a_url(url, name):
    found = sources.for_url(url)
    assert (found.name if found else None) == name


@pytest.mark.parametrize("url", [
    "https://baochinhphu.vn/print/lam-ro-nhung-doi-moi-102191014192500565.htm",
    "https://tienphong.vn/amp/a-post1452911.tpo",
    "https://tienphong.vn/a-post1452911.tpo?print=1",
    "https://anninhthudo.vn/a-post1.antd?amp",
    "https://hanoimoi.vn/thanh-uy-ha-noi-123456.amp.html",
])
def test_print_and_amp_views_are_not_articles(url):
    adapter = sources.for_url(url)
    assert adapter is not None and not adapter.is_article_url(url)
    plain = url.replace("/print/", "/").replace("/amp/", "/").split("?")[0].replace(".amp.html", ".html")
    assert adapter.is_article_url(plain), plain


@pytest.mark.parametrize("path", [
    "/lam-ro-nhung-doi-moi-102191014192500565.htm",  # 18 digits, today
    "/thu-tuong-lam-viec-voi-ha-noi-102145678.htm",  # 102 + 6 digits, 2013-2014 articles on today's CMS
    "/Thoi-su/Thanh-uy-Ha-Noi/123456.vgp",  # the ASP.NET era
])
def test_baochinhphu_article_ids_of_every_era(path):
    assert ADAPTERS["baochinhphu"].is_article_url("https://baochinhphu.vn" + path)


@pytest.mark.parametrize("path", ["/chinh-tri.htm", "/chinh-tri/trang-2.htm", "/timelinelist/1021/2.htm"])
def test_baochinhphu_listings_are_not_articles(path):
    assert not ADAPTERS["baochinhphu"].is_article_url("https://baochinhphu.vn" + path)


def test_extract_reads_a_saved_page_of_an_alias_host_with_its_adapter(tmp_path):
    """A Hà Nội Mới page saved from hanoimoi.com.vn goes to the hanoimoi adapter, like the crawl would."""
    page = next((ROOT / "snapshot" / "sites" / "hanoimoi.vn").rglob("*.html"))
    html = page.read_bytes()
    adapter = sources.for_url("https://hanoimoi.com.vn/Tin-tuc/Chinh-tri/1/a")
    article, fell_back = sources.read_article(adapter, html, "https://hanoimoi.com.vn/Tin-tuc/Chinh-tri/1/a")
    assert adapter.name == "hanoimoi" and fell_back is None and article.layout != "generic"
    generic, why = sources.read_article(None, html, "https://example.org/a")
    assert why and generic.layout == "generic"


def test_section_is_its_first_value_and_tags_are_words():
    from scrapers.sources.base import tidy_category, tidy_tags

    assert tidy_category("Chính trị, Xây dựng Đảng") == "Chính trị"
    assert tidy_category(" Thời sự;Chính trị ") == "Thời sự" and tidy_category("") is None and tidy_category(None) is None
    assert tidy_tags(["#Thành ủy Hà Nội", "  #kỷ luật", "#", "Thành ủy Hà Nội", "xây dựng Đảng"]) == [
        "Thành ủy Hà Nội", "kỷ luật", "xây dựng Đảng"]


def test_the_generic_reader_refuses_listings_and_keeps_articles_with_related_links():
    """Issue 21: a category page read as an article would be a bogus article; an article that declares nothing
    but links a few related stories is still read."""
    import pytest

    from scrapers.sources import ParseError
    from scrapers.sources.generic import parse_generic

    items = "".join(f"<article><h3><a href='/bai-so-{i}-post{i}.tpo'>Thành ủy Hà Nội làm việc với quận số {i} về "
                    f"công tác cán bộ</a></h3><p>Sáng {i}/3/2024, đoàn công tác làm việc.</p></article>"
                    for i in range(1, 25))
    listing = f"<html><head><title>Chính trị</title></head><body><main>{items}</main></body></html>"
    with pytest.raises(ParseError, match="looks like a listing"):
        parse_generic(listing, "https://example.org/chinh-tri")
    body = "".join(f"<p>Đoạn {i}: các cấp ủy tiếp tục triển khai chương trình công tác, kiểm tra, giám sát việc "
                   f"thực hiện nghị quyết, chỉ thị của Đảng tại cơ sở, bảo đảm thực chất, hiệu quả.</p>"
                   for i in range(12))
    related = "".join(f"<li><a href='/lien-quan-{i}-post{i}.tpo'>Tin liên quan số {i} về công tác xây dựng Đảng"
                      "</a></li>" for i in range(4))
    article = (f"<html><head><title>Hội nghị Thành ủy</title><meta property='article:published_time' "
               f"content='2024-03-05T08:00:00+07:00'></head><body><article><h1>Hội nghị Thành ủy</h1>{body}"
               f"</article><ul>{related}</ul></body></html>")
    assert parse_generic(article, "https://example.org/hoi-nghi-post9.tpo").title == "Hội nghị Thành ủy"
