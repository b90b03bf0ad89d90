"""Scope, acting body and period keys are computed by the extractor (issue 15), where the text is."""

from datetime import date

import pytest

from scrapers.extract import extract_all
from scrapers.extract.scope import body_in, period_key
from scrapers.text import nfc


@pytest.mark.parametrize(("period", "published", "key"), [
    ("6 tháng đầu năm", date(2022, 7, 13), "2022-H1"),
    ("6 tháng cuối năm 2021", date(2022, 1, 5), "2021-H2"),
    ("sáu tháng đầu năm 2020", None, "2020-H1"),
    ("quý III/2019", date(2019, 10, 14), "2019-Q3"),
    ("Quý 2 năm 2023", None, "2023-Q2"),
    ("năm 2019", date(2020, 1, 10), "2019"),
    ("nhiệm kỳ 2015-2020", date(2019, 12, 15), "2015-2020"),
    ("giai đoạn 2021 – 2025", None, "2021-2025"),
    ("9 tháng đầu năm 2019", date(2019, 10, 28), "2019-M09"),
    ("từ đầu năm", date(2024, 5, 2), "2024-YTD"),
    ("9 tháng năm 2025", None, "2025-M09"),  # without "đầu": the first nine months
    ("6 tháng năm 2025", date(2025, 7, 1), "2025-H1"),
    ("6 tháng cuối năm 2025", None, "2025-H2"),
    ("6 tháng đầu năm", None, None),  # no year anywhere: unknown, not guessed
    (None, date(2019, 10, 28), None),
])
def test_period_keys(period, published, key):
    assert period_key(period, published) == key


def figures(text, published=None, locality=None):
    return [i for i in extract_all(nfc(text), published, locality) if i["type"] == "figure"]


@pytest.mark.parametrize(("text", "locality", "scope"), [
    ("Quận ủy Long Biên đã thi hành kỷ luật 12 đảng viên.", None, "Long Biên"),
    ("Toàn thành phố đã kỷ luật 359 đảng viên.", None, "Hà Nội"),
    ("30/30 quận, huyện hoàn thành; Huyện ủy Sóc Sơn cho biết, huyện đã kỷ luật 5 đảng viên.", None, "Sóc Sơn"),
    ("Toàn thành phố đã kỷ luật 359 đảng viên.", "Long Biên", "Long Biên"),
    ("Tỉnh ủy Nghệ An tổng kết công tác.\nNăm 2023, đã kỷ luật 88 đảng viên.", None, "Nghệ An"),
    # a title before a name is not a place: "Bí thư Thành ủy Hoàng Trung Hải" keeps Hà Nội
    ("Bí thư Thành ủy Hoàng Trung Hải cho biết đã kỷ luật 9 đảng viên.", None, "Hà Nội"),
    # a province named bare: a headline's lead, a provincial paper's dateline
    ("An Giang: Rà soát đảng viên\nNăm 2025, đã kỷ luật 31 đảng viên.", None, "An Giang"),
    ("Siết chặt kỷ luật\nBáo Bắc Giang - Năm 2025, đã kỷ luật 14 đảng viên.", None, "Bắc Giang"),
    ("Hà Nội: Siết chặt kỷ luật\nNăm 2025, đã kỷ luật 14 đảng viên.", None, "Hà Nội"),
    ("Thành ủy TP.HCM tổng kết năm\nNăm 2025, đã kỷ luật 1.126 đảng viên.", None, "Hồ Chí Minh"),
    # a ward is the local level since 2025; the whole city named after it is the city again
    ("Đảng ủy phường Hoàn Kiếm đã kỷ luật 3 đảng viên.", None, "Hoàn Kiếm"),
    ("Tại phường Hoàn Kiếm có nhiều mô hình hay; toàn thành phố đã kỷ luật 598 đảng viên.", None, "Hà Nội"),
])
def test_scope(text, locality, scope):
    found = [f for f in figures(text, locality=locality) if f["kind"] == "discipline_party_members"]
    assert [f["scope"] for f in found] == [scope]


def test_body_is_a_single_named_body_not_every_level():
    s = "Ủy ban Kiểm tra Thành ủy đã kiểm tra 5 tổ chức đảng"
    assert body_in(s, len(s)) == "Ủy ban Kiểm tra Thành ủy"
    s = "UBKT Quận ủy Ba Đình kỷ luật 2 đảng viên"
    assert body_in(s, len(s)) == "Ủy ban Kiểm tra Quận ủy"
    s = "Ủy ban Kiểm tra các cấp đã kiểm tra 5 tổ chức đảng"
    assert body_in(s, len(s)) is None


def test_period_key_in_the_output_uses_the_publication_year_and_carries_within_a_paragraph():
    text = ("Trong 6 tháng đầu năm, đã kỷ luật 40 đảng viên. Qua đó đã kiểm tra 12 tổ chức đảng.\nKiểm tra 3 đảng viên."
            "\nNăm 2023 đã giám sát 9 đảng viên.")
    got = {f["value"]: f["period_key"] for f in figures(text, date(2024, 7, 10))}
    assert got == {40: "2024-H1", 12: "2024-H1", 3: None, 9: "2023"}


def test_an_article_that_states_one_period_reports_it_throughout():
    text = "Trong 6 tháng đầu năm, đã kỷ luật 40 đảng viên.\nKiểm tra 3 đảng viên (so với năm 2023: 5 đảng viên)."
    got = {f["value"]: f["period_key"] for f in figures(text, date(2024, 7, 10))}
    assert got[40] == got[3] == "2024-H1"  # the base of a comparison is no second period
