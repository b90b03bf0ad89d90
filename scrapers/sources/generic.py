"""Fallback for pages no adapter layout matches. Metadata from JSON-LD `NewsArticle` / OpenGraph first; the body
from trafilatura (boilerplate removal that knows nothing of the site), else the page's `<article>` paragraphs; the
date from htmldate (through trafilatura) when the page declares none. Articles read this way carry layout
"generic", which the layout-drift check counts."""

from __future__ import annotations

import html as html_lib
import logging
import re
from datetime import datetime, time

from trafilatura import bare_extraction

from scrapers.sources.base import (
    VN_TZ,
    Article,
    ParseError,
    body_paragraphs,
    canonical,
    every,
    json_ld_articles,
    meta,
    one,
    parse_html,
    parse_iso,
    text_of,
    without_site_name,
)
from scrapers.sources.signals import ld_author
from scrapers.text import CAPTION_NUMBER, clean, is_furniture

logging.getLogger("trafilatura").setLevel(logging.ERROR)  # it logs every page it finds short at WARNING
logging.getLogger("htmldate").setLevel(logging.ERROR)


def _trafilatura(raw: str | bytes, url: str):
    try:
        # (tables kept: a report's figures are often in one; trafilatura writes them as "| a | b |" rows)
        return bare_extraction(raw, url=url, with_metadata=True, include_comments=False, include_tables=True,
                               favor_precision=True)
    except Exception:  # a page it cannot read is the same as no body: the caller quarantines it with a reason
        return None


# trafilatura's table rows ("| Quản lý đất đai | 64 |") and the rule under a header ("|---|---|")
TABLE_ROW = re.compile(r"\|(.*)\|")
TABLE_RULE = re.compile(r"\|(?:\s*:?-{3,}:?\s*\|)+")


def _paragraphs(text: str | None, *opening: str) -> list[str]:
    """The body's paragraphs from trafilatura's text: table rows written as the adapters write them ("a | b"), and
    not the title or the sapo again (a page's <h1> and lead inside the article body, read already)."""
    said = {clean(o) for o in opening if o}
    out = []
    for line in (text or "").split("\n"):
        line = CAPTION_NUMBER.sub("", clean(line))
        if TABLE_RULE.fullmatch(line):
            continue
        if row := TABLE_ROW.fullmatch(line):
            line = " | ".join(cell.strip() for cell in row.group(1).split("|"))
        if line and not is_furniture(line) and not (not out and line in said):
            out.append(line)
    return out


# A category page read as an article would be a bogus article (its name as title, its sapos as paragraphs): a page
# that declares no article and whose text is largely headline links, or that lists many dates, is a listing. An
# article's related-story links are a small share of its words (5 links of 10 words in 600: 8 %), and a page of site
# chrome (menus, "most read") may be link-heavy, but an article has running prose: one paragraph of 60+ words. A
# listing's text is short sapos.
HEADLINE_WORDS = 5
LISTING_LINK_SHARE = 0.3
PROSE_WORDS = 60
DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")


def looks_like_listing(root, paragraphs: list[str], declares_article: bool) -> str | None:
    """Why the page looks like a listing, or None."""
    if declares_article or max((len(p.split()) for p in paragraphs), default=0) >= PROSE_WORDS:
        return None
    headlines = [a for a in every(root, "a[href]") if len(text_of(a).split()) >= HEADLINE_WORDS]
    page_text = text_of(one(root, "body"))
    words = len(page_text.split()) or 1
    linked = sum(len(text_of(a).split()) for a in headlines)
    dates = len(set(DATE.findall(page_text)))
    if headlines and linked / words >= LISTING_LINK_SHARE:
        return f"looks like a listing: {len(headlines)} headline links are {linked} of its {words} words"
    if dates >= 6 and len(headlines) >= 6:
        return f"looks like a listing: {dates} different dates and {len(headlines)} headline links"
    return None


def parse_generic(html: str | bytes, url: str) -> Article:
    root = parse_html(html)
    declared = json_ld_articles(root)
    ld = (declared or [{}])[0]
    doc = _trafilatura(html, url)
    headline = html_lib.unescape(ld.get("headline") or "")  # some CMSs entity-encode the JSON-LD headline
    title = without_site_name(headline or meta(root, "og:title") or text_of(one(root, "h1")) or (doc.title if doc else "")
                              or "", meta(root, "og:site_name"))
    sapo = meta(root, "og:description") or meta(root, "description") or ""
    paragraphs = _paragraphs(doc.text if doc else None, title, sapo)
    if not paragraphs:
        paragraphs = body_paragraphs(one(root, "[itemprop=articleBody]", "article"))
    if not paragraphs:
        raise ParseError(f"generic: no body text in {url}")
    listing = looks_like_listing(root, paragraphs, bool(declared) or meta(root, "og:type") == "article")
    if listing:
        raise ParseError(f"generic: {listing} ({url})")
    published = parse_iso(ld.get("datePublished")) or parse_iso(meta(root, "article:published_time"))
    if published is None and doc is not None and doc.date:
        # htmldate gives a day only; the article row needs a time, so the day's start in Vietnam
        published = datetime.combine(datetime.fromisoformat(doc.date).date(), time(), VN_TZ)
    if not title or published is None:
        # an article row needs both; without them the page is quarantined, never stored half-read
        raise ParseError(f"generic: no {'title' if not title else 'publication time'} in {url}")
    return Article(
        title=clean(title),
        sapo=sapo,
        paragraphs=paragraphs,
        published_at=published,
        author=ld_author(ld) or (clean(doc.author) if doc is not None and doc.author else None),
        canonical_url=canonical(root) or url,
        layout="generic",
    )
