"""GX Data Docs, built by a real checkpoint run, render in headless Chromium (Debian's, driven by Playwright)."""

import shutil
from pathlib import Path

import pytest

from expectations.runner import data_docs_index, run_checkpoint
from scrapers import pipeline
from scrapers.sources import ADAPTERS
from tests.integration.test_dbt_gx import dbt

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def test_data_docs_render(warehouse, snapshot_env, browser):
    for name in ADAPTERS:
        pipeline.crawl_source(name, "e2e", min_delay=0)
    pipeline.parse_pending()
    pipeline.extract_pending()
    assert dbt(warehouse, "build").returncode == 0
    run_checkpoint(warehouse, run_id="e2e")
    index = data_docs_index()
    assert index.is_file()

    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(index.as_uri())
    # bootstrap-table (local copy, not a CDN) turned the results into a paginated table
    page.wait_for_selector("div.bootstrap-table table tbody tr", timeout=15000)
    assert page.locator(".pagination-info").first.inner_text().startswith("Showing 1 to")
    page.locator("input.search-input").first.press_sequentially("fct_figures", delay=30)
    page.wait_for_function("() => !document.querySelector('div.bootstrap-table tbody').innerText"
                           ".includes('fct_event_dates')", timeout=10000)
    visible = page.locator("div.bootstrap-table tbody").first.inner_text()
    assert "fct_figures_suite" in visible and "fct_event_dates" not in visible
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "gx-data-docs-index.png"), full_page=True)

    # open the fct_figures suite and see its expectations listed
    page.locator("div.bootstrap-table tbody a", has_text="fct_figures_suite").first.click()
    page.wait_for_selector("text=percentages within 0–100", timeout=15000)
    page.screenshot(path=str(ARTIFACTS / "gx-data-docs-fct_figures.png"), full_page=True)
    assert (ARTIFACTS / "gx-data-docs-fct_figures.png").stat().st_size > 10_000
    # every CDN asset was replaced by a local copy: nothing fails to load, from disk, without internet
    assert errors == []
