"""Source adapters, one module per site, and the registry of enabled sources."""

from __future__ import annotations

from scrapers import settings
from scrapers.sources.anninhthudo import Anninhthudo
from scrapers.sources.baochinhphu import Baochinhphu
from scrapers.sources.base import Article, ParseError, SourceAdapter, invalid_utf8
from scrapers.sources.generic import parse_generic
from scrapers.sources.hanoimoi import Hanoimoi
from scrapers.sources.kinhtedothi import Kinhtedothi
from scrapers.sources.longbien import Longbien
from scrapers.sources.tienphong import Tienphong

ADAPTERS: dict[str, SourceAdapter] = {a.name: a for a in (Kinhtedothi(), Tienphong(), Baochinhphu(), Anninhthudo(), Longbien(), Hanoimoi())}

__all__ = ["ADAPTERS", "Article", "ParseError", "SourceAdapter", "base_urls", "for_url", "get", "read_article"]


def get(name: str) -> SourceAdapter:
    try:
        return ADAPTERS[name]
    except KeyError:
        raise KeyError(f"unknown source {name!r}; known: {', '.join(ADAPTERS)}") from None


def for_url(url: str) -> SourceAdapter | None:
    """The adapter of the site a URL belongs to, by host with its aliases and subdomains (hanoimoi.com.vn,
    www.chinhphu.vn …); None for a site we have no adapter for."""
    return next((a for a in ADAPTERS.values() if a.owns(url)), None)


def read_article(adapter: SourceAdapter | None, page: str | bytes, url: str) -> tuple[Article, str | None]:
    """The one way a page becomes an article, for the pipeline and `extract` alike: the adapter's layouts, else the
    generic reader. Returns the article and why the adapter could not read it (None when it did). Raises
    ParseError, with both reasons, when neither can."""
    reason = f"no adapter for {url}"
    article = None
    if adapter is not None:
        try:
            article = adapter.parse(page, url)
            reason = None
        except Exception as exc:  # ParseError, or a parser bug: neither may lose the page or stop the run
            reason = str(exc) if isinstance(exc, ParseError) else f"parser crashed: {type(exc).__name__}: {exc}"
    if article is None:
        try:
            article = parse_generic(page, url)
        except ParseError as fallback:
            raise ParseError(f"{reason}; {fallback}") from fallback
    article.decode_replacements = invalid_utf8(page) if isinstance(page, bytes) else 0
    return article, reason


def base_urls() -> dict[str, str]:
    """Where each source is fetched from: the real site unless HANOI_SOURCE_URLS overrides it.

    HANOI_SOURCE_URLS is JSON ({"tienphong": "http://127.0.0.1:8802", …}) — the snapshot server prints it.
    """
    return {name: a.default_base_url for name, a in ADAPTERS.items()} | settings.load().source_urls
