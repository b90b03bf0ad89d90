"""longbien.hanoi.gov.vn (Cổng TTĐT quận Long Biên): a Liferay portal; probably offline since the 2025 reorganisation."""

from __future__ import annotations

import re

from scrapers.sources.base import Article, SourceAdapter, body_paragraphs, one, parse_local, text_of


class Longbien(SourceAdapter):
    name = "longbien"
    outlet = "Cổng TTĐT quận Long Biên"
    outlet_type = "government portal"
    owner = "UBND quận Long Biên"
    domain = "longbien.hanoi.gov.vn"
    default_base_url = "https://longbien.hanoi.gov.vn"
    locality = "Long Biên"
    listing_paths = ("/web/guest/tin-tuc-su-kien-noi-bat",)
    # Liferay asset publisher friendly URLs.
    article_path = re.compile(r"/-/asset_publisher/[A-Za-z0-9]+/content/[^/]+$")

    def parse_layouts(self, root, _url):
        full = one(root, ".asset-full-content")
        if full is None:
            return None
        meta_line = text_of(one(full, ".asset-metadata"))
        return Article(
            title=text_of(one(full, ".header-title")),
            sapo="",
            # Centred paragraphs hold photos and their captions.
            paragraphs=body_paragraphs(one(full, ".journal-content-article"), drop=('p[style*="center"]',)),
            # "Ngày đăng 28/10/2019 | 17:09 | Lượt xem: 780"
            published_at=parse_local(meta_line, "%d/%m/%Y | %H:%M", "%d/%m/%Y"),
            category=text_of(one(root, ".portlet-title-text")) or None,
            layout="longbien/liferay",
        )
