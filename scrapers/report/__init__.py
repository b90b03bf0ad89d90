"""Analyst report: one static HTML page (inline SVG charts, no server or internet needed) plus report.json, built
from the `marts` tables after a successful validation."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from scrapers.report import charts
from scrapers.report.data import load
from scrapers.report.formats import day, number, percent, period_label
from scrapers.vocabulary import FORMS, KIND_LABELS

CSS = """
body{font-family:"DejaVu Sans",Arial,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{background:#7a1f1f;color:#fff;padding:18px 28px}header h1{margin:0;font-size:22px}
header p{margin:4px 0 0;opacity:.85;font-size:13px}main{padding:8px 28px 40px;max-width:1200px}
section{background:#fff;border:1px solid #e5e5e5;border-radius:6px;padding:14px 18px;margin:16px 0}
h2{font-size:17px;margin:0 0 10px}h3{font-size:14px;margin:10px 0 4px;color:#7a1f1f}.charts{display:flex;flex-wrap:wrap;gap:18px}.chart svg{max-width:100%;height:auto}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #eee;padding:6px 8px;
text-align:left;vertical-align:top}th{background:#f4f4f4}td.num{text-align:right;white-space:nowrap}
.sr{position:absolute;left:-9999px}.conflict{color:#b00020;font-weight:bold}.empty{color:#777;font-style:italic}.quote{color:#444;font-size:12px}
"""


def build_report(url: str, out_dir: Path, withheld: list[str] | tuple = ()) -> dict:
    """Write index.html and report.json to `out_dir`; returns the data that went into them. `withheld`: the
    articles this run's validation quarantined, left out with every statistic built on them."""
    data = load(url, withheld)
    out_dir.mkdir(parents=True, exist_ok=True)
    generated = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh"))
    html = _page(data, generated)
    (out_dir / "index.html").write_text(html, encoding="utf-8")
    (out_dir / "report.json").write_text(
        json.dumps({"generated_at": generated.isoformat(), **data}, ensure_ascii=False, indent=1, default=str),
        encoding="utf-8")
    return data


def _figure_value(r: dict) -> str:
    if r["kind"] == "ratio":
        return f"{number(r['value'])}/{number(r['denominator'])}"
    if r["kind"] == "percent":
        return percent(r["value"]) if r["value"] is not None else "–"
    if r["kind"] == "money":
        return f"{number(r['value'])} đồng"
    text = number(r["value"])
    if r["breakdown"]:
        forms = sorted(r["breakdown"].items(), key=lambda kv: FORMS.index(kv[0]) if kv[0] in FORMS else 99)
        text += " (" + "; ".join(f"{k}: {number(v)}" for k, v in forms) + ")"
    return text


def is_web(url: str | None) -> bool:
    """Only an http(s) URL becomes a link; anything else a site put in its metadata (`javascript:`, `data:`) is
    shown as text, never made clickable in an analyst's browser."""
    return bool(url) and urlsplit(url.strip()).scheme.lower() in ("http", "https")


def _page(d: dict, generated: datetime) -> str:
    # Hà Nội first, then each district/town that has its own figures
    scopes = ["Hà Nội"] + sorted({r["scope"] for r in d["discipline"]} - {"Hà Nội"})
    discipline = [(scope,
                   charts.discipline_by_form(d["discipline"], "party_members", f"Đảng viên bị kỷ luật – {scope}", scope),
                   charts.discipline_by_form(d["discipline"], "party_organisations", f"Tổ chức đảng bị kỷ luật – {scope}",
                                             scope))
                  for scope in scopes]
    checks = charts.grouped(d["checks"], {"inspection": "Kiểm tra", "supervision": "Giám sát",
                                          "complaints": "Đơn thư, tố cáo", "violation_found": "Phát hiện vi phạm"},
                            "Kiểm tra, giám sát và đơn thư theo kỳ")
    commendations = charts.grouped([{**r, "kind": "commendation"} for r in d["commendations"]],
                                   {"commendation": "Tập thể, cá nhân được khen thưởng"}, "Khen thưởng theo kỳ")
    return TEMPLATES.get_template("index.html").render(d=d, generated=generated, css=Markup(CSS), discipline=discipline,
                                                       checks=checks, commendations=commendations)


def _failure_rate(r: dict) -> str:
    parsed = int(r["articles"]) + int(r["quarantined_pages"])
    return percent(100 * int(r["quarantined_pages"]) / parsed) if parsed else "–"


# autoescape: every value from the marts (titles, quotes, URLs a site declared) is text in the page, never markup
TEMPLATES = Environment(loader=PackageLoader("scrapers.report", "templates"), autoescape=select_autoescape(["html"]),
                        trim_blocks=False, lstrip_blocks=False)
TEMPLATES.filters.update(number=number, day=day, period_label=period_label, figure_value=_figure_value,
                         kind_label=lambda kind: KIND_LABELS.get(kind, kind), is_web=is_web,
                         failure_rate=_failure_rate)
