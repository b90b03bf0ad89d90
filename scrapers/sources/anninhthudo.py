"""anninhthudo.vn (An ninh Thủ đô): the ~2019-2021 CMS (`/<cat>/<slug>/<id>.antd`) and the new `-post<id>.antd` one."""

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


class Anninhthudo(SourceAdapter):
    name = "anninhthudo"
    domain = "anninhthudo.vn"
    default_base_url = "https://anninhthudo.vn"
    # Today's section page; the ~2020 `/chinh-tri-xa-hoi/3.antd?page=N` listings are still read by `discover`.
    listing_paths = ("/chinh-tri-xa-hoi/",)
    monthly_sitemap = "/sitemaps/news-{year}-{month}.xml"  # same CMS family as tienphong/nhandan [INFERRED] in research/source-sites.md
    article_path = re.compile(r"^/[a-z0-9-]+/[a-z0-9-]+/\d+\.antd$|^/[a-z0-9-]+-post\d+\.antd$")

    def parse_layouts(self, soup, url):
        title = soup.select_one("h1.cms-title") or soup.select_one("h1.article__title")
        if title is None:
            return None
        date_tag = soup.select_one(".cms-date")
        published = (
            parse_iso(date_tag.get("content") if date_tag else None)
            or parse_iso(meta(soup, "article:published_time"))
            or parse_local(text_of(date_tag), "%d/%m/%Y %H:%M")
        )
        body = soup.select_one("#main_detail") or soup.select_one("div.article__body")
        return Article(
            title=text_of(title),
            sapo=text_of(soup.select_one(".cms-desc")),
            paragraphs=body_paragraphs(body, drop=("table.picture", "figure", ".caption", ".related", ".cms-relate")),
            published_at=published,
            author=text_of(soup.select_one(".cms-author")) or None,
            category=text_of(soup.select_one(".breadcrumb a")) or meta(soup, "article:section"),
            tags=[text_of(a) for a in soup.select(".tags a, .article__tag a")],
            layout="anninhthudo/cms" if soup.select_one("#main_detail") else "anninhthudo/new",
        )
