"""kinhtedothi.vn (Kinh tế & Đô thị): old CMS (`slug-<id>.html`, to ~2021) and the new one (`slug.html`)."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

from scrapers.sources.base import (
    Article,
    SourceAdapter,
    body_paragraphs,
    every,
    meta,
    one,
    parse_iso,
    parse_local,
    text_of,
)


class Kinhtedothi(SourceAdapter):
    name = "kinhtedothi"
    outlet = "Kinh tế & Đô thị"
    outlet_type = "newspaper"
    lead_prefixes = ("Kinhtedothi", "KTĐT")
    owner = "UBND TP Hà Nội"
    domain = "kinhtedothi.vn"
    default_base_url = "https://kinhtedothi.vn"
    # Today's listings load by script from the JSON category API (a page is an array; past the end it is empty).
    # The old CMS's `/chinh-tri/tin-tuc/` pages are still read by `discover` (HTML).
    listing_paths = ("/api/category/1212092406/paging/1",)
    # Both eras: `/<slug>-<id>.html` and `/<slug>.html`; excludes tag, event-hub and API paths.
    article_path = re.compile(r"^/(?!tag/|su-kien/|api/)[a-z0-9-]{20,}\.html$")
    _api_page = re.compile(r"(/api/category/\d+/paging/)(\d+)$")

    @staticmethod
    def _api_items(body) -> list[dict] | None:
        text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
        if not isinstance(text, str) or not text.lstrip().startswith("["):
            return None
        try:
            items = json.loads(text)
        except ValueError:
            return None
        return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else None

    def discover(self, html, page_url):
        items = self._api_items(html)
        if items is None:
            return super().discover(html, page_url)
        found: dict[str, None] = {}
        for item in items:
            url = urljoin(page_url, str(item.get("Url") or ""))
            if item.get("Url") and self.is_article_url(url):
                found.setdefault(url, None)
        return list(found)

    def next_listing_page(self, html, page_url):
        items = self._api_items(html)
        if items is None:
            return super().next_listing_page(html, page_url)
        m = self._api_page.search(page_url)
        # an empty page is the end of the category
        return self._api_page.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + 1}", page_url) if items and m else None

    def parse_layouts(self, root, _url):
        if one(root, "h1.title_detail_news") is not None:
            return Article(
                title=text_of(one(root, "h1.title_detail_news")),
                sapo=text_of(one(root, "div.sapo_detail")) or meta(root, "description") or "",
                paragraphs=body_paragraphs(one(root, "#cotent_detail"), drop=(".note_image", ".box_tinlienquan")),
                published_at=parse_local(text_of(one(root, "div.time_detail_news")), "%d-%m-%Y %H:%M"),
                author=text_of(one(root, "span.name_author")) or None,
                category=text_of(one(root, ".breadcump .bread_right a.active")) or None,
                tags=[text_of(a) for a in every(root, ".tag_detail a")],
                layout="kinhtedothi/old",
            )
        if one(root, "h1.article-title", "[itemprop*=articleBody]") is not None:
            published = parse_iso(meta(root, "article:published_time")) or parse_local(
                text_of(one(root, "div.article-published-on")), "%H:%M %d/%m/%Y"
            )
            return Article(
                title=text_of(one(root, "h1.article-title")) or meta(root, "og:title") or "",
                sapo=text_of(one(root, ".article-sapo")) or meta(root, "description") or "",
                paragraphs=body_paragraphs(one(root, "[itemprop*=articleBody]"), drop=("figure", ".related", ".share")),
                published_at=published,
                author=text_of(one(root, "span.detail__author")) or None,
                category=text_of(one(root, ".breadcrumb a")) or None,
                tags=[text_of(a) for a in every(root, ".article-tags a")],
                layout="kinhtedothi/new",
            )
        return None
