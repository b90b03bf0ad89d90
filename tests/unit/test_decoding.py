"""A UTF-8 page with a few invalid bytes stays readable (issue 18): decoded as UTF-8 with replacement, the
replacements counted on the article; a page in another encoding still goes to charset detection."""

from pathlib import Path

from scrapers import sources
from scrapers.extract import extract_all
from scrapers.pipeline import article_text
from scrapers.sources.base import decode_html, invalid_utf8

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "snapshot/sites/anninhthudo.vn/thanh-uy-ha-noi-tong-ket-3-chuong-trinh-cong-tac-toan-khoa-nhiem-ky-2015-2020-post826540.antd"


def test_three_invalid_sequences_keep_the_page_and_its_figures():
    clean = PAGE.read_bytes()
    damaged = clean.replace("Chương trình".encode(), b"Ch\xff\xfeng tr\xc3nh", 1)
    assert invalid_utf8(damaged) == 3 and invalid_utf8(clean) == 0
    adapter = sources.ADAPTERS["anninhthudo"]
    good, _ = sources.read_article(adapter, clean, "http://x/a-post826540.antd")
    bad, fell_back = sources.read_article(adapter, damaged, "http://x/a-post826540.antd")
    assert fell_back is None and bad.decode_replacements == 3 and good.decode_replacements == 0
    assert bad.title == good.title and len(bad.paragraphs) == len(good.paragraphs)
    differing = [(a, b) for a, b in zip(good.paragraphs, bad.paragraphs, strict=True) if a != b]
    assert len(differing) <= 1  # only the damaged paragraph, with U+FFFD in it
    figures = [f for f in extract_all(article_text(bad.title, bad.sapo, bad.body)) if f["type"] == "figure"]
    assert any(f["kind"] == "commendation" and f["value"] == 58 for f in figures)


def test_a_page_in_another_encoding_is_left_to_charset_detection():
    latin = "<html><head><meta charset='windows-1252'></head><body><p>Café déjà vu – naïve résumé</p></body></html>"
    body = latin.encode("cp1252")
    assert isinstance(decode_html(body), bytes)  # many invalid sequences: not UTF-8 with a few bad bytes
    assert isinstance(decode_html("Hà Nội".encode()), str)
