"""Every way a report names its period, in every place a sentence puts it (before the act, after "Trong", at the end,
as a heading's lead), keys to one period: "6 tháng đầu năm", "sáu tháng", "6 tháng năm 2026" are all 2026-H1; "3
tháng đầu năm" and "quý I" are both 2026-Q1; a span of dates from the first of January is its first months."""

import pytest

from scrapers.extract import extract_all
from scrapers.text import nfc

PERIODS = [("6 tháng đầu năm 2026", "2026-H1"), ("sáu tháng đầu năm 2026", "2026-H1"), ("6 tháng năm 2026", "2026-H1"),
           ("quý I/2026", "2026-Q1"), ("quý 1/2026", "2026-Q1"), ("quý I năm 2026", "2026-Q1"), ("Quý II/2026", "2026-Q2"),
           ("3 tháng đầu năm 2026", "2026-Q1"), ("9 tháng năm 2026", "2026-M09"), ("9 tháng đầu năm 2026", "2026-M09"),
           ("chín tháng năm 2026", "2026-M09"), ("10 tháng năm 2026", "2026-M10"), ("11 tháng đầu năm 2026", "2026-M11"),
           ("năm 2026", "2026"), ("trong năm 2026", "2026"), ("cả năm 2026", "2026"), ("tháng 10/2026", "2026-10"),
           ("tháng 10 năm 2026", "2026-10"), ("tháng 3/2026", "2026-03"), ("nhiệm kỳ 2020-2025", "2020-2025"),
           ("nhiệm kỳ 2020 - 2025", "2020-2025"), ("giai đoạn 2021-2025", "2021-2025"), ("từ đầu năm 2026 đến nay", "2026-YTD"),
           ("6 tháng cuối năm 2026", "2026-H2"), ("quý IV/2026", "2026-Q4"), ("quý III năm 2026", "2026-Q3"),
           ("từ ngày 1/1 đến 30/6/2026", "2026-H1"), ("từ 1/1 đến 30/9/2026", "2026-M09"),
           # (months in words, and the halves: written in session 15)
           ("nửa đầu năm 2026", "2026-H1"), ("nửa cuối năm 2026", "2026-H2"), ("mười tháng năm 2026", "2026-M10"),
           ("mười một tháng đầu năm 2026", "2026-M11"), ("ba tháng đầu năm 2026", "2026-Q1"), ("quý 3 năm 2026", "2026-Q3"),
           # (a span of months in one year: written in session 20)
           ("từ tháng 1 đến tháng 9/2026", "2026-M09"), ("từ tháng 01 đến hết tháng 6 năm 2026", "2026-H1"),
           ("từ tháng 4 đến tháng 6/2026", "2026-Q2"), ("từ tháng 7 đến tháng 12/2026", "2026-H2"),
           # (a span of years in brackets: written in session 23)
           ("5 năm (2021-2025)", "2021-2025"), ("nhiệm kỳ (2020 - 2025)", "2020-2025"), ("ba năm (2024–2026)", "2024-2026")]
PLACES = ["{P}, Ủy ban Kiểm tra Thành ủy đã kiểm tra 14 tổ chức đảng.",
          "Trong {p}, Ủy ban Kiểm tra Thành ủy đã kiểm tra 14 tổ chức đảng.",
          "Ủy ban Kiểm tra Thành ủy đã kiểm tra 14 tổ chức đảng trong {p}.",
          "Kết quả {p}: kiểm tra 14 tổ chức đảng."]


@pytest.mark.parametrize("period,key", PERIODS)
def test_a_period_keys_the_same_wherever_it_is_said(period, key):
    for place in PLACES:
        text = place.format(p=period, P=period[0].upper() + period[1:])
        figures = [i for i in extract_all(nfc(text)) if i["type"] == "figure"]
        assert [(f["kind"], f["value"], f["period_key"]) for f in figures] == [("inspection", 14, key)], text
