"""kinhtedothi.vn (Kinh tế & Đô thị): old CMS (`slug-<id>.html`, to ~2021) and the new one (`slug.html`)."""

from __future__ import annotations

import re

from scrapers.sources.base import (
    Article,
    SourceAdapter,
    body_paragraphs,
    meta,
    parse_iso,
    parse_local,
    text_of,
)


class Kinhtedothi(SourceAdapter):
    name = "kinhtedothi"
    domain = "kinhtedothi.vn"
    default_base_url = "https://kinhtedothi.vn"
    listing_paths = ("/chinh-tri/tin-tuc/",)
    # Both eras: `/<slug>-<id>.html` and `/<slug>.html`; excludes tag, event-hub and API paths.
    article_path = re.compile(r"^/(?!tag/|su-kien/|api/)[a-z0-9-]{20,}\.html$")

    def parse_layouts(self, soup, url):
        if soup.select_one("h1.title_detail_news"):
            return Article(
                title=text_of(soup.select_one("h1.title_detail_news")),
                sapo=text_of(soup.select_one("div.sapo_detail")) or meta(soup, "description") or "",
                paragraphs=body_paragraphs(soup.select_one("#cotent_detail"), drop=(".note_image", ".box_tinlienquan")),
                published_at=parse_local(text_of(soup.select_one("div.time_detail_news")), "%d-%m-%Y %H:%M"),
                author=text_of(soup.select_one("span.name_author")) or None,
                category=text_of(soup.select_one(".breadcump .bread_right a.active")) or None,
                tags=[text_of(a) for a in soup.select(".tag_detail a")],
                layout="kinhtedothi/old",
            )
        if soup.select_one("h1.article-title") or soup.select_one("[itemprop*=articleBody]"):
            published = parse_iso(meta(soup, "article:published_time")) or parse_local(
                text_of(soup.select_one("div.article-published-on")), "%H:%M %d/%m/%Y"
            )
            return Article(
                title=text_of(soup.select_one("h1.article-title")) or meta(soup, "og:title") or "",
                sapo=text_of(soup.select_one(".article-sapo")) or meta(soup, "description") or "",
                paragraphs=body_paragraphs(soup.select_one("[itemprop*=articleBody]"), drop=("figure", ".related")),
                published_at=published,
                author=text_of(soup.select_one("span.detail__author")) or None,
                layout="kinhtedothi/new",
            )
        return None
