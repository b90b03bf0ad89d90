"""The generic reader (a page of an outlet with no adapter): its tables reach the extractor as the adapters write
them, and the title and the sapo are not read twice when the page repeats them at the head of the body."""

from scrapers.derive import article_text
from scrapers.extract import extract_all
from scrapers.sources.generic import parse_generic

PAGE = """<html><head><title>Tỉnh ủy Nghệ An kỷ luật 286 đảng viên - Báo Nhân Dân</title>
<meta property="og:title" content="Tỉnh ủy Nghệ An kỷ luật 286 đảng viên">
<meta property="og:description" content="Tỉnh ủy Nghệ An thi hành kỷ luật 286 đảng viên trong năm 2026.">
<meta property="article:published_time" content="2026-12-01T08:00:00+07:00"></head>
<body><header><nav><a href="/">Trang chủ</a><a href="/chinh-tri">Chính trị</a></nav></header>
<article><h1>Tỉnh ủy Nghệ An kỷ luật 286 đảng viên</h1>
<p><strong>Tỉnh ủy Nghệ An thi hành kỷ luật 286 đảng viên trong năm 2026.</strong></p>
<p>Năm 2026, các cấp ủy trong Đảng bộ tỉnh Nghệ An thi hành kỷ luật 286 đảng viên, giảm 31 trường hợp so với năm
2025. Công tác kiểm tra, giám sát được tiến hành thường xuyên, đúng quy định, với nhiều cách làm mới.</p>
<p>Vi phạm tập trung ở các lĩnh vực sau đây, theo báo cáo của Ủy ban Kiểm tra Tỉnh ủy gửi hội nghị tổng kết:</p>
<table><tr><th>Lĩnh vực vi phạm</th><th>Số trường hợp</th></tr><tr><td>Quản lý đất đai</td><td>64</td></tr>
<tr><td>Chính sách dân số</td><td>31</td></tr></table>
<p>Ông Hoàng Nghĩa Hiếu, Phó Bí thư Thường trực Tỉnh ủy, yêu cầu các cấp ủy xử lý nghiêm các vi phạm.</p>
</article><footer>Bản quyền thuộc Báo Nhân Dân</footer></body></html>"""


def test_a_generic_pages_table_reads_as_rows_and_its_title_once():
    article = parse_generic(PAGE, "https://nhandan.vn/tinh-uy-nghe-an-ky-luat-286-dang-vien-post812345.html")
    assert "Quản lý đất đai | 64" in article.paragraphs and not any("---" in p for p in article.paragraphs)
    assert article.paragraphs[0] not in (article.title, article.sapo)
    text = article_text(article.title, article.sapo, article.body)
    figures = [i for i in extract_all(text) if i["type"] == "figure"]
    categories = {f["category"]: f["value"] for f in figures if f["kind"] == "violation_category"}
    assert categories == {"Quản lý đất đai": 64, "Chính sách dân số": 31}
    # the title's, the sapo's and the body's (each once: the body does not repeat the title or the sapo)
    assert [f["value"] for f in figures if f["kind"] == "discipline_party_members"] == [286, 286, 286]


def test_a_title_carrying_the_outlets_name_reads_without_it():
    # (an og:title or a <title> with the outlet's name after the headline: its words would run into the headline's
    # count, "8 đảng viên vi phạm - Báo Hà Nội Mới")
    for og, site in (("Kỷ luật 8 đảng viên vi phạm - Báo Hà Nội Mới", None),
                     ("Kỷ luật 8 đảng viên vi phạm | Kinh tế & Đô thị", "Kinh tế & Đô thị"),
                     ("Kỷ luật 8 đảng viên vi phạm | VOV.VN", None)):
        page = PAGE.replace('content="Tỉnh ủy Nghệ An kỷ luật 286 đảng viên"', f'content="{og}"').replace(
            "<h1>Tỉnh ủy Nghệ An kỷ luật 286 đảng viên</h1>", "").replace(
            "</head>", f'<meta property="og:site_name" content="{site}"></head>' if site else "</head>")
        article = parse_generic(page, "https://example.vn/ky-luat-8-dang-vien-post1.html")
        assert article.title == "Kỷ luật 8 đảng viên vi phạm"
