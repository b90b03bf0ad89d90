from datetime import date

from scrapers.extract.dates import find_event_dates, period_in
from scrapers.extract.documents import find_documents, normalise_code
from scrapers.extract.officials import find_officials


def test_document_codes_normalised():
    text = "Thực hiện Chương trình số 01-CTr/TU, Chỉ thị 05-CT/TƯ, Đề án 21-ĐA/TU, Hướng dẫn số 14-HD/BTCTU và 5-NQ/TW."
    codes = [d["code"] for d in find_documents(text)]
    assert codes == ["01-CTr/TU", "05-CT/TW", "21-ĐA/TU", "14-HD/BTCTU", "05-NQ/TW"]
    assert normalise_code("7", "CTr", "TU") == "07-CTr/TU"


def test_state_codes_kept_as_written_with_the_prime_ministers_small_letter():
    text = "Quyết định số 2145/QĐ-TTg, Chỉ thị 05/CT-TTg, Nghị quyết 35/NQ-CP và Quyết định 1539/QĐ-UBND."
    assert [(d["code"], d["issuer"]) for d in find_documents(text)] == [
        ("2145/QĐ-TTg", "TTg"), ("05/CT-TTg", "TTg"), ("35/NQ-CP", "CP"), ("1539/QĐ-UBND", "UBND")]


def test_programme_without_code():
    d, = find_documents("đánh giá kết quả thực hiện Chương trình số 01 của Thành ủy (khóa XVII)")
    assert d["code"] == "01-CTr/TU" and d["doc_type"] == "Chương trình"


def test_officials_title_before_and_after_name():
    found = find_officials("Bí thư Thành uỷ Hà Nội Đinh Tiến Dũng phát biểu. Cùng dự có đồng chí Vũ Đức Bảo - Ủy viên "
                           "Ban Thường vụ Thành ủy, Trưởng Ban Tổ chức Thành ủy; Phó Trưởng ban Tổ chức Thành ủy "
                           "Nguyễn Hồng Nhật cho biết.")
    assert [(o["name"], o["title"]) for o in found] == [
        ("Đinh Tiến Dũng", "Bí thư Thành uỷ Hà Nội"),
        ("Vũ Đức Bảo", "Ủy viên Ban Thường vụ Thành ủy, Trưởng Ban Tổ chức Thành ủy"),
        ("Nguyễn Hồng Nhật", "Phó Trưởng ban Tổ chức Thành ủy"),
    ]


def test_event_dates_resolve_year():
    d = find_event_dates("Sáng 13/7, Thành ủy họp. Chiều 28/12 năm ngoái. Ngày 16-9-2021 ban hành.", date(2022, 7, 13))
    assert [x["date"] for x in d] == ["2022-07-13", "2021-12-28", "2021-09-16"]


def test_event_dates_are_the_reported_events():
    """A document's date and history are not events of the article: the marts reject event dates outside the year
    before publication, and would withhold the article."""
    text = ("Căn cứ Quy định số 69-QĐ/TW ngày 6/7/2022 của Bộ Chính trị, Kế hoạch số 12-KH/UBND, ngày 3/1/2026; "
            "Ngày 3/2/1930, Đảng ra đời. Sáng 5/12, hội nghị khai mạc; ngày 15/1/2027 sẽ tổng kết.")
    assert [x["date"] for x in find_event_dates(text, date(2026, 12, 6))] == ["2026-12-05"]
    # (with no publication date, every date but the documents' is kept)
    assert [x["date"] for x in find_event_dates(text, None)] == ["1930-02-03", "2027-01-15"]


def test_periods():
    assert period_in("6 tháng đầu năm, cấp ủy đã kỷ luật") == "6 tháng đầu năm"
    assert period_in("trong quý III/2019 đã") == "quý III/2019"
    assert period_in("nhiệm kỳ 2015-2020") == "nhiệm kỳ 2015-2020"
    assert period_in("không có kỳ") is None
