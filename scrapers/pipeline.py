"""The pipeline's stages in one place for the Airflow tasks, the CLI and the tests: crawl (`scrapers.crawl`),
parse / extract / reprocess (`scrapers.derive`) and operations health (`scrapers.health`)."""

from __future__ import annotations

from scrapers.crawl import crawl_source, crawl_sources
from scrapers.derive import (
    Selection,
    StepCallback,
    article_text,
    default_workers,
    extract_pending,
    parse_pending,
    reprocess,
)
from scrapers.health import layout_drift, status

__all__ = ["Selection", "StepCallback", "article_text", "crawl_source", "crawl_sources", "default_workers",
           "extract_pending", "layout_drift", "parse_pending", "reprocess", "status"]
