"""Vietnamese number and date formats for the report: 4.143, 95,5%, 13/07/2022."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from babel.numbers import format_decimal

LOCALE = "vi_VN"


def number(value: float | int | Decimal | None, decimals: int = 0) -> str:
    """Vietnamese number formatting through babel (vi_VN: "1.234.567", "95,5")."""
    if value is None:
        return "–"
    value = float(value)
    if decimals == 0 and value.is_integer():
        return format_decimal(int(value), format="#,##0", locale=LOCALE)
    return format_decimal(value, format="#,##0." + "0" * (decimals or 1), locale=LOCALE)


def percent(value: float | Decimal | None) -> str:
    if value is None:
        return "–"
    value = float(value)
    return f"{number(value, 0 if value.is_integer() else 1)}%"


def day(value: date | datetime | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "–"


def period_label(key: str | None) -> str:
    """2022-H1 → 6 tháng đầu năm 2022; 2019-Q3 → Quý III/2019; 2019-M09 → 9 tháng đầu năm 2019; 2026-11 → tháng
    11/2026; 2020-2025 → nhiệm kỳ 2020–2025."""
    if not key:
        return "không rõ kỳ"
    year, _, part = key.partition("-")
    if part == "H1":
        return f"6 tháng đầu năm {year}"
    if part == "H2":
        return f"6 tháng cuối năm {year}"
    if part.startswith("Q"):
        return f"Quý {['I', 'II', 'III', 'IV'][int(part[1:]) - 1]}/{year}"
    if part.startswith("M"):
        return f"{int(part[1:])} tháng đầu năm {year}"
    if part == "YTD":
        return f"từ đầu năm {year}"
    if part.isdigit() and len(part) <= 2:  # 2026-11: that month alone
        return f"tháng {int(part)}/{year}"
    if part.isdigit():
        return f"nhiệm kỳ {year}–{part}"
    return f"năm {year}" if key.isdigit() else key
