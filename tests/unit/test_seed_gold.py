"""Gold figures of the five seed articles, read from their snapshot HTML pages through the adapters (the same path
`hanoi-reports extract page.html` takes), as listed in issue 5."""

import re
from collections import Counter
from pathlib import Path

import pytest

from scrapers.cli import _document_text
from scrapers.extract import extract_all

SITES = Path(__file__).resolve().parents[2] / "snapshot" / "sites"
PAGES = {
    "000": "kinhtedothi.vn/bi-thu-hoang-trung-hai-trinh-de-an-thi-diem-quan-ly-mo-hinh-chinh-quyen-do-thi-trong-quy-iv-309873.html",
    "001": "tienphong.vn/ha-noi-thi-diem-nguoi-dung-dau-lua-chon-bo-nhiem-cap-pho-cua-minh-post1452911.tpo",
    "002": "baochinhphu.vn/Hoat-dong-cua-lanh-dao-Dang-Nha-nuoc/Lam-ro-nhung-doi-moi-trong-phuong-thuc-lanh-dao-cua-Thanh-uy/377981.vgp",
    "003": "anninhthudo.vn/chinh-tri-xa-hoi/thanh-uy-ha-noi-tong-ket-3-chuong-trinh-cong-tac-toan-khoa-nhiem-ky-2015-2020/826540.antd",
}


def items_of(seed: str) -> list[dict]:
    if seed == "004":
        path = next((SITES / "longbien.hanoi.gov.vn").rglob("thuong-vu-thanh-uy-*"))
    else:
        path = SITES / PAGES[seed]
    text, published = _document_text(path)
    items = extract_all(text, published)
    for i in items:
        assert text[i["start"]:i["end"]] == i["quote"]
    return items


def of_type(items, kind):
    return [i for i in items if i["type"] == kind]


def figures(items, kind):
    return [i for i in items if i["type"] == "figure" and i["kind"] == kind]


def test_seed_000_has_no_figure_about_discipline():
    items = items_of("000")
    assert not [f for f in of_type(items, "figure") if f["kind"].startswith("discipline")]
    assert ("Hoàng Trung Hải", "Bí thư Thành ủy") in {(o["name"], o["title"]) for o in of_type(items, "official")}
    assert {"Nghị quyết số 15", "Chỉ thị 05"} <= {d["code"] for d in of_type(items, "document")}


def test_seed_001_documents_officials_and_event_date():
    items = items_of("001")
    docs = of_type(items, "document")
    assert "Kết luận số 21" in {d["code"] for d in docs}
    kl = next(d for d in docs if d["code"] == "Kết luận số 21")
    assert kl["coded"] is False and kl["doc_type"] == "Kết luận" and kl["issuer"] == "Trung ương"
    assert {"Nguyễn Hồng Nhật", "Đinh Tiến Dũng"} <= {o["name"] for o in of_type(items, "official")}
    assert [d["date"] for d in of_type(items, "event_date")][:1] == ["2022-07-13"]
    counts = {(f["value"], f["unit"]) for f in figures(items, "count")}
    assert {(15, "thành viên"), (10, "chương trình công tác")} <= counts
    assert figures(items, "discipline_party_members")[0]["period"] == "6 tháng đầu năm"


def test_seed_002_documents_and_counts():
    items = items_of("002")
    assert {d["code"] for d in of_type(items, "document")} == {"01-CTr/TU", "05-CT/TW", "21-ĐA/TU"}
    assert [f["value"] for f in figures(items, "count")] == [5, 3, 5, 8]
    assert not figures(items, "discipline_party_members")
    assert [d["date"] for d in of_type(items, "event_date")][0] == "2019-10-14"


def test_seed_003_commendations_counts_and_officials():
    items = items_of("003")
    assert [f["value"] for f in figures(items, "commendation")] == [58, 20, 18, 20]
    counts = Counter(f["value"] for f in figures(items, "count"))
    for value in (8, 5, 12, 13, 4):
        assert counts[value] >= 1, value
    assert counts[8] == 2  # 8 đề tài, chuyên đề and 8 nhóm giải pháp
    about, = [f for f in figures(items, "count") if f["value"] == 2000]
    assert about["qualifier"] == "khoảng" and about["unit"].startswith("sự kiện")
    pct, = figures(items, "percent")
    assert pct["value"] == 95 and pct["qualifier"] == "trên"
    assert {d["code"] for d in of_type(items, "document")} == {"01-CTr/TU", "05-CTr/TU", "07-CTr/TU"}
    assert {o["name"] for o in of_type(items, "official")} == {
        "Hoàng Trung Hải", "Ngô Thị Thanh Hằng", "Nguyễn Đức Chung", "Đào Đức Toàn"}
    assert [d["date"] for d in of_type(items, "event_date")][0] == "2019-11-14"


def test_seed_004_counts_documents_and_no_page_views():
    items = items_of("004")
    values = [(f["value"], f["unit"]) for f in figures(items, "count")]
    assert (17, "chỉ tiêu") in values
    assert (3, "chương trình công tác") in values and (8, "chương trình công tác") in values
    assert 780 not in {f["value"] for f in of_type(items, "figure")}
    assert {"21-ĐA/TU", "15-NQ/TU", "15-CT/TU", "14-HD/BTCTU"} <= {d["code"] for d in of_type(items, "document")}
    assert {"Nguyễn Lan Hương", "Vũ Đức Bảo"} <= {o["name"] for o in of_type(items, "official")}


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_no_year_date_or_document_number_becomes_a_figure(seed):
    for f in of_type(items_of(seed), "figure"):
        assert not re.match(r"(?:19|20)\d\d(?!\.\d)", f["quote"]), f  # "khoảng 2.000 sự kiện" is a figure
        assert "/TU" not in f["quote"] and "CTr" not in f["quote"], f
