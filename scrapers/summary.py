"""Short end-of-run summary for `make demo`: per source pages/articles/figures, dbt and GX results, doc paths."""

from __future__ import annotations

from pathlib import Path

from scrapers import db, pipeline

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    rows = pipeline.status()
    print("\nper source            health   pages  articles  figures  mentions  quarantined")
    for r in rows:
        print(f"  {r['source']:<18}{r['health']:>8}{r['pages']:>8}{r['articles']:>10}{r['figures']:>9}"
              f"{r['mentions']:>10}{r['quarantined']:>13}")
    with db.connect() as conn:
        marts = conn.execute(
            """select table_name, (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from marts.%I',
                      table_name), false, true, '')))[1]::text::int
               from information_schema.tables where table_schema = 'marts' order by 1"""
        ).fetchall()
        gx = conn.execute(
            """select suite, success, evaluated, failed from quality.validation_runs
               where run_at = (select max(run_at) from quality.validation_runs) order by suite"""
        ).fetchall()
    print("\ndbt marts (rows): " + ", ".join(f"{t} {n}" for t, n in marts))
    print("GX checkpoint: " + ("; ".join(f"{s} {'passed' if ok else 'FAILED'} ({e - f}/{e})" for s, ok, e, f in gx)
                               or "not run"))
    print(f"\nGX Data Docs: {ROOT / 'expectations/gx/uncommitted/data_docs/local_site/index.html'}")
    print(f"dbt docs:     {ROOT / 'dbt_project/target/index.html'}")
    print(f"report:       {ROOT / '.state/report/index.html'}  (make docs serves all three)")


if __name__ == "__main__":
    main()
