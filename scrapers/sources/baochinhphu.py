"""baochinhphu.vn (Báo Điện tử Chính phủ): old ASP.NET `.vgp` site (to 17 Jan 2022) and the VCCorp-style `-<id>.htm` one."""

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

_AUTHOR_STYLE = re.compile(r"right", re.I)


class Baochinhphu(SourceAdapter):
    name = "baochinhphu"
    domain = "baochinhphu.vn"
    default_base_url = "https://baochinhphu.vn"
    listing_paths = ("/Thoi-su/443.vgp",)
    # Old: /<Cat>/<Title-Slug>/<id>.vgp (category pages are /<Cat>/<id>.vgp, one segment shorter).
    # New: /<slug>-102<digits>.htm (timelinelist, chu-de and trang-N are listings).
    article_path = re.compile(r"^/[^/]+/[^/]+/\d+\.vgp$|^/(?!timelinelist/|chu-de/)(?:print/)?[a-z0-9-]+-10\d{10,}\.htm$")

    def parse_layouts(self, soup, url):
        if soup.select_one("div.article-header h1"):
            body = soup.select_one("div.article-body")
            author = None
            if body is not None:
                # The byline is a right-aligned bold paragraph at the end; everything after it is furniture.
                signed = [p for p in body.find_all("p") if p.find("b") and _AUTHOR_STYLE.search(p.get("style", ""))]
                if signed:
                    author = text_of(signed[-1])
                    for node in signed[-1].find_all_next():
                        node.decompose()
                    signed[-1].decompose()
            return Article(
                title=text_of(soup.select_one("div.article-header h1")),
                sapo=text_of(soup.select_one(".article-body .summary")),
                paragraphs=body_paragraphs(
                    body, drop=("div.summary", "ul.inline-related", "div.sharing_tool", "p.keywords", "table.image")
                ),
                published_at=parse_local(text_of(soup.select_one("div.article-header p.meta")), "%H:%M, %d/%m/%Y"),
                author=author,
                category=text_of((soup.select(".breadcrums a") or [None])[-1]) or None,
                tags=[text_of(a) for a in soup.select("p.keywords span.word a")],
                layout="baochinhphu/aspnet",
            )
        if soup.select_one("h1.detail-title"):
            ld = (json_ld_articles(soup) or [{}])[0]
            author = text_of(soup.select_one("a.detail-author-top-name")) or (ld.get("author") or {}).get("name")
            return Article(
                title=text_of(soup.select_one("h1.detail-title")),
                sapo=text_of(soup.select_one("h2.detail-sapo")),
                paragraphs=body_paragraphs(
                    soup.select_one("div.detail-content"),
                    drop=("div.VCSortableInPreviewMode", "figure", "figcaption", "div.detail-relate", "div.c-banner", "table"),
                ),
                published_at=parse_iso(meta(soup, "article:published_time"))
                or parse_iso(ld.get("datePublished"))
                or parse_local(text_of(soup.select_one("[data-role=publishdate]")), "%d/%m/%Y %H:%M"),
                author=None if author in (None, "", "baochinhphu.vn") else author,
                layout="baochinhphu/vccorp",
            )
        return None
