"""The report names every period key the extractor writes (scope.period_key) in words."""

from datetime import date

from scrapers.extract.scope import period_key
from scrapers.report.formats import period_label


def test_every_period_key_the_extractor_writes_has_its_words():
    published = date(2026, 12, 3)
    said = {"6 tháng đầu năm 2022": "6 tháng đầu năm 2022", "6 tháng cuối năm 2023": "6 tháng cuối năm 2023",
            "quý III/2019": "Quý III/2019", "9 tháng năm 2025": "9 tháng đầu năm 2025", "năm 2019": "năm 2019",
            "tháng 11/2026": "tháng 11/2026", "tháng 3 năm 2025": "tháng 3/2025", "từ đầu năm": "từ đầu năm 2026",
            "nhiệm kỳ 2020-2025": "nhiệm kỳ 2020–2025", "từ tháng 1/2026 đến nay": "từ đầu năm 2026"}
    for period, words in said.items():
        assert period_label(period_key(period, published)) == words, period
    assert period_label(None) == "không rõ kỳ"
