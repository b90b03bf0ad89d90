"""dbt build time at 1k / 10k / 100k SYNTHETIC articles: full refresh vs an incremental run adding 1 % (issue 6).

    .venv/bin/python bench/bench_dbt.py [--sizes 1000 10000 100000]   # needs the project's Postgres

The articles are synthetic and marked so: path `/synthetic/<n>`, run id `synthetic`, title prefixed
"[synthetic n]". Each is one of the five seed articles (parsed from the snapshot pages) under its own canonical URL,
with the mentions the extractor found in that seed (offsets shifted for the title prefix), loaded with COPY.
So that they look like a news archive rather than thousands of identical copies published on five days:
- publication dates are spread evenly over 2015-01-01 … 2026-11-01, each round of five seeds on one day;
- the numbers of every figure except percentages are multiplied by a factor that cycles over 97 rounds (1…97),
  breakdowns and denominators with them, so sums and ratios stay consistent. Identical figures then recur only
  between copies of a seed published weeks apart, as a common number does in real reporting.
For each size, in a fresh database: load N, `dbt run --full-refresh` and `dbt build --full-refresh`, load 1 % more,
then `dbt run` and `dbt build` (incremental). Goal: the incremental run ≤ 15 % of the full refresh.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402

from scrapers import db, settings  # noqa: E402
from scrapers.cli import _document_text  # noqa: E402
from scrapers.envvars import dbt_env  # noqa: E402
from scrapers.extract import extract_all  # noqa: E402
from scrapers.sources import ADAPTERS  # noqa: E402
from scrapers.versions import EXTRACTOR_VERSION, PARSER_VERSION  # noqa: E402
from tests.conftest import fresh_database  # noqa: E402

DBT_DIR = ROOT / "dbt_project"
SEED_PAGES = {  # source → snapshot article page
    "kinhtedothi": "kinhtedothi.vn/bi-thu-hoang-trung-hai-trinh-de-an-thi-diem-quan-ly-mo-hinh-chinh-quyen-do-thi-trong-quy-iv-309873.html",
    "tienphong": "tienphong.vn/ha-noi-thi-diem-nguoi-dung-dau-lua-chon-bo-nhiem-cap-pho-cua-minh-post1452911.tpo",
    "baochinhphu": "baochinhphu.vn/Hoat-dong-cua-lanh-dao-Dang-Nha-nuoc/Lam-ro-nhung-doi-moi-trong-phuong-thuc-lanh-dao-cua-Thanh-uy/377981.vgp",
    "anninhthudo": "anninhthudo.vn/chinh-tri-xa-hoi/thanh-uy-ha-noi-tong-ket-3-chuong-trinh-cong-tac-toan-khoa-nhiem-ky-2015-2020/826540.antd",
}


def templates() -> list[dict]:
    out = []
    sites = ROOT / "snapshot" / "sites"
    pages = {**{s: sites / p for s, p in SEED_PAGES.items()},
             "longbien": next((sites / "longbien.hanoi.gov.vn").rglob("thuong-vu-thanh-uy-*"))}
    for source, path in pages.items():
        text, published = _document_text(path)
        out.append({"source": source, "domain": ADAPTERS[source].domain, "text": text, "published": published,
                    "mentions": extract_all(text, published)})
    return out


FIRST_DAY, LAST_DAY = date(2015, 1, 1), date(2026, 11, 1)
CYCLE = 97


def published_on(i: int, total: int, per_round: int) -> date:
    rounds = max(1, total // per_round)
    return FIRST_DAY + timedelta(days=(i // per_round) * (LAST_DAY - FIRST_DAY).days // rounds)


def scaled(payload: dict, factor: int) -> dict:
    """A figure's numbers × factor (percentages kept): the same sentence about another district or year."""
    if payload.get("kind") == "percent" or factor == 1:
        return payload
    out = dict(payload)
    for key in ("value", "denominator"):
        if isinstance(out.get(key), (int, float)):
            out[key] = out[key] * factor
    if isinstance(out.get("range"), list):
        out["range"] = [v * factor if isinstance(v, (int, float)) else v for v in out["range"]]
    if isinstance(out.get("breakdown"), dict):
        out["breakdown"] = {k: v * factor if isinstance(v, (int, float)) else v for k, v in out["breakdown"].items()}
    return out


