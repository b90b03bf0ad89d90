"""Charts as inline SVG (matplotlib): no JavaScript and no CDN, so the report opens from disk anywhere."""

from __future__ import annotations

import io
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from scrapers.report.formats import number, period_label  # noqa: E402
from scrapers.vocabulary import FORMS  # noqa: E402

FORM_COLOURS = {"khiển trách": "#f2c14e", "cảnh cáo": "#f78154", "cách chức": "#b33f62", "khai trừ": "#5d2e46",
                "giải tán": "#2f1b25"}
plt.rcParams.update({"font.family": "DejaVu Sans", "svg.fonttype": "none", "svg.hashsalt": "hanoi-reports"})


def _svg(fig) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    svg = buf.getvalue()
    return svg[svg.index("<svg"):]


def _vn_axis(ax) -> None:
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: number(v)))
    ax.spines[["top", "right"]].set_visible(False)


def discipline_by_form(rows: list[dict], subject: str, title: str, scope: str = "Hà Nội") -> str | None:
    """Stacked bars: disciplined per reporting period, by form, in one locality. None when there is nothing to draw."""
    table: dict[str, dict[str, float]] = defaultdict(dict)
    for r in rows:
        if r["subject"] == subject and r["form"] in FORMS and r.get("scope", "Hà Nội") == scope:
            table[r["period_key"]][r["form"]] = float(r["value"])
    if not table:
        return None
    periods = sorted(table)
    fig, ax = plt.subplots(figsize=(7.5, 3.6))
    bottom = [0.0] * len(periods)
    labels = [period_label(p) for p in periods]
    for form in FORMS:
        values = [table[p].get(form, 0.0) for p in periods]
        if any(values):
            bars = ax.bar(labels, values, bottom=bottom, label=form, color=FORM_COLOURS[form])
            ax.bar_label(bars, labels=[number(v) if v else "" for v in values], label_type="center", fontsize=8)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_title(title, loc="left", fontsize=11)
    ax.legend(frameon=False, fontsize=8, ncols=5, loc="upper center", bbox_to_anchor=(0.5, -0.12))
    _vn_axis(ax)
    return _svg(fig)


def grouped(rows: list[dict], series: dict[str, str], title: str, key: str = "kind") -> str | None:
    table: dict[str, dict[str, float]] = defaultdict(dict)
    for r in rows:
        name = r.get(key, "value") if key else "value"
        if name in series:
            table[r["period_key"]][name] = float(r["value"])
    if not table:
        return None
    periods = sorted(table)
    fig, ax = plt.subplots(figsize=(7.5, 3.2))
    width = 0.8 / len(series)
    for i, (name, label) in enumerate(series.items()):
        xs = [p + i * width for p in range(len(periods))]
        values = [table[p].get(name, 0.0) for p in periods]
        bars = ax.bar(xs, values, width=width, label=label)
        ax.bar_label(bars, labels=[number(v) if v else "" for v in values], fontsize=8)
    ax.set_xticks([p + width * (len(series) - 1) / 2 for p in range(len(periods))], [period_label(p) for p in periods])
    ax.set_title(title, loc="left", fontsize=11)
    if len(series) > 1:
        ax.legend(frameon=False, fontsize=8)
    _vn_axis(ax)
    return _svg(fig)
