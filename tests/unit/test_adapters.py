"""Adapter rules on small hand-written pages and URLs. The seed pages of both eras are checked over HTTP in
tests/integration/test_golden_pages.py, discovery in tests/integration/test_discovery.py."""

import json
from pathlib import Path

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


CHROME = """<header><nav><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a> <a href="/chinh-tri">Chính trị</a>
<a href="/kinh-te">Kinh tế</a></nav></header><aside class="most-read"><h3>Đọc nhiều</h3><ul>
<li><a href="/a">Giá vàng hôm nay tăng mạnh</a></li><li><a href="/b">Thời tiết Hà Nội cuối tuần</a></li></ul></aside>
<footer><p>Cơ quan chủ quản: Báo Thủ đô. Giấy phép số 123/GP-BTTTT.</p><p>Địa chỉ: 44 Lê Thái Tổ, Hà Nội.</p></footer>"""


def test_generic_fallback_reads_an_unknown_layout_with_trafilatura_and_htmldate():
    """No JSON-LD, no <article>, no OpenGraph time: the body comes from trafilatura without the site's chrome and
    the day from htmldate."""
    body = "".join(f"<p>{p}</p>" for p in (
        "Chiều 5/3, Ban Thường vụ Huyện ủy Sóc Sơn tổ chức hội nghị sơ kết công tác kiểm tra, giám sát.",
        "Trong năm, Ủy ban Kiểm tra Huyện ủy đã thi hành kỷ luật 12 đảng viên, trong đó khiển trách 7, cảnh cáo 5.",
        "Hội nghị đề ra nhiệm vụ trọng tâm năm 2025, tiếp tục thực hiện Chương trình số 01-CTr/TU của Thành ủy."))
    page = f"""<html><head><title>Sóc Sơn sơ kết công tác kiểm tra | Báo Thủ đô</title></head><body>{CHROME}
    <div class="wrap"><div class="col-main"><h1>Sóc Sơn sơ kết công tác kiểm tra</h1>
    <div class="date">Cập nhật: 06/03/2025</div><div class="noidung">{body}</div>
    <div class="share">Chia sẻ Zalo</div></div></div></body></html>"""
    art = parse_generic(page, "https://baothudo.example/soc-son-1.html")
    assert art.layout == "generic" and art.title == "Sóc Sơn sơ kết công tác kiểm tra"
    assert art.paragraphs[0].startswith("Chiều 5/3") and any("kỷ luật 12 đảng viên" in p for p in art.paragraphs)
    joined = "\n".join(art.paragraphs)
    for chrome in ("Đọc nhiều", "Giá vàng", "Cơ quan chủ quản", "Chia sẻ Zalo", "Trang chủ"):
        assert chrome not in joined
    assert art.published_at.date().isoformat() == "2025-03-06" and art.published_at.utcoffset().total_seconds() == 25200


@pytest.mark.parametrize("page", sorted((Path(__file__).resolve().parents[2] / "tests" / "gold").glob("*.json")),
                         ids=lambda p: p.stem)
def test_generic_fallback_recovers_most_of_each_seed_page(page):
    """Run on the seed pages as if no adapter knew them: most paragraphs come back verbatim, no chrome does."""
    gold = json.loads(page.read_text(encoding="utf-8"))
    sites = Path(__file__).resolve().parents[2] / "snapshot" / "sites"
    adapter = ADAPTERS[page.stem]
    for path in gold["pages"].values():
        html = (sites / adapter.domain / path.lstrip("/")).read_bytes()
        art = parse_generic(html, adapter.default_base_url + path)
        recovered = sum(p in art.paragraphs for p in gold["paragraphs"]) / len(gold["paragraphs"])
        assert recovered >= 0.9, (path, recovered)
        assert len([p for p in art.paragraphs if p not in gold["paragraphs"]]) <= 2  # a byline or a caption at most
        assert art.published_at.date().isoformat() == gold["published_at"][:10]
        assert not {"Chia sẻ Zalo", "0:00 / 0:00", "In bài", "MỚI - NÓNG"} & set(art.paragraphs)


def test_a_page_of_chrome_only_is_a_parse_error():
    page = f"""<html><head><meta property="article:published_time" content="2025-01-01T08:00:00+07:00"/>
    <title>Chuyên mục</title></head><body>{CHROME}</body></html>"""
    with pytest.raises(ParseError, match="no body text"):
        parse_generic(page, "https://example.vn/chuyen-muc")
