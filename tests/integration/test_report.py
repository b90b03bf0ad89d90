"""The analyst report, built from the snapshot warehouse's marts, shows the seed figures with their sources, and
renders in headless Chromium; an empty warehouse gives a clear no-data page."""

import json
import shutil
from pathlib import Path

from scrapers.report import build_report
from scrapers.report.formats import number, percent, period_label
from tests.conftest import fresh_database
from tests.integration.test_dbt_gx import built, dbt  # noqa: F401 - fixture reused

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def test_vietnamese_formats():
    assert number(4143) == "4.143" and number(1234567) == "1.234.567" and number(95.5, 1) == "95,5"
    assert percent(95.5) == "95,5%" and percent(100) == "100%"
    assert period_label("2022-H1") == "6 tháng đầu năm 2022" and period_label("2019-Q3") == "Quý III/2019"


def test_report_has_seed_001_figures_and_source(built, tmp_path):  # noqa: F811
    data = build_report(built, tmp_path)
    spec = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    members = {r["form"]: float(r["value"]) for r in spec["discipline"] if r["subject"] == "party_members"}
    assert members == {"total": 359, "khiển trách": 254, "cảnh cáo": 37, "cách chức": 7, "khai trừ": 61}
    row = next(r for r in data["latest"] if r["kind"] == "discipline_party_members")
    assert row["article_url"].startswith("https://tienphong.vn/") and row["article_url"].endswith("post1452911.tpo")
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert row["article_url"] in html and "359 (khiển trách: 254; cảnh cáo: 37; cách chức: 7; khai trừ: 61)" in html
    assert "6 tháng đầu năm 2022" in html and "01-CTr/TU" in html
    assert html.count("<svg") >= 3
    # issue 16: 2019's commendations are seed 003's 58 — not its parts added to it, not once per outlet (232)
    commendations = {r["period_key"]: float(r["value"]) for r in data["commendations"]}
    assert commendations.get("2019") == 58, commendations
    # the latest table lists each statistic once, however many outlets reported it
    keys = [(r["kind"], r["scope"], r["period_key"], r["value"], r["quote"]) for r in data["latest"]]
    assert sum(1 for r in data["latest"] if r["kind"] == "commendation" and float(r["value"]) == 58) == 1
    assert len(keys) == len(set(keys))


def test_report_renders_in_chromium(built, tmp_path):  # noqa: F811
    from playwright.sync_api import sync_playwright

    build_report(built, tmp_path)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        errors = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((tmp_path / "index.html").as_uri())
        bars = page.locator("#discipline svg g[id^='patch']").count()
        box = page.locator("#discipline svg").first.bounding_box()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
        browser.close()
    assert errors == []
    assert bars >= 6 and box["width"] > 300 and box["height"] > 150
    assert (ARTIFACTS / "report.png").stat().st_size > 20_000


def test_empty_warehouse_gives_no_data_page(pg_server_url, tmp_path):
    with fresh_database(pg_server_url) as url:
        assert dbt(url, "build").returncode == 0
        data = build_report(url, tmp_path)
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert data["latest"] == [] and "<svg" not in html
    assert html.count("Chưa có dữ liệu") >= 5


def test_localities_get_their_own_charts(built, tmp_path):  # noqa: F811
    import psycopg

    with psycopg.connect(built) as conn:
        conn.execute("""insert into marts.fct_statistics (statistic_id, scope, kind, subject, period_key, part, part_of,
                            value, reported_values, outlets, article_ids, figure_ids, conflict, stories)
                        values ('lb1', 'Long Biên', 'discipline_party_members', 'đảng viên', '2019-M09', 'khiển trách',
                                'lb2', 4, array[4], array['longbien'], array['a'], array['f'], false, 1),
                               ('lb2', 'Long Biên', 'discipline_party_members', 'đảng viên', '2019-M09', null, null,
                                4, array[4], array['longbien'], array['a'], array['f'], false, 1)""")
    try:
        build_report(built, tmp_path)
    finally:
        with psycopg.connect(built) as conn:
            conn.execute("delete from marts.fct_statistics where statistic_id in ('lb1', 'lb2')")
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    hanoi, longbien = html.index("<h3>Hà Nội</h3>"), html.index("<h3>Long Biên</h3>")
    assert hanoi < longbien
    section = html[longbien:html.index("</section>", longbien)]
    assert "<svg" in section and "9 tháng đầu năm 2019" in section


def test_every_charted_number_is_listed_with_its_quotes(built, tmp_path):  # noqa: F811
    """Issue 16: every number in the report traceable to its quotes — seed 003's 58 with both outlets' quotes."""
    data = build_report(built, tmp_path)
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    row = next(r for r in data["sources_of_numbers"] if r["kind"] == "commendation" and float(r["value"]) == 58)
    assert row["outlets"] == 2 and {q["source"] for q in row["quotes"]} == {"anninhthudo", "hanoimoi"}
    assert all(q["quote"] == "58 tập thể, cá nhân" for q in row["quotes"])
    section = html[html.index('id="sources-of-numbers"'):]
    section = section[:section.index("</section>")]
    assert section.count("“58 tập thể, cá nhân”") == 2 and all(q["url"] in section for q in row["quotes"])
