"""Source adapters, one module per site, and the registry of enabled sources."""

from __future__ import annotations

import json
import os

from scrapers.sources.anninhthudo import Anninhthudo
from scrapers.sources.baochinhphu import Baochinhphu
from scrapers.sources.base import Article, ParseError, SourceAdapter
from scrapers.sources.hanoimoi import Hanoimoi
from scrapers.sources.kinhtedothi import Kinhtedothi
from scrapers.sources.longbien import Longbien
from scrapers.sources.tienphong import Tienphong

ADAPTERS: dict[str, SourceAdapter] = {a.name: a for a in (Kinhtedothi(), Tienphong(), Baochinhphu(), Anninhthudo(), Longbien(), Hanoimoi())}

__all__ = ["ADAPTERS", "Article", "ParseError", "SourceAdapter", "base_urls", "get"]


def get(name: str) -> SourceAdapter:
    try:
        return ADAPTERS[name]
    except KeyError:
        raise KeyError(f"unknown source {name!r}; known: {', '.join(ADAPTERS)}") from None


def base_urls() -> dict[str, str]:
    """Where each source is fetched from: the real site unless HANOI_SOURCE_URLS overrides it.

    HANOI_SOURCE_URLS is JSON ({"tienphong": "http://127.0.0.1:8802", …}) — the snapshot server prints it.
    """
    urls = {name: a.default_base_url for name, a in ADAPTERS.items()}
    override = os.environ.get("HANOI_SOURCE_URLS")
    if override:
        urls.update(json.loads(override))
    return urls