def load(url: str, tpls: list[dict], start: int, count: int, total: int | None = None) -> None:
    total = total or start + count
    with db.connect(url) as conn, conn.transaction():
        first_page = conn.execute("select coalesce(max(id), 0) + 1 from raw.pages").fetchone()[0]
        with conn.cursor() as cur:
            with cur.copy("copy raw.pages (id, source, url, path, kind, status, headers, body, sha256, run_id)"
                          " from stdin") as copy:
                for i in range(start, start + count):
                    t = tpls[i % len(tpls)]
                    body = f"<html><body>synthetic {i}</body></html>"
                    copy.write_row((first_page + i - start, t["source"], f"https://{t['domain']}/synthetic/{i}",
                                    f"/synthetic/{i}", "article", 200, "{}", body.encode(), f"synthetic-{i}",
                                    "synthetic"))
            with cur.copy("copy extracted.articles (page_id, parser_version, source, url, canonical_url, layout,"
                          " title, sapo, body, text, paragraphs, tags, published_at, is_relevant) from stdin") as copy:
                for i in range(start, start + count):
                    t = tpls[i % len(tpls)]
                    prefix = f"[synthetic {i}] "
                    copy.write_row((first_page + i - start, PARSER_VERSION, t["source"],
                                    f"https://{t['domain']}/synthetic/{i}", f"https://{t['domain']}/synthetic/{i}",
                                    "synthetic", prefix.strip(), "", "", prefix + t["text"], "[]", "[]",
                                    f"{published_on(i, total, len(tpls))} 08:00:00+07", True))
            with cur.copy("copy extracted.extractions (page_id, parser_version, extractor_version, mentions)"
                          " from stdin") as copy:
                for i in range(start, start + count):
                    copy.write_row((first_page + i - start, PARSER_VERSION, EXTRACTOR_VERSION,
                                    len(tpls[i % len(tpls)]["mentions"])))
            with cur.copy("copy extracted.mentions (page_id, parser_version, extractor_version, seq, type, payload,"
                          " quote, start_offset, end_offset) from stdin") as copy:
                for i in range(start, start + count):
                    shift = len(f"[synthetic {i}] ")
                    for seq, m in enumerate(tpls[i % len(tpls)]["mentions"]):
                        payload = {k: v for k, v in m.items() if k not in ("type", "quote", "start", "end")}
                        if m["type"] == "figure":
                            payload = scaled(payload, 1 + (i // len(tpls)) % CYCLE)
                        copy.write_row((first_page + i - start, PARSER_VERSION, EXTRACTOR_VERSION, seq, m["type"],
                                        json.dumps(payload, ensure_ascii=False), m["quote"], m["start"] + shift,
                                        m["end"] + shift))
        conn.execute("select setval('raw.pages_id_seq', (select max(id) from raw.pages))")


def dbt(url: str, *args: str) -> tuple[float, float]:
    """Wall time of one dbt CLI invocation, and the part dbt itself reports as its run (run_results.json): the
    difference is the fixed cost of starting Python, importing dbt and loading the project."""
    env = {**os.environ, **dbt_env(url), "DBT_PROFILES_DIR": str(DBT_DIR / "profiles"), "DO_NOT_TRACK": "1"}
    started = time.perf_counter()
    proc = subprocess.run(["dbt", *args, "--project-dir", str(DBT_DIR), "--target-path", "target-bench", "-q"],
                          cwd=DBT_DIR, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"dbt {' '.join(args)} failed:\n{proc.stdout[-3000:]}{proc.stderr[-2000:]}")
    results = json.loads((DBT_DIR / "target-bench" / "run_results.json").read_text())
    return elapsed, results["elapsed_time"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args()
    server = settings.load().owner_url()  # the schema owner may create the bench databases
    tpls = templates()
    print(f"templates: {len(tpls)} seed articles, {sum(len(t['mentions']) for t in tpls)} mentions")
    print("wall s = the dbt CLI call; (in dbt s) = the run itself, without Python/dbt start-up and project load")
    print(f"{'articles':>9} {'load s':>7} {'run full':>14} {'run +1%':>14} {'ratio':>10} {'build full':>14} "
          f"{'build +1%':>14} {'ratio':>10}")
    for n in args.sizes:
        with fresh_database(server) as url:
            t0 = time.perf_counter()
            load(url, tpls, 0, n, n)
            loaded = time.perf_counter() - t0
            dbt(url, "seed")
            run_full = dbt(url, "run", "--full-refresh")
            build_full = dbt(url, "build", "--full-refresh")
            load(url, tpls, n, max(1, n // 100), n)
            run_inc = dbt(url, "run")
            load(url, tpls, n + max(1, n // 100), max(1, n // 100), n)
            build_inc = dbt(url, "build")
            with psycopg.connect(url) as conn:
                figures, articles = conn.execute("select (select count(*) from marts.fct_figures),"
                                                 " (select count(*) from marts.fct_articles)").fetchone()
            expected_articles = n + 2 * max(1, n // 100)
            assert articles == expected_articles, (articles, expected_articles)

            def pair(t: tuple[float, float]) -> str:
                return f"{t[0]:6.1f} ({t[1]:5.1f})"

            def ratio(inc: tuple[float, float], full: tuple[float, float]) -> str:
                return f"{inc[0] / full[0]:4.0%} ({inc[1] / full[1]:3.0%})"

            print(f"{n:>9} {loaded:>7.1f} {pair(run_full):>14} {pair(run_inc):>14} {ratio(run_inc, run_full):>10} "
                  f"{pair(build_full):>14} {pair(build_inc):>14} {ratio(build_inc, build_full):>10}   "
                  f"({articles} articles, {figures} figures in marts)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
