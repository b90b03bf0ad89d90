"""tienphong.vn (Tiền Phong): old ASP.NET site (`/<cat>/<slug>-<id>.tpo`) and the "cms-*" CMS (`-post<id>.tpo`)."""

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


class Tienphong(SourceAdapter):
    name = "tienphong"
    domain = "tienphong.vn"
    default_base_url = "https://tienphong.vn"
    listing_paths = ("/chinh-tri/",)
    monthly_sitemap = "/sitemaps/news-{year}-{month}.xml"  # monthly `news-YYYY-M.xml` [CLAIMED] in research/source-sites.md
    article_path = re.compile(r"^/(?:[a-z0-9-]+-post\d+|[a-z0-9-]+/[a-z0-9-]+-\d{6,})\.tpo$")

    def next_listing_page(self, html, page_url):
        soup = self._soup(html)
        # the old ASP.NET pager; the cms-* listings use rel=next / "Xem thêm"
        nxt = soup.select_one("a[id$=pager_nextControl][href]")
        return self._same_host(nxt["href"], page_url) if nxt else super().next_listing_page(soup, page_url)

    def parse_layouts(self, soup, url):
        drop = ("table.picture", "figure", ".caption", ".article__tag", ".box-related")
        if soup.select_one("h1.article__title"):
            time_tag = soup.select_one("div.article__meta time")
            published = (
                parse_iso(meta(soup, "article:published_time"))
                or parse_iso(time_tag.get("datetime") if time_tag else None)
                or parse_local(text_of(time_tag), "%d/%m/%Y | %H:%M")
            )
            return Article(
                title=text_of(soup.select_one("h1.article__title")),
                sapo=text_of(soup.select_one(".article__sapo")),
                paragraphs=body_paragraphs(soup.select_one("div.article__body"), drop=drop),
                published_at=published,
                author=text_of(soup.select_one(".article__author .cms-author")) or meta(soup, "dable:author"),
                category=meta(soup, "article:section"),
                tags=[text_of(a) for a in soup.select(".article__tag a")],
                layout="tienphong/cms",
            )
        if soup.select_one("article.main-article") or soup.select_one("h1#headline"):
            return Article(
                title=text_of(soup.select_one("h1#headline") or soup.select_one("header h1")),
                sapo=text_of(soup.select_one("p.article-sapo")),
                paragraphs=body_paragraphs(soup.select_one("#article-body") or soup.select_one(".article-body"), drop=drop),
                published_at=parse_iso((soup.select_one("p.byline-dateline time") or {}).get("datetime"))
                or parse_local(text_of(soup.select_one("p.byline-dateline time")), "%d/%m/%Y %H:%M"),
                author=text_of(soup.select_one("p.article-author")) or None,
                category=text_of(soup.select_one("p.cate a")) or None,
                tags=[text_of(a) for a in soup.select("div.article-tags p a")],
                layout="tienphong/old",
            )
        return None
