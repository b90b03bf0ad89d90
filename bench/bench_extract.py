"""Extractor throughput and parse throughput on the snapshot pages. Prints its numbers; no thresholds here.

    .venv/bin/python bench/bench_extract.py [--repeat N]
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from scrapers.extract import extract_all
from scrapers.pipeline import article_text
from scrapers.sources import ADAPTERS

ROOT = Path(__file__).resolve().parents[1]


def pages():
    for adapter in ADAPTERS.values():
        root = ROOT / "snapshot" / "sites" / adapter.domain
        for f in sorted(root.rglob("*")):
            url = adapter.default_base_url + "/" + str(f.relative_to(root))
            if f.is_file() and adapter.is_article_url(url):
                yield adapter, f.read_bytes(), url


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=200)
    args = ap.parse_args()
    docs = list(pages())
    started = time.perf_counter()
    articles = [a.parse(html, url) for _ in range(args.repeat) for a, html, url in docs]
    parse_s = time.perf_counter() - started
    texts = [article_text(a.title, a.sapo, a.body) for a in articles[: len(docs)]]
    chars = sum(map(len, texts))
    started = time.perf_counter()
    mentions = 0
    for _ in range(args.repeat):
        for t in texts:
            mentions += len(extract_all(t))
    extract_s = time.perf_counter() - started
    n = args.repeat * len(docs)
    print(f"parse:   {n} pages in {parse_s:.2f} s = {n / parse_s:.0f} pages/s")
    print(f"extract: {n} articles ({args.repeat * chars / 1e6:.1f} M chars) in {extract_s:.2f} s = "
          f"{n / extract_s:.0f} articles/s, {args.repeat * chars / extract_s / 1e3:.0f} k chars/s, "
          f"{mentions // args.repeat} mentions per pass")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
