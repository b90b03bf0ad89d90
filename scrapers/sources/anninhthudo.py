"""anninhthudo.vn (An ninh Thủ đô): the ~2019-2021 CMS (`/<cat>/<slug>/<id>.antd`) and the new `-post<id>.antd` one."""

from __future__ import annotations

import re

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


class Anninhthudo(SourceAdapter):
    name = "anninhthudo"
    outlet = "An ninh Thủ đô"
    outlet_type = "newspaper"
    lead_prefixes = ("ANTD.VN", "(ANTĐ)")
    owner = "Công an TP Hà Nội"
    domain = "anninhthudo.vn"
    default_base_url = "https://anninhthudo.vn"
    # Today's section page; the ~2020 `/chinh-tri-xa-hoi/3.antd?page=N` listings are still read by `discover`.
    listing_paths = ("/chinh-tri-xa-hoi/",)
    monthly_sitemap = "/sitemaps/news-{year}-{month}.xml"  # inferred: the same CMS family as tienphong (unconfirmed; a 404 is only a recorded month)
    article_path = re.compile(r"^/[a-z0-9-]+/[a-z0-9-]+/\d+\.antd$|^/[a-z0-9-]+-post\d+\.antd$")

    def parse_layouts(self, root, _url):
        title = one(root, "h1.cms-title", "h1.article__title")
        if title is None:
            return None
        date_tag = one(root, ".cms-date")
        published = (
            parse_iso(date_tag.get("content") if date_tag is not None else None)
            or parse_iso(meta(root, "article:published_time"))
            or parse_local(text_of(date_tag), "%d/%m/%Y %H:%M")
        )
        body = one(root, "#main_detail", "div.article__body")
        return Article(
            title=text_of(title),
            sapo=text_of(one(root, ".cms-desc")),
            paragraphs=body_paragraphs(body, drop=("table.picture", "figure", ".caption", ".related", ".cms-relate")),
            published_at=published,
            author=text_of(one(root, ".cms-author")) or None,
            category=text_of(one(root, ".breadcrumb a")) or meta(root, "article:section"),
            tags=[text_of(a) for a in every(root, ".tags a, .article__tag a")],
            layout="anninhthudo/cms" if one(root, "#main_detail") is not None else "anninhthudo/new",
        )
