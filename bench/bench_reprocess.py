"""Reprocess throughput: parse + extract stored pages in 1 process and in N, against the same rows.

    .venv/bin/python bench/bench_reprocess.py [--pages 1200] [--workers 2]

Lands `--pages` article pages (the snapshot's current-era article pages, each under many paths, so every page is
real markup the adapters read) in a fresh database of the project's Postgres, then times `reprocess` with one
process (the baseline, measured in the same run) and with `--workers` processes, and checks that both wrote the
same rows. Prints pages/s for each and the speed-up.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402

from scrapers import db, landing, pipeline, settings, sources  # noqa: E402
from scrapers.fetcher import FetchResult  # noqa: E402
from tests.conftest import fresh_database  # noqa: E402

SITES = ROOT / "snapshot" / "sites"
# one current-era article page per source: (source, path on its site)
PAGES = {
    "tienphong": "ha-noi-thi-diem-nguoi-dung-dau-lua-chon-bo-nhiem-cap-pho-cua-minh-post1452911.tpo",
    "baochinhphu": "lam-ro-nhung-doi-moi-trong-phuong-thuc-lanh-dao-cua-thanh-uy-102191014192500565.htm",
    "anninhthudo": "thanh-uy-ha-noi-tong-ket-3-chuong-trinh-cong-tac-toan-khoa-nhiem-ky-2015-2020-post826540.antd",
    "hanoimoi": "thanh-uy-ha-noi-tong-ket-3-chuong-trinh-cong-tac-toan-khoa-nhiem-ky-2015-2020-538001.html",
}


def land(url: str, n: int) -> None:
    bodies = {name: (SITES / sources.ADAPTERS[name].domain / path).read_bytes() for name, path in PAGES.items()}
    with db.connect(url) as conn:
        for name, body in bodies.items():
            batch = landing.Batch(conn, source=name, run_id="bench", max_pages=200)
            stem, ext = PAGES[name].rsplit(".", 1)
            for i in range(n // len(bodies)):
                # the same markup under another path; a comment makes each body distinct, as real pages are
                page = body + f"<!-- copy {i} -->".encode()
                batch.add("article", FetchResult(url=f"http://bench.local/{stem}{i}.{ext}", status=200, body=page,
                                                 headers={"Content-Type": "text/html"}))
            batch.flush()


def rows(url: str) -> list:
    with psycopg.connect(url) as conn:
        return [conn.execute(f"select count(*), md5(string_agg(t::text, '|' order by t::text)) from ({sql}) t")
                .fetchone() for sql in (
                    "select page_id, title, body, published_at, is_relevant from extracted.articles",
                    "select page_id, seq, type, payload, quote, start_offset from extracted.mentions")]


def timed_run(url: str, workers: int) -> dict:
    """One reprocess in a fresh interpreter, as the CLI runs it (its process pool and fork server start inside the
    timing); returns its seconds, pages and figures."""
    code = ("import json, sys, time; sys.path.insert(0, sys.argv[1]); from scrapers import pipeline; "
            "t = time.perf_counter(); out = pipeline.reprocess(sys.argv[2], workers=int(sys.argv[3])); "
            "print(json.dumps({'seconds': time.perf_counter() - t, 'pages': out['parse']['parsed'], "
            "'figures': out['extract']['figures']}))")
    done = subprocess.run([sys.executable, "-c", code, str(ROOT), url, str(workers)], check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    args = argparse.ArgumentParser()
    args.add_argument("--pages", type=int, default=1200)
    args.add_argument("--workers", type=int, default=pipeline.default_workers())
    args.add_argument("--rounds", type=int, default=3, help="1-process and N-process runs, interleaved")
    opts = args.parse_args()
    server = settings.load().owner_url()  # the schema owner may create the bench databases
    with fresh_database(server) as url:
        land(url, opts.pages)
        # an untimed pass first, so that every timed run replaces rows already there (the first run into an empty
        # schema would otherwise be the cheaper one)
        pipeline.reprocess(url, workers=1)
        timings: dict[int, list[float]] = {1: [], opts.workers: []}
        results = {}
        # this VM's speed drifts by ±15 % between runs: the two settings alternate and the medians are compared
        for _ in range(opts.rounds):
            for workers in (1, opts.workers):
                run = timed_run(url, workers)
                timings[workers].append(run["seconds"])
                results[workers] = rows(url)
                print(f"reprocess, {workers} process(es): {run['pages']} pages in {run['seconds']:.1f} s → "
                      f"{run['pages'] / run['seconds']:.0f} pages/s ({run['figures']} figures)")
        same = results[1] == results[opts.workers]
        one, many = statistics.median(timings[1]), statistics.median(timings[opts.workers])
        rounds = ", ".join(f"{a / b:.2f}" for a, b in zip(timings[1], timings[opts.workers], strict=True))
        print(f"{opts.workers} processes / 1: {one / many:.2f}× median of {opts.rounds} rounds ({rounds}) "
              f"(goal ≥ 1.7× on 2 cores); same rows: {same}")
        return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
