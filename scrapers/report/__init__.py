"""Analyst report: one static HTML page (inline SVG charts, no server or internet needed) plus report.json, built
from the `marts` tables after a successful validation."""

from __future__ import annotations

import json
from datetime import datetime
from html import escape
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from scrapers.report import charts
from scrapers.report.data import load
from scrapers.report.formats import day, number, percent, period_label
from scrapers.vocabulary import FORMS, KIND_LABELS

CONFLICT = '<span class="conflict" title="Các báo đưa số liệu khác nhau">⚠ khác nhau</span>'
NO_DATA = '<p class="empty">Chưa có dữ liệu cho mục này.</p>'
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


def _chart(svg: str | None, caption: str) -> str:
    return f'<figure class="chart">{svg}<figcaption class="sr">{escape(caption)}</figcaption></figure>' if svg \
        else f'<div class="chart">{NO_DATA.replace("mục này", escape(caption.lower()))}</div>'


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


def _page(d: dict, generated: datetime) -> str:
    # Hà Nội first, then each district/town that has its own figures
    scopes = ["Hà Nội"] + sorted({r["scope"] for r in d["discipline"]} - {"Hà Nội"})
    discipline = "".join(
        f'<h3>{escape(scope)}</h3><div class="charts">'
        + _chart(charts.discipline_by_form(d["discipline"], "party_members",
                                           f"Đảng viên bị kỷ luật – {scope}", scope), "Đảng viên bị kỷ luật")
        + _chart(charts.discipline_by_form(d["discipline"], "party_organisations",
                                           f"Tổ chức đảng bị kỷ luật – {scope}", scope), "Tổ chức đảng bị kỷ luật")
        + "</div>"
        for scope in scopes
    )
    checks = charts.grouped(d["checks"], {"inspection": "Kiểm tra", "supervision": "Giám sát",
                                          "complaints": "Đơn thư, tố cáo", "violation_found": "Phát hiện vi phạm"},
                            "Kiểm tra, giám sát và đơn thư theo kỳ")
    commend = charts.grouped([{**r, "kind": "commendation"} for r in d["commendations"]],
                             {"commendation": "Tập thể, cá nhân được khen thưởng"}, "Khen thưởng theo kỳ")

    latest_rows = "".join(
        f"<tr><td>{escape(KIND_LABELS.get(r['kind'], r['kind']))}<br><small>{escape(r['scope'])}</small></td>"
        f"<td>{escape(period_label(r['period_key'])) if r['period_key'] else '–'}</td>"
        f"<td class='num'>{escape((r['qualifier'] + ' ') if r['qualifier'] else '')}{escape(_figure_value(r))}</td>"
        f"<td>{escape(r['unit'] or '')}</td><td class='num'>{r['outlets']}</td>"
        f"<td>{CONFLICT if r['conflict'] else ''}</td>"
        f"<td>{_link(r['article_url'], r['title'])} ({escape(r['source'])}, "
        f"{day(r['published_date'])})<div class='quote'>“{escape(r['quote'])}”</div></td></tr>"
        for r in d["latest"]
    )
    number_rows = "".join(
        f"<tr><td>{escape(KIND_LABELS.get(r['kind'], r['kind']))}<br><small>{escape(r['scope'])}</small></td>"
        f"<td>{escape(period_label(r['period_key']))}</td><td class='num'>{number(r['value'])}"
        f"{' ' + CONFLICT if r['conflict'] else ''}</td><td class='num'>{r['outlets']}</td><td>"
        + "".join(f"<div class='quote'>“{escape(q['quote'])}” — {_link(q['url'], q['source'])}</div>"
                  for q in (r["quotes"] or []))
        + "</td></tr>"
        for r in d["sources_of_numbers"]
    )
    docs_rows = "".join(
        f"<tr><td>{escape(r['document_code'])}</td><td>{escape(r['doc_type'])}</td>"
        f"<td class='num'>{number(r['mentions'])}</td><td class='num'>{number(r['articles'])}</td>"
        f"<td>{day(r['last_cited'])}</td></tr>" for r in d["documents"]
    )
    src_rows = "".join(
        f"<tr><td>{escape(r['outlet'])}<br><small>{escape(r['domain'])}</small></td>"
        f"<td class='num'>{number(r['articles'])}</td><td class='num'>{number(r['figures'])}</td>"
        f"<td>{day(r['last_article'])}</td><td>{day(r['last_successful_fetch_at'])}</td>"
        f"<td class='num'>{_failure_rate(r)}</td></tr>" for r in d["sources"]
    )
    table = "<table><thead><tr>{}</tr></thead><tbody>{}</tbody></table>"
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Số liệu công tác xây dựng Đảng – Thành ủy Hà Nội</title><style>{CSS}</style></head>
<body><header><h1>Số liệu công tác xây dựng Đảng – Thành ủy Hà Nội</h1>
<p>Tổng hợp từ các báo và cổng thông tin; số liệu đã qua kiểm định tự động. Cập nhật {day(generated)}
{generated:%H:%M}.</p>{_withheld_note(d["withheld"])}</header><main>
<section id="discipline"><h2>Kỷ luật đảng theo kỳ báo cáo, theo hình thức</h2>{discipline}</section>
<section id="checks"><h2>Kiểm tra, giám sát, đơn thư</h2><div class="charts">{_chart(checks, "Kiểm tra, giám sát")}</div></section>
<section id="commendations"><h2>Khen thưởng</h2><div class="charts">{_chart(commend, "Khen thưởng")}</div></section>
<section id="sources-of-numbers"><h2>Nguồn của từng số liệu trong biểu đồ</h2>
{table.format("<th>Loại</th><th>Kỳ</th><th>Giá trị</th><th>Số báo đưa tin</th><th>Trích dẫn</th>", number_rows) if number_rows else NO_DATA}
</section>
<section id="latest"><h2>Số liệu mới nhất (kèm trích dẫn nguồn)</h2>
{table.format("<th>Loại</th><th>Kỳ</th><th>Giá trị</th><th>Đơn vị</th><th>Số báo đưa tin</th><th>Mâu thuẫn</th><th>Nguồn</th>", latest_rows) if latest_rows else NO_DATA}
</section>
<section id="documents"><h2>Văn bản được nhắc đến nhiều nhất</h2>
{table.format("<th>Số hiệu</th><th>Loại văn bản</th><th>Lượt nhắc</th><th>Số bài</th><th>Lần gần nhất</th>", docs_rows) if docs_rows else NO_DATA}
</section>
<section id="sources"><h2>Nguồn tin: độ phủ và độ mới</h2>
{table.format("<th>Nguồn</th><th>Số bài</th><th>Số liệu</th><th>Bài mới nhất</th><th>Lần tải thành công gần nhất</th><th>Tỷ lệ lỗi phân tích</th>", src_rows) if src_rows else NO_DATA}
</section></main></body></html>
"""


def _withheld_note(withheld: list[str]) -> str:
    if not withheld:
        return ""
    return (f'<p class="withheld">{len(withheld)} bài báo không đạt kiểm định tự động nên chưa được đưa vào báo cáo '
            "này (cùng các số liệu tổng hợp từ chúng).</p>")


def _link(url: str | None, text: str) -> str:
    """A link only to an http(s) URL; anything else a site put in its metadata (`javascript:`, `data:`) is shown
    as text, never made clickable in an analyst's browser."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return f"<a href='{escape(url.strip())}' rel='noopener noreferrer'>{escape(text)}</a>"
    return escape(text)


def _failure_rate(r: dict) -> str:
    parsed = int(r["articles"]) + int(r["quarantined_pages"])
    return percent(100 * int(r["quarantined_pages"]) / parsed) if parsed else "–"
