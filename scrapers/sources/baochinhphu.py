"""baochinhphu.vn (Báo Điện tử Chính phủ): old ASP.NET `.vgp` site (to 17 Jan 2022) and the VCCorp-style `-<id>.htm` one."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

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

_AUTHOR_STYLE = re.compile(r"right", re.I)
_ZONE = re.compile(r"zone", re.I)


def _take_signature(body) -> str | None:
    """The byline is a right-aligned bold paragraph at the end of the body (both eras); it and everything after it
    inside the body (related boxes, keywords) are furniture, removed here."""
    if body is None:
        return None
    signed = [p for p in body.iter("p") if p.find(".//b") is not None and _AUTHOR_STYLE.search(p.get("style") or "")]
    if not signed:
        return None
    author = text_of(signed[-1])
    following = [n for n in signed[-1].itersiblings()]
    parent = signed[-1].getparent()
    while parent is not None and parent is not body:  # the signature nested in a wrapper: its later siblings too
        following += list(parent.itersiblings())
        parent = parent.getparent()
    for node in [signed[-1], *following]:
        node.drop_tree()
    return author or None


class Baochinhphu(SourceAdapter):
    name = "baochinhphu"
    outlet = "Báo Điện tử Chính phủ"
    outlet_type = "government newspaper"
    lead_prefixes = ("(Chinhphu.vn)",)
    owner = "Văn phòng Chính phủ"
    domain = "baochinhphu.vn"
    aliases = ("chinhphu.vn",)  # the portal the newspaper shared a relaunch with (Jan 2022); saved pages carry it
    default_base_url = "https://baochinhphu.vn"
    # Today's category page: a focus box, a stream and a timeline list (besides a "most read" sidebar). It has no
    # pager: its "Xem thêm" button loads `/timelinelist/<zone id>/<page>.htm`, the zone id in a hidden input
    # [SEEN: the category page as served in Sep 2026, issue 21]. The ASP.NET `/Thoi-su/443.vgp` listings are gone.
    listing_paths = ("/chinh-tri.htm",)
    # one RSS feed per category, `/<category>.rss`, 50 items [SEEN, issue 21]
    feed_paths = ("/chinh-tri.rss",)
    _timeline = re.compile(r"^/timelinelist/(\d+)/(\d+)\.htm$")
    # Old: /<Cat>/<Title-Slug>/<id>.vgp (category pages are /<Cat>/<id>.vgp, one segment shorter).
    # New: /<slug>-102<digits>.htm — 18 digits today, `102` + 6 on articles from 2013–2014 the new CMS still serves
    # (timelinelist, chu-de and trang-N are listings; print views are excluded for every site in base).
    article_path = re.compile(r"^/[^/]+/[^/]+/\d+\.vgp$|^/(?!timelinelist/|chu-de/)[a-z0-9-]+-10\d{7,}\.htm$")

    def next_listing_page(self, html, page_url):
        """Category page → `/timelinelist/<zone>/2.htm` (zone from the page's hidden input) → 3 → …; the crawl
        stops at the first timeline page without articles. Other pagers (the old site's) as in base."""
        timeline = self._timeline.match(urlsplit(page_url).path)
        if timeline:
            return urljoin(page_url, f"/timelinelist/{timeline.group(1)}/{int(timeline.group(2)) + 1}.htm")
        root = parse_html(html)
        zone = next((i.get("value").strip() for i in every(root, "input[type=hidden][value]")
                     if _ZONE.search(f"{i.get('id') or ''} {i.get('name') or ''}") and i.get("value").strip().isdigit()),
                    None)
        if zone:
            return urljoin(page_url, f"/timelinelist/{zone}/2.htm")
        return super().next_listing_page(root, page_url)

    def parse_layouts(self, root, _url):
        if one(root, "div.article-header h1") is not None:
            tags = [text_of(a) for a in every(root, "p.keywords span.word a")]
            body = one(root, "div.article-body")
            author = _take_signature(body)
            return Article(
                title=text_of(one(root, "div.article-header h1")),
                sapo=text_of(one(root, ".article-body .summary")),
                paragraphs=body_paragraphs(
                    body, drop=("div.summary", "ul.inline-related", "div.sharing_tool", "p.keywords", "table.image")
                ),
                published_at=parse_local(text_of(one(root, "div.article-header p.meta")), "%H:%M, %d/%m/%Y"),
                author=author,
                category=text_of((every(root, ".breadcrums a") or [None])[-1]) or None,
                tags=tags,
                layout="baochinhphu/aspnet",
            )
        if one(root, "h1.detail-title") is not None:
            ld = (json_ld_articles(root) or [{}])[0]
            body = one(root, "div.detail-content")
            signature = _take_signature(body)
            author = text_of(one(root, "a.detail-author-top-name")) or signature or (ld.get("author") or {}).get("name")
            return Article(
                title=text_of(one(root, "h1.detail-title")),
                sapo=text_of(one(root, "h2.detail-sapo")),
                paragraphs=body_paragraphs(
                    body,
                    drop=("div.VCSortableInPreviewMode", "figure", "figcaption", "div.detail-relate", "div.c-banner", "table"),
                ),
                published_at=parse_iso(meta(root, "article:published_time"))
                or parse_iso(ld.get("datePublished"))
                or parse_local(text_of(one(root, "[data-role=publishdate]")), "%d/%m/%Y %H:%M"),
                author=None if author in (None, "", "baochinhphu.vn") else author,
                category=text_of(one(root, ".detail-cate a")) or None,
                tags=[text_of(a) for a in every(root, ".detail-tab a")],
                layout="baochinhphu/vccorp",
            )
        return None
