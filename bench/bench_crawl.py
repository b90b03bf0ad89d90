"""Crawl and landing benchmarks (issue 4).

    .venv/bin/python bench/bench_crawl.py      # needs the project's Postgres: `scripts/localpg.sh start`

(a) Crawl wall time: 5 local sites × 40 articles, Crawl-delay 0.2 s, 50 ms simulated latency, crawled with
    `crawl_sources` (one thread per domain), beside the per-domain lower bound: the requests one site needs
    (robots, listings, articles) spaced by the delay. Goal: within 1.2× of that bound, not 5× (the sum).
(b) Landing throughput: the same realistic pages (~150 KB with site chrome) landed through `landing.Batch`
    (dedup insert + fetch log + state, in transactions) beside a bare COPY of the same bytes into a scratch table,
    in the same run, with the crawl's batches of 25 pages and with one 300-page transaction. Goal: ≥ 80% of COPY.
"""

from __future__ import annotations

import hashlib
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402

from scrapers import db, landing, settings  # noqa: E402
from scrapers.crawl import crawl_sources  # noqa: E402
from scrapers.fetcher import FetchResult  # noqa: E402
from tests.conftest import fresh_database  # noqa: E402
from tests.fault_site import FaultSite, FaultSiteAdapter  # noqa: E402

DOMAINS, PAGES, DELAY, LATENCY = 5, 40, 0.2, 0.05


def bench_crawl(url: str) -> None:
    sites = [FaultSite(pages=PAGES, per_listing=20, crawl_delay=DELAY, latency=LATENCY, faults={}, private_links=0)
             for _ in range(DOMAINS)]
    for s in sites:
        s.__enter__()
    try:
        names = [f"site{i}" for i in range(DOMAINS)]
        adapters = {n: FaultSiteAdapter() for n in names}
        for n, a in adapters.items():
            a.name = n
        import scrapers.crawl as crawl_mod

        original = crawl_mod.crawl_source

        def per_site(name, run_id, **kw):
            i = names.index(name)
            return original(name, run_id, adapter=adapters[name], base_url=sites[i].url, **kw)

        crawl_mod.crawl_source = per_site
        t0 = time.perf_counter()
        results = crawl_sources(names, "bench", url=url)
        wall = time.perf_counter() - t0
        crawl_mod.crawl_source = original
        requests = len(sites[0].log)
        bound = (requests - 1) * DELAY + LATENCY
        stored = sum(r["new_pages"] for r in results)
        gaps = min(min(s.gaps()) for s in sites)
        print(f"(a) crawl: {DOMAINS} domains × {PAGES} articles, delay {DELAY} s, latency {LATENCY * 1000:.0f} ms: "
              f"{wall:.2f} s wall; per-domain lower bound {bound:.2f} s ({requests} requests) → "
              f"{wall / bound:.2f}× the bound (sequential domains would be ≥ {DOMAINS * bound:.1f} s); "
              f"{stored} pages stored; smallest gap seen by a site {gaps:.3f} s")
    finally:
        for s in sites:
            s.__exit__(None, None, None)


def realistic_page(i: int) -> bytes:
    chrome = "".join(f'<li><a href="/chuyen-muc/{k}">Chuyên mục {k}</a></li>' for k in range(400))
    body = "".join(f"<p>Đoạn {k}: Thành ủy Hà Nội đã thi hành kỷ luật {k} đảng viên, khiển trách {k}.</p>"
                   for k in range(300))
    return (f"<html><head><title>Bài {i}</title></head><body><nav>{chrome}</nav><article>{body}</article>"
            f"<footer>{chrome}</footer></body></html>").encode()


def bench_landing(url: str, n: int = 300, rounds: int = 5, max_pages: int = landing.BATCH_PAGES) -> None:
    """Batch vs a bare binary COPY of the same bytes, interleaved over `rounds` rounds (new paths each round, so
    every Batch page is new), medians compared: one round alone moves by ±15 % on this VM. Two bare COPYs: into a
    table with the server's default TOAST compression (pglz, the baseline the goal was set against) and into one
    compressed like raw.pages.body (lz4 where the server has it, migration 010): like for like."""
    pages = [realistic_page(i) for i in range(n)]
    size = sum(map(len, pages))
    times: dict[str, list[float]] = {"batch": [], "pglz": [], "same": []}
    with db.connect(url) as conn:
        compression = conn.execute("select coalesce(attcompression, '') from pg_attribute "
                                   "where attrelid = 'raw.pages'::regclass and attname = 'body'").fetchone()[0]
        same = {"l": "lz4", "p": "pglz"}.get(compression, "default")
        conn.execute("create table if not exists scratch_pglz (source text, path text, body bytea compression pglz,"
                     " sha256 text)")
        conn.execute(f"create table if not exists scratch_same (source text, path text, body bytea compression {same},"
                     " sha256 text)")
        for k in range(rounds):
            results = [FetchResult(url=f"http://bench.local/b{max_pages}/r{k}/a/{i}", status=200, body=b,
                                   headers={"Content-Type": "text/html; charset=utf-8"}) for i, b in enumerate(pages)]
            t0 = time.perf_counter()
            batch = landing.Batch(conn, source="bench", run_id=f"bench-{k}", max_pages=max_pages,
                                  max_bytes=max(landing.BATCH_BYTES, 64 * max_pages * 1024 * 1024))
            for r in results:
                batch.add("article", r)
            batch.flush()
            times["batch"].append(time.perf_counter() - t0)
            assert batch.new_pages == n
            for table in ("pglz", "same"):
                t0 = time.perf_counter()
                # the fastest bare COPY psycopg offers: binary format, bodies as raw bytes, no dedup, no fetch log,
                # into a table without indexes
                with conn.transaction(), conn.cursor() as cur, \
                        cur.copy(f"copy scratch_{table} from stdin (format binary)") as copy:
                    copy.set_types(["text", "text", "bytea", "text"])
                    for i, b in enumerate(pages):
                        copy.write_row(("bench", f"/r{k}/a/{i}", b, hashlib.sha256(b).hexdigest()))
                times[table].append(time.perf_counter() - t0)
    landed, pglz, like = (statistics.median(times[k]) for k in ("batch", "pglz", "same"))
    mb = size / 1e6
    print(f"(b) landing {n} pages, batches of {max_pages} of {size / n / 1024:.0f} KB ({mb:.1f} MB), median of {rounds} "
          f"interleaved rounds: Batch {n / landed:.0f} pages/s, {mb / landed:.1f} MB/s (raw.pages.body: {same}); "
          f"bare binary COPY into a pglz table {n / pglz:.0f} pages/s → Batch {pglz / landed * 100:.0f}% of it "
          f"(rounds: {', '.join(f'{c / t * 100:.0f}%' for c, t in zip(times['pglz'], times['batch'], strict=True))}); "
          f"into a {same} table {n / like:.0f} pages/s → Batch {like / landed * 100:.0f}% of it "
          f"(rounds: {', '.join(f'{c / t * 100:.0f}%' for c, t in zip(times['same'], times['batch'], strict=True))})")


def main() -> int:
    server = settings.load().owner_url()  # the schema owner may create the bench databases
    psycopg.connect(server, connect_timeout=5).close()
    with fresh_database(server) as url:
        bench_crawl(url)
    with fresh_database(server) as url:
        bench_landing(url)
        # the same pages in one transaction: what the crawl's durability unit (a batch of 25 pages, so a killed
        # crawl re-fetches at most that many) costs against one COPY
        bench_landing(url, max_pages=300)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
