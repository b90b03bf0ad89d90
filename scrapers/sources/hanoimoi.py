"""hanoimoi.vn (Hà Nội Mới, the Thành ủy's own paper): the old hanoimoi.com.vn site (`/Tin-tuc/<Cat>/<id>/<slug>`,
to ~2023) and today's hanoimoi.vn (`/<slug>-<id>.html`, `c-detail-head__*` markup, article sitemaps)."""

from __future__ import annotations

import re

from scrapers.sources.base import (
    Article,
    SourceAdapter,
    body_paragraphs,
    every,
    json_ld_articles,
    meta,
    one,
    parse_html,
    parse_iso,
    parse_local,
    text_of,
)


class Hanoimoi(SourceAdapter):
    name = "hanoimoi"
    outlet = "Hà Nội Mới"
    outlet_type = "newspaper"
    lead_prefixes = ("(HNMO)",)
    owner = "Thành ủy Hà Nội"
    domain = "hanoimoi.vn"
    aliases = ("hanoimoi.com.vn",)
    default_base_url = "https://hanoimoi.vn"
    listing_paths = ("/chinh-tri",)
    # `/sitemap.xml` is an index of `sitemap-article-YYYY-MM.xml` [SEEN megaCrawler N-0035, 2025]
    monthly_sitemap = "/sitemap-article-{year}-{month:02d}.xml"
    # the daily crawl also reads the index's newest article sitemaps
    sitemap_paths = ("/sitemap.xml",)
    # Old: /Tin-tuc/<Category>/<id>/<slug>; new: /<slug>-<id>.html (ids were renumbered, not kept).
    article_path = re.compile(r"^/Tin-tuc/[A-Za-z-]+/\d+/[a-z0-9-]+$|^/(?!tag/|rss/)[a-z0-9-]+-\d{5,}\.html$")

    def next_listing_page(self, html, page_url):
        root = parse_html(html)
        nxt = one(root, "div.paging li.next a[href]")
        if nxt is not None:
            return self._same_host(nxt.get("href"), page_url)
        return super().next_listing_page(root, page_url)

    def parse_layouts(self, root, _url):
        if one(root, "h1.c-detail-head__title") is not None:
            ld = (json_ld_articles(root) or [{}])[0]
            return Article(
                title=text_of(one(root, "h1.c-detail-head__title")),
                sapo=text_of(one(root, "p.desc", "p.block-sc-sapo")),
                paragraphs=body_paragraphs(one(root, "div.entry div.entry", "div.entry"),
                                           drop=("figure", ".box-related", "table")),
                published_at=parse_iso(meta(root, "article:published_time")) or parse_iso(ld.get("datePublished"))
                or parse_local(text_of(one(root, ".c-detail-head__time")), "%d/%m/%Y %H:%M"),
                author=text_of(one(root, ".c-detail-head__author", ".block-sc-author")) or None,
                category=text_of(one(root, ".c-detail-head__cate")) or None,
                tags=[text_of(a) for a in every(root, ".c-tags a")],
                layout="hanoimoi/new",
            )
        details = one(root, "#NewsDetails")
        if details is not None and one(details, "h1") is not None:
            refer = one(details, "div.refer")
            category = text_of(one(refer, "a.cap")) if refer is not None else ""
            author = text_of(one(details, "div.author")) or None
            return Article(
                title=text_of(one(details, "h1")),
                sapo=text_of(one(details, "div.summ")),
                paragraphs=body_paragraphs(one(details, "div.content"), drop=("div.author", "table", ".other-news")),
                published_at=parse_local(text_of(refer), "%d/%m/%Y %H:%M"),
                author=author,
                category=category or None,
                tags=[text_of(a) for a in every(details, "div.taglist a")],
                layout="hanoimoi/old",
            )
        return None
