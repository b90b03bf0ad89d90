"""`hanoi-reports`: extract figures from files, crawl, parse, show per-source status, serve the snapshot."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import uuid
from datetime import date
from pathlib import Path

import psycopg

from scrapers import pipeline, settings, sources
from scrapers.db import SchemaBehind
from scrapers.extract import TextTooLarge, extract_all
from scrapers.sources.base import canonical, parse_html, parse_local
from scrapers.text import nfc

BACKFILLABLE = [name for name, adapter in sources.ADAPTERS.items() if adapter.monthly_sitemap]


def _document_text(path: Path) -> tuple[str, date | None]:
    raw = path.read_bytes()
    head = raw[:2048].lower()
    if b"<html" not in head and b"<!doctype html" not in head:
        text = nfc(raw.decode("utf-8-sig"))
        return text, _header_date(text)
    url = canonical(parse_html(raw)) or ""
    article, _ = sources.read_article(sources.for_url(url), raw, url)
    published = article.published_at.date() if article.published_at else None
    return pipeline.article_text(article.title, article.sapo, article.body), published


def _header_date(text: str) -> date | None:
    """A plain-text article's publication date, when its first lines carry one ("18-01-2018 19:13",
    "Ngày đăng 28/10/2019 | 17:09"); lets "Sáng 13/7" in the body resolve its year."""
    head = "\n".join(text.splitlines()[:12])
    found = parse_local(head, "%d-%m-%Y %H:%M", "%d/%m/%Y %H:%M", "%d/%m/%Y | %H:%M", "%d/%m/%Y", "%d-%m-%Y")
    return found.date() if found else None


def cmd_extract(args) -> int:
    failed = 0
    for name in args.paths:
        path = Path(name)
        try:
            text, published = _document_text(path)
            items = extract_all(text, published)
        except (OSError, UnicodeDecodeError, sources.ParseError, TextTooLarge) as exc:
            # one line per bad input (a directory, binary bytes, a 50 MB dump); the other files still run
            print(f"hanoi-reports extract: {name}: {exc.strerror if isinstance(exc, OSError) and exc.strerror else exc}",
                  file=sys.stderr)
            failed += 1
            continue
        for item in items:
            print(json.dumps({"file": name, **item}, ensure_ascii=False))
    return 1 if failed else 0


def cmd_status(args) -> int:
    rows = pipeline.status()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    print(f"{'source':<13}{'health':<15}{'pages':>6}{'articles':>9}{'relevant':>9}{'figures':>8}{'quar.':>6}"
          f"{'failing':>8}  last fetch / last error")
    for r in rows:
        err = r["last_error"]["error"] if r["last_error"] else ""
        print(f"{r['source']:<13}{r['health'][:14]:<15}{r['pages']:>6}{r['articles']:>9}{r['relevant_articles']:>9}"
              f"{r['figures']:>8}{r['quarantined']:>6}{r['failing_urls']:>8}  {r['last_fetch'] or '-'} {err}")
    for r in rows:
        if r["quiet_channels"]:
            print(f"discovery drift: {r['source']} — {', '.join(r['quiet_channels'])} found far fewer articles than "
                  "before or than its other channels; check that page's markup")
    return 0


def _crawl_then_parse(names: list[str], run_id: str, no_parse: bool, **crawl_kwargs) -> list[dict]:
    """Shared by `crawl` and `backfill`: crawl with progress bars, print one JSON summary per source, then parse
    and extract what landed (unless `no_parse`)."""
    from scrapers.progress import crawl_progress, stage_progress

    with crawl_progress(names) as progress:
        summaries = pipeline.crawl_sources(names, run_id, progress=progress, **crawl_kwargs)
    for summary in summaries:
        print(json.dumps(summary, ensure_ascii=False))
    if not no_parse:
        with stage_progress(["parse", "extract"]) as step:
            print(json.dumps(pipeline.parse_pending(on_step=step), ensure_ascii=False))
            print(json.dumps(pipeline.extract_pending(on_step=step), ensure_ascii=False))
    return summaries


def cmd_crawl(args) -> int:
    run_id = args.run_id or f"cli-{uuid.uuid4().hex[:8]}"
    names = args.source or list(sources.ADAPTERS)
    summaries = _crawl_then_parse(names, run_id, args.no_parse, workers=args.workers)
    failed = [s["source"] for s in summaries if s["status"] != "ok"]
    drifting = [f"{s['source']} ({', '.join(s['drift'])})" for s in summaries if s.get("drift")]
    print(f"crawl {run_id}: {sum(s.get('new_pages', 0) for s in summaries)} new pages from {len(names)} sources; "
          f"not ok: {', '.join(failed) or 'none'}; discovery drift: {', '.join(drifting) or 'none'}", file=sys.stderr)
    # an operator's script must notice: a source that could not be crawled, or a channel that went quiet
    return 1 if drifting or any(s["status"] in ("unreachable", "error") for s in summaries) else 0


def cmd_backfill(args) -> int:
    run_id = args.run_id or f"backfill-{uuid.uuid4().hex[:8]}"
    names = args.source or BACKFILLABLE
    summaries = _crawl_then_parse(names, run_id, args.no_parse, since=args.since, until=args.until,
                                  max_articles=args.max_articles)
    print(f"backfill {args.since}..{args.until}: {sum(s.get('new_pages', 0) for s in summaries)} new pages from "
          f"{sum(s.get('listings', 0) for s in summaries)} sitemaps", file=sys.stderr)
    return 0 if all(s["status"] in ("ok", "degraded", "no sitemap in range") for s in summaries) else 1


def cmd_reprocess(args) -> int:
    from scrapers import db
    from scrapers.dbt_build import dbt_build
    from scrapers.progress import stage_progress
    from scrapers.versions import EXTRACTOR_VERSION, PARSER_VERSION

    selection = pipeline.Selection(sources=args.source, since=args.since, until=args.until)
    with stage_progress(["parse", "extract"]) as step:
        result = pipeline.reprocess(selection=selection, parser_version=args.parser_version or PARSER_VERSION,
                                    extractor_version=args.extractor_version or EXTRACTOR_VERSION, on_step=step,
                                    workers=args.workers or pipeline.default_workers())
    print(json.dumps(result, ensure_ascii=False))
    status = 0
    if args.full_refresh or args.dbt:
        built = dbt_build(db.owner_url(), full_refresh=args.full_refresh)
        print(built.summary(), file=sys.stderr)
        status = built.returncode
    parse, extract = result["parse"], result["extract"]
    print(f"reprocess: {parse['parsed']} parsed, {parse['quarantined']} quarantined, {extract['articles']} articles "
          f"extracted ({extract['figures']} figures)", file=sys.stderr)
    return status


def cmd_report(args) -> int:
    from expectations.rejections import latest_rejected
    from scrapers import db
    from scrapers.report import build_report

    out = Path(args.out)
    # like the DAG's publish step: the articles the latest validation quarantined stay out
    data = build_report(db.warehouse_url(), out, withheld=list(latest_rejected(db.warehouse_url())))
    print(f"report: {out / 'index.html'} ({len(data['latest'])} figures, {len(data['discipline'])} discipline rows)")
    return 0


def cmd_migrate(args) -> int:  # noqa: ARG001 - every command takes the parsed arguments
    from scrapers import db

    with db.connect(db.owner_url()) as conn:
        db.migrate(conn)
    print(f"migrate: warehouse schema up to date ({db.schema_checksum()[:12]})")
    return 0


def cmd_serve_snapshot(args) -> int:
    from scrapers.snapshot_server import serve_forever

    serve_forever(args.base_port, Path(args.urls_file) if args.urls_file else None)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hanoi-reports", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="print figures, documents, officials and event dates found in files")
    p.add_argument("--format", choices=["jsonl"], default="jsonl")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("migrate", help="create or update the warehouse schema, as its owner (WAREHOUSE_OWNER_URL)")
    p.set_defaults(func=cmd_migrate)

    p = sub.add_parser("status", help="per source: pages, articles, figures, last fetch, last error")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("crawl", help="fetch new pages from sources (concurrently), then parse and extract")
    p.add_argument("--source", action="append", choices=list(sources.ADAPTERS), help="repeatable; default: all")
    p.add_argument("--run-id")
    p.add_argument("--workers", type=_positive_int, help="sources crawled at once (default: all)")
    p.add_argument("--no-parse", action="store_true", help="only fetch into raw")
    p.set_defaults(func=cmd_crawl)

    p = sub.add_parser("backfill", help="discover and fetch a date range's articles from the sources' monthly "
                                        "sitemaps, then parse and extract")
    p.add_argument("--source", action="append", choices=BACKFILLABLE, help="repeatable; default: every source "
                   "with monthly sitemaps")
    p.add_argument("--since", type=date.fromisoformat, required=True, help="first publication date, YYYY-MM-DD")
    p.add_argument("--until", type=date.fromisoformat, required=True, help="last publication date, YYYY-MM-DD")
    p.add_argument("--max-articles", type=_positive_int, default=5000, help="per source (default 5000)")
    p.add_argument("--run-id")
    p.add_argument("--no-parse", action="store_true", help="only fetch into raw")
    p.set_defaults(func=cmd_backfill)

    p = sub.add_parser("reprocess", help="re-derive articles and figures from stored raw pages (no fetching)")
    p.add_argument("--source", action="append", choices=list(sources.ADAPTERS), help="repeatable; default: all")
    p.add_argument("--since", type=date.fromisoformat, help="first publication date, YYYY-MM-DD")
    p.add_argument("--until", type=date.fromisoformat, help="last publication date, YYYY-MM-DD")
    p.add_argument("--parser-version", help="version label to write (default: the code's)")
    p.add_argument("--extractor-version", help="version label to write (default: the code's)")
    p.add_argument("--dbt", action="store_true", help="then run dbt build")
    p.add_argument("--full-refresh", action="store_true", help="then rebuild every dbt model from scratch")
    p.add_argument("--workers", type=_positive_int, default=None,
                   help="processes parsing and extracting at once (default: the machine's cores)")
    p.set_defaults(func=cmd_reprocess)

    p = sub.add_parser("report", help="build the analyst report (static HTML + JSON) from the marts")
    p.add_argument("--out", required=True, help="output directory")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("serve-snapshot", help="serve snapshot/sites on localhost, one port per source")
    p.add_argument("--base-port", type=_port, default=8801)
    p.add_argument("--urls-file", help="write the HANOI_SOURCE_URLS JSON here")
    p.set_defaults(func=cmd_serve_snapshot)

    args = parser.parse_args(argv)
    for since, until in [(getattr(args, "since", None), getattr(args, "until", None))]:
        if since and until and since > until:
            parser.error(f"--since {since} is after --until {until}")
    if args.command == "backfill":
        from scrapers.crawl import check_backfill_range

        try:
            check_backfill_range(args.since, args.until)
        except ValueError as exc:
            parser.error(str(exc))
    if args.command == "report" and Path(args.out).exists() and not Path(args.out).is_dir():
        parser.error(f"--out {args.out} is a file; give a directory for the report")
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s")
    try:
        return args.func(args)
    except psycopg.OperationalError as exc:
        # the warehouse is down or unreachable: one line, not a traceback
        print(f"hanoi-reports: cannot reach the warehouse: {str(exc).strip().splitlines()[0]}", file=sys.stderr)
        return 2
    except (settings.SettingsError, SchemaBehind) as exc:
        print(f"hanoi-reports: {exc}", file=sys.stderr)
        return 2


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{number} must be at least 1")
    return number


def _port(value: str) -> int:
    """A base port for the snapshot sites, or 0: each site on a free port the system picks."""
    if value.strip() == "0":
        return 0
    number = _positive_int(value)
    if number > 65535 - len(sources.ADAPTERS):
        raise argparse.ArgumentTypeError(f"{number} leaves no room for {len(sources.ADAPTERS)} ports below 65536")
    return number


if __name__ == "__main__":
    sys.exit(main())
