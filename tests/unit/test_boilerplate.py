"""Boilerplate no selector names is removed from every adapter's body (issue 17): related-story cards between
paragraphs and at the end, "Xem thêm" blocks, share widgets. Each adapter's snapshot article page gets them injected
where real pages have them; its paragraphs must come out as before, and no figure may be read from a card."""

from pathlib import Path

import pytest

from scrapers.extract import extract_all
from scrapers.sources import ADAPTERS, base

SITES = Path(__file__).resolve().parents[2] / "snapshot" / "sites"
CARD = ("<article class='story'><h3 class='story__heading'><a href='/x-post1.tpo'>7 ngôi sao hội tụ tại đêm nhạc "
        "chào xuân ở Thủ đô</a></h3></article>")
SEE_ALSO = "<p><strong>Xem thêm:</strong> <a href='/y-post2.tpo'>12 quận ra mắt mô hình dân vận khéo</a></p>"
WIDGET = "<div class='social-share'><a href='#'>Chia sẻ</a> <a href='#'>Facebook</a> <a href='#'>Zalo</a></div>"
INJECTED = (CARD, SEE_ALSO, WIDGET)


def article_pages():
    for name, adapter in ADAPTERS.items():
        site = SITES / adapter.domain
        for page in sorted(p for p in site.rglob("*") if p.is_file()):
            url = f"https://{adapter.domain}/{page.relative_to(site)}"
            if adapter.is_article_url(url):
                yield pytest.param(name, page, url, id=f"{name}:{page.name[:40]}")


def inject(html: str, paragraphs: list[str]) -> str:
    """The cards after one of the body's first paragraphs and after one of its last ones (the first whose opening
    words appear verbatim in the markup: some carry entities or inline tags)."""
    for candidates in (paragraphs[::-1][:4], paragraphs[:4]):
        at = next((html.rfind(t[:12]) for t in candidates if html.rfind(t[:12]) > 0), -1)  # the body, not a meta
        assert at > 0, candidates
        # after the element that holds it: a <p>, or a <div> where an old layout writes paragraphs as divs
        close = min(i for i in (html.find("</p>", at), html.find("</div>", at)) if i > 0)
        close = html.find(">", close) + 1
        html = html[:close] + "".join(INJECTED) + html[close:]
    return html


@pytest.mark.parametrize(("name", "page", "url"), list(article_pages()))
def test_cards_and_widgets_never_become_paragraphs(name, page, url, monkeypatch):
    adapter = ADAPTERS[name]
    html = page.read_text(encoding="utf-8")
    gold = adapter.parse(html, url).paragraphs
    dirty = inject(html, gold)
    assert adapter.parse(dirty, url).paragraphs == gold
    text = "\n\n".join(adapter.parse(dirty, url).paragraphs)
    assert not [f for f in extract_all(text) if f["type"] == "figure" and "ngôi sao" in f["quote"]]
    # the injection lands in the body: without the filter it would leak
    monkeypatch.setattr(base, "drop_boilerplate", lambda container: None)
    leaked = adapter.parse(dirty, url).paragraphs
    assert any("ngôi sao" in p for p in leaked) and leaked != gold


def test_prose_with_a_linked_document_is_kept():
    root = base.parse_html("<div><p>Thực hiện <a href='/ctr'>Chương trình số 01-CTr/TU</a> của Thành ủy, các cấp ủy "
                           "đã kiểm tra 120 tổ chức đảng.</p><p>Xem thêm các tin khác trong chuyên mục.</p></div>")
    assert len(base.body_paragraphs(root.find(".//div"))) == 2
