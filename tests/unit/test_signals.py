"""Metadata from several signals (scrapers/sources/signals.py), on pages of our own."""

import pytest

from scrapers.sources import ADAPTERS
from scrapers.sources.base import Article, parse_html
from scrapers.sources.signals import complete, coverage, is_signature, running_text, someone


@pytest.mark.parametrize("text", ["Hải Yến", "Minh Anh - Lan Hương", "Thu Hà (TTXVN)", "NGUYỄN HOÀNG", "Quang Hiếu."])
def test_a_signature_is_a_few_capitalised_words(text):
    assert is_signature(text)


@pytest.mark.parametrize("text", ["Theo TTXVN", "Ban biên tập", "baochinhphu.vn", "Hà Nội có 30 quận, huyện.",
                                  "Đây là một câu văn bình thường của bài báo", "", "PV"])
def test_sentences_desks_and_sources_are_not_signatures(text):
    assert not is_signature(text)


@pytest.mark.parametrize(("value", "expected"), [("Ngọc Mai", "Ngọc Mai"), ("Ban Biên Tập", None),
                                                  ("tienphong.vn", None), ("Báo Tiền Phong", None), (None, None)])
def test_someone_names_a_person_not_a_desk(value, expected):
    assert someone(value) == expected


def page(head: str = "", body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def test_signals_fill_author_section_and_tags_in_order():
    article = Article("T", "", ["Đoạn một của bài.", "Lê Minh"], None, author="Ban biên tập")
    complete(article, parse_html(page(
        '<meta name="author" content="Người Khác"/><meta property="article:tag" content="Thành ủy"/>'
        '<meta property="article:tag" content="Kiểm tra"/>',
        '<ol itemtype="https://schema.org/BreadcrumbList"><li><a href="/">Trang chủ</a></li>'
        '<li><a href="/chinh-tri">Chính trị</a></li></ol>')))
    # the signature paragraph wins over the meta, and leaves the body; the breadcrumb's last non-home item
    assert (article.author, article.paragraphs, article.category, article.tags) == (
        "Lê Minh", ["Đoạn một của bài."], "Chính trị", ["Thành ủy", "Kiểm tra"])


def test_json_ld_author_and_keywords_when_the_page_has_nothing_else():
    article = Article("T", "", ["Đoạn một của bài báo dài."], None)
    complete(article, parse_html(page('<script type="application/ld+json">{"@type": "NewsArticle", "author": '
                                      '[{"name": "Thu Trang"}], "keywords": "Đảng bộ, Kỷ luật", '
                                      '"articleSection": ["Thời sự"]}</script>')))
    assert (article.author, article.category, article.tags) == ("Thu Trang", "Thời sự", ["Đảng bộ", "Kỷ luật"])


def test_coverage_is_the_share_of_long_paragraphs_the_article_holds():
    long = [f"Câu dài số {i} nói về công tác kiểm tra, giám sát của Ủy ban Kiểm tra Quận ủy trong năm qua."
            for i in range(4)]
    root = parse_html(page(body="".join(f"<p>{p}</p>" for p in long)
                           + '<aside><p>' + "Tin đọc nhiều ở cột bên, không phải bài này, dài hơn tám mươi ký tự "
                           "để được tính nếu không loại.</p></aside>"))
    candidates = running_text(root)
    assert len(candidates) == 4  # the sidebar's paragraph is not the page's text
    assert coverage(candidates, Article("T", "", long[:3], None)) == 0.75
    assert coverage([], Article("T", "", long, None)) is None


def test_the_adapter_records_its_coverage_on_the_article():
    html = page('<meta property="article:published_time" content="2026-11-20T08:00:00+07:00"/>',
                '<h1 class="article__title">Tiêu đề</h1><div class="article__body"><p>' + "x " * 50 + "</p></div>"
                '<div class="other"><p>' + "y " * 60 + "</p></div>")
    article = ADAPTERS["tienphong"].parse(html, "http://x/a-post1.tpo")
    assert 0.4 < article.body_coverage < 0.5  # 100 of 220 characters of running text
