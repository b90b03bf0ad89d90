"""hanoimoi.vn (Hà Nội Mới, the Thành ủy's own paper): the old hanoimoi.com.vn site (`/Tin-tuc/<Cat>/<id>/<slug>`,
to ~2023) and today's hanoimoi.vn (`/<slug>-<id>.html`, `c-detail-head__*` markup, article sitemaps)."""

from __future__ import annotations

import re

from scrapers.sources.base import (
    Article,
    SourceAdapter,
    body_paragraphs,
    json_ld_articles,
    meta,
    parse_iso,
    parse_local,
    text_of,
)


class Hanoimoi(SourceAdapter):
    name = "hanoimoi"
    domain = "hanoimoi.vn"
    aliases = ("hanoimoi.com.vn",)
    default_base_url = "https://hanoimoi.vn"
    listing_paths = ("/chinh-tri",)
    # `/sitemap.xml` is an index of `sitemap-article-YYYY-MM.xml` [SEEN megaCrawler N-0035, 2025]
    monthly_sitemap = "/sitemap-article-{year}-{month:02d}.xml"
    # Old: /Tin-tuc/<Category>/<id>/<slug>; new: /<slug>-<id>.html (ids were renumbered, not kept).
    article_path = re.compile(r"^/Tin-tuc/[A-Za-z-]+/\d+/[a-z0-9-]+$|^/(?!tag/|rss/)[a-z0-9-]+-\d{5,}\.html$")

    def next_listing_page(self, html, page_url):
        soup = self._soup(html)
        nxt = soup.select_one("div.paging li.next a[href]")
        if nxt is not None:
            return self._same_host(nxt["href"], page_url)
        return super().next_listing_page(soup, page_url)

    def parse_layouts(self, soup, url):
        if soup.select_one("h1.c-detail-head__title"):
            ld = (json_ld_articles(soup) or [{}])[0]
            return Article(
                title=text_of(soup.select_one("h1.c-detail-head__title")),
                sapo=text_of(soup.select_one("p.desc") or soup.select_one("p.block-sc-sapo")),
                paragraphs=body_paragraphs(soup.select_one("div.entry div.entry") or soup.select_one("div.entry"),
                                           drop=("figure", ".box-related", "table")),
                published_at=parse_iso(meta(soup, "article:published_time")) or parse_iso(ld.get("datePublished"))
                or parse_local(text_of(soup.select_one(".c-detail-head__time")), "%d/%m/%Y %H:%M"),
                author=text_of(soup.select_one(".c-detail-head__author") or soup.select_one(".block-sc-author")) or None,
                category=text_of(soup.select_one(".c-detail-head__cate")) or None,
                tags=[text_of(a) for a in soup.select(".c-tags a")],
                layout="hanoimoi/new",
            )
        details = soup.select_one("#NewsDetails")
        if details is not None and details.select_one("h1"):
            refer = details.select_one("div.refer")
            category = text_of(refer.select_one("a.cap")) if refer else ""
            author = text_of(details.select_one("div.author")) or None
            return Article(
                title=text_of(details.select_one("h1")),
                sapo=text_of(details.select_one("div.summ")),
                paragraphs=body_paragraphs(details.select_one("div.content"), drop=("div.author", "table", ".other-news")),
                published_at=parse_local(text_of(refer), "%d/%m/%Y %H:%M"),
                author=author,
                category=category or None,
                tags=[text_of(a) for a in details.select("div.taglist a")],
                layout="hanoimoi/old",
            )
        return None
