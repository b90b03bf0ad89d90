"""tienphong.vn (Tiền Phong): old ASP.NET site (`/<cat>/<slug>-<id>.tpo`) and the "cms-*" CMS (`-post<id>.tpo`)."""

from __future__ import annotations

import re

from scrapers.sources.base import (
    Article,
    SourceAdapter,
    body_paragraphs,
    every,
    meta,
    one,
    parse_html,
    parse_iso,
    parse_local,
    text_of,
)


def _attr(node, name: str) -> str | None:
    return node.get(name) if node is not None else None


class Tienphong(SourceAdapter):
    name = "tienphong"
    outlet = "Tiền Phong"
    outlet_type = "newspaper"
    lead_prefixes = ("TPO",)
    owner = "Trung ương Đoàn TNCS Hồ Chí Minh"
    domain = "tienphong.vn"
    default_base_url = "https://tienphong.vn"
    listing_paths = ("/chinh-tri/",)
    # section feeds `/rss/<slug>-<zone id>.rss` [SEEN for kinh-te-3, the-thao-11]; politics' zone 308 [INFERRED]
    feed_paths = ("/rss/chinh-tri-308.rss",)
    monthly_sitemap = "/sitemaps/news-{year}-{month}.xml"  # monthly `news-YYYY-M.xml`, as the site claims (a missing month is a recorded 404)
    article_path = re.compile(r"^/(?:[a-z0-9-]+-post\d+|[a-z0-9-]+/[a-z0-9-]+-\d{6,})\.tpo$")

    def next_listing_page(self, html, page_url):
        root = parse_html(html)
        # the old ASP.NET pager; the cms-* listings use rel=next / "Xem thêm"
        nxt = one(root, "a[id$=pager_nextControl][href]")
        return self._same_host(nxt.get("href"), page_url) if nxt is not None else super().next_listing_page(root, page_url)

    def parse_layouts(self, root, _url):
        drop = ("table.picture", "figure", ".caption", ".article__tag", ".box-related")
        if one(root, "h1.article__title") is not None:
            time_tag = one(root, "div.article__meta time")
            published = (
                parse_iso(meta(root, "article:published_time"))
                or parse_iso(time_tag.get("datetime") if time_tag is not None else None)
                or parse_local(text_of(time_tag), "%d/%m/%Y | %H:%M")
            )
            return Article(
                title=text_of(one(root, "h1.article__title")),
                sapo=text_of(one(root, ".article__sapo")),
                paragraphs=body_paragraphs(one(root, "div.article__body"), drop=drop),
                published_at=published,
                author=text_of(one(root, ".article__author .cms-author")) or meta(root, "dable:author"),
                category=meta(root, "article:section"),
                tags=[text_of(a) for a in every(root, ".article__tag a")],
                layout="tienphong/cms",
            )
        if one(root, "article.main-article", "h1#headline") is not None:
            return Article(
                title=text_of(one(root, "h1#headline", "header h1")),
                sapo=text_of(one(root, "p.article-sapo")),
                paragraphs=body_paragraphs(one(root, "#article-body", ".article-body"), drop=drop),
                published_at=parse_iso(_attr(one(root, "p.byline-dateline time"), "datetime"))
                or parse_local(text_of(one(root, "p.byline-dateline time")), "%d/%m/%Y %H:%M"),
                author=text_of(one(root, "p.article-author")) or None,
                category=text_of(one(root, "p.cate a")) or None,
                tags=[text_of(a) for a in every(root, "div.article-tags p a")],
                layout="tienphong/old",
            )
        return None
