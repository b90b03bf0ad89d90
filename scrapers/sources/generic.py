"""Fallback for pages no adapter layout matches: JSON-LD NewsArticle / OpenGraph first, then visible paragraphs."""

from __future__ import annotations

from scrapers.sources.base import (
    Article,
    ParseError,
    body_paragraphs,
    canonical,
    json_ld_articles,
    meta,
    parse_iso,
    soup_of,
    text_of,
)


def parse_generic(html: str | bytes, url: str) -> Article:
    soup = soup_of(html)
    ld = (json_ld_articles(soup) or [{}])[0]
    title = ld.get("headline") or meta(soup, "og:title") or text_of(soup.find("h1")) or text_of(soup.find("title"))
    container = soup.find("article") or soup.find(attrs={"itemprop": "articleBody"}) or soup.body
    paragraphs = body_paragraphs(container)
    if not paragraphs:
        raise ParseError(f"generic: no body text in {url}")
    published = parse_iso(ld.get("datePublished")) or parse_iso(meta(soup, "article:published_time"))
    if not title or published is None:
        # an article row needs both; without them the page is quarantined, never stored half-read
        raise ParseError(f"generic: no {'title' if not title else 'publication time'} in {url}")
    author = ld.get("author")
    if isinstance(author, list):
        author = author[0] if author else None
    if isinstance(author, dict):
        author = author.get("name")
    return Article(
        title=title or "",
        sapo=meta(soup, "og:description") or meta(soup, "description") or "",
        paragraphs=paragraphs,
        published_at=published,
        author=author,
        canonical_url=canonical(soup) or url,
        layout="generic",
    )
