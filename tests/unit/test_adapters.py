"""Adapter rules on small hand-written pages and URLs. The seed pages of both eras are checked over HTTP in
tests/integration/test_golden_pages.py, discovery in tests/integration/test_discovery.py."""


import pytest

from scrapers.sources import ADAPTERS, ParseError
from scrapers.sources.generic import parse_generic


def test_url_shapes_both_eras():
    cases = {
        "kinhtedothi": (["/ha-noi-tong-ket-3-chuong-trinh-cong-tac-cua-thanh-uy-khoa-xvi-397445.html",
                         "/luat-thu-do-nam-2024-khoi-thong-nguon-luc-phat-trien-thu-do.html"],
                        ["/tag/chien-sy-thu-do", "/su-kien/720/dai-hoi-dang-bo.html", "/chinh-tri/tin-tuc/"]),
        "tienphong": (["/xa-hoi/chan-dung-nu-thong-doc-dau-tien-1748883.tpo", "/ha-noi-thi-diem-post1452911.tpo"],
                      ["/nhan-su-dai-hoi-ha-noi-tag160009.tpo", "/chinh-tri/"]),
        "baochinhphu": (["/Thoi-su/Bo-nhiem-lai/458452.vgp", "/dua-ha-noi-phat-trien-102240809190307565.htm"],
                        ["/Thoi-su/443.vgp", "/timelinelist/102263/2.htm", "/chinh-tri/to-chuc-nhan-su.htm"]),
        "anninhthudo": (["/chinh-tri-xa-hoi/slug/826540.antd", "/thanh-uy-ha-noi-post656401.antd"],
                        ["/chinh-tri-xa-hoi/3.antd"]),
        "longbien": (["/web/guest/tin/-/asset_publisher/AbC123/content/slug-bai-viet"], ["/web/guest/tin-tuc-su-kien-noi-bat"]),
        "hanoimoi": (["/Tin-tuc/Chinh-tri/862286/chu-tich-nuoc-tiep", "/thu-tuong-lam-viec-voi-thanh-uy-ha-noi-675040.html"],
                     ["/chinh-tri", "/Danh-muc-tin/147/Chinh-tri", "/tag/thanh-uy-ha-noi", "/rss/home-12345.html",
                      "/sitemap-article-2024-08.xml"]),
    }
    for name, (yes, no) in cases.items():
        adapter = ADAPTERS[name]
        for path in yes:
            assert adapter.is_article_url(adapter.default_base_url + path), (name, path)
        for path in no:
            assert not adapter.is_article_url(adapter.default_base_url + path), (name, path)


def test_new_layouts_parse():
    tpo = """<html><head><meta property="og:url" content="https://tienphong.vn/a-post1.tpo"/>
    <meta property="article:published_time" content="2024-03-01T08:05:00+07:00"/></head><body>
    <h1 class="article__title cms-title">Tiêu đề</h1><div class="article__sapo cms-desc">TPO - Sapo.</div>
    <div class="article__body cms-body"><p>Đoạn một.</p><p>0:00 / 0:00</p><figure><img alt="x ảnh 1"/></figure>
    <p>Đoạn hai.</p></div><div class="article__author"><span class="name cms-author">Ngọc Mai</span></div></body></html>"""
    art = ADAPTERS["tienphong"].parse(tpo, "https://tienphong.vn/a-post1.tpo")
    assert (art.sapo, art.paragraphs, art.author) == ("Sapo.", ["Đoạn một.", "Đoạn hai."], "Ngọc Mai")
    bcp = """<html><head><meta property="article:published_time" content="2024-08-09T19:03:00+07:00"/></head><body>
    <h1 class="detail-title">Đưa Hà Nội phát triển</h1><h2 class="detail-sapo">(Chinhphu.vn) - Chiều 9/8.</h2>
    <div class="detail-content afcbc-body" data-role="content"><p>Nội dung.</p>
    <div class="VCSortableInPreviewMode"><p>Ảnh - Ảnh 1.</p></div></div></body></html><!--u: 10/6/2026 9:59:55 AM-->"""
    art = ADAPTERS["baochinhphu"].parse(bcp, "https://baochinhphu.vn/x-102240809190307565.htm")
    assert (art.sapo, art.paragraphs, art.layout) == ("Chiều 9/8.", ["Nội dung."], "baochinhphu/vccorp")
    assert art.published_at.hour == 19


def test_unknown_layout_and_empty_body_are_parse_errors():
    with pytest.raises(ParseError, match="no known layout"):
        ADAPTERS["tienphong"].parse("<html><body><p>x</p></body></html>", "https://tienphong.vn/a-post1.tpo")
    empty = '<h1 class="article__title">T</h1><div class="article__body"></div>'
    with pytest.raises(ParseError, match="empty body"):
        ADAPTERS["tienphong"].parse(empty, "https://tienphong.vn/a-post1.tpo")


def test_generic_fallback_uses_json_ld():
    html = """<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Tin",
    "datePublished": "2025-01-02T03:04:05+07:00", "author": {"@type": "Person", "name": "Lan Anh"}}</script></head>
    <body><article><p>Một đoạn văn.</p></article></body></html>"""
    art = parse_generic(html, "https://hanoimoi.vn/tin-1.html")
    assert (art.title, art.author, art.layout, art.paragraphs) == ("Tin", "Lan Anh", "generic", ["Một đoạn văn."])
    assert art.published_at.isoformat() == "2025-01-02T03:04:05+07:00"
