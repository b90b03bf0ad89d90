"""Make Data Docs render without internet: copy the CSS/JS they load from CDNs (installed from npm into
expectations/assets by `make setup`) into the site and point every page at the local copies."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

ASSETS = Path(__file__).resolve().parent / "assets" / "node_modules"

# CDN URL (without query) → file under node_modules
CDN = {
    "https://code.jquery.com/jquery-3.7.1.min.js": "jquery/dist/jquery.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js": "popper.js/dist/umd/popper.min.js",
    "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js": "bootstrap/dist/js/bootstrap.min.js",
    "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css": "bootstrap/dist/css/bootstrap.min.css",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js": "bootstrap-table/dist/bootstrap-table.min.js",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css":
        "bootstrap-table/dist/bootstrap-table.min.css",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/bootstrap-table-filter-control.min.js":
        "bootstrap-table/dist/extensions/filter-control/bootstrap-table-filter-control.min.js",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.css":
        "bootstrap-table/dist/extensions/filter-control/bootstrap-table-filter-control.css",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.min.css":
        "bootstrap-table/dist/extensions/filter-control/bootstrap-table-filter-control.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/bootstrap-datepicker.min.js":
        "bootstrap-datepicker/dist/js/bootstrap-datepicker.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/bootstrap-datepicker.min.css":
        "bootstrap-datepicker/dist/css/bootstrap-datepicker.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css":
        "@fortawesome/fontawesome-free/css/all.min.css",
    "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/bootstrap-prefers-dark.css":
        "@forevolve/bootstrap-dark/dist/css/bootstrap-prefers-dark.css",
    "https://cdn.jsdelivr.net/npm/vega@5": "vega/build/vega.min.js",
    "https://cdn.jsdelivr.net/npm/vega-lite@5": "vega-lite/build/vega-lite.min.js",
    "https://cdn.jsdelivr.net/npm/vega-embed@6": "vega-embed/build/vega-embed.min.js",
}
# font-awesome's CSS refers to ../webfonts/
EXTRA_DIRS = {"@fortawesome/fontawesome-free/webfonts": "@fortawesome/fontawesome-free/webfonts"}
# SRI hashes and CORS mode are for the CDN copies; on local files they block loading (file:// has no origin)
SRI = re.compile(r'\s+(?:integrity="[^"]*"|crossorigin(?:="[^"]*")?)')
LOGO = re.compile(r'src="https://great-expectations-web-assets[^"]*"')
LOGO_SVG = ("data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='190' height='26'>"
            "<text x='0' y='19' font-family='sans-serif' font-size='17' fill='%23ff6310'>Great Expectations</text></svg>")
URL = re.compile(r'(src|href)="(https?://[^"?]+)(?:\?[^"]*)?"')


def localise(site: Path) -> int:
    """Rewrite every page of `site`; returns how many pages changed. A no-op when the assets are not installed."""
    if not ASSETS.is_dir():
        return 0
    vendor = site / "static" / "vendor"
    for rel in CDN.values():
        target = vendor / rel
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ASSETS / rel, target)
    for src, dst in EXTRA_DIRS.items():
        if not (vendor / dst).exists():
            shutil.copytree(ASSETS / src, vendor / dst)
    changed = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        prefix = os.path.relpath(vendor, page.parent)

        def swap(m: re.Match, prefix: str = prefix) -> str:
            rel = CDN.get(m.group(2))
            return f'{m.group(1)}="{prefix}/{rel}"' if rel else m.group(0)

        new = LOGO.sub(f'src="{LOGO_SVG}" alt="Great Expectations"', URL.sub(swap, html))
        new = re.sub(r"<(script|link)\b[^>]*>", lambda m: SRI.sub("", m.group(0)) if "static/vendor/" in m.group(0)
                     else m.group(0), new)
        if new != html:
            page.write_text(new, encoding="utf-8")
            changed += 1
    return changed
