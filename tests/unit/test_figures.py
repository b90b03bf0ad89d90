"""Figure rules: the seed 001 gold figures plus varied sentences written for each rule."""

from scrapers.extract import extract_all
from scrapers.extract.figures import extract_figures, unit_after
from scrapers.text import nfc
from tests.conftest import seed_text


def figs(text, kind=None):
    out = extract_figures(nfc(text))
    for f in out:
        assert nfc(text)[f["start"]:f["end"]] == f["quote"]
    return [f for f in out if kind is None or f["kind"] == kind]


def test_seed_001_gold():
    text = nfc(seed_text("001"))
    items = extract_all(text)
    for i in items:
        assert text[i["start"]:i["end"]] == i["quote"]
    figures = [i for i in items if i["type"] == "figure"]
    members = [f for f in figures if f["kind"] == "discipline_party_members"]
    orgs = [f for f in figures if f["kind"] == "discipline_party_orgs"]
    assert len(members) == 1 and len(orgs) == 1
    assert members[0]["value"] == 359
    assert members[0]["breakdown"] == {"khiển trách": 254, "cảnh cáo": 37, "cách chức": 7, "khai trừ": 61}
    assert members[0]["breakdown_complete"] is True
    assert members[0]["period"] == "6 tháng đầu năm"
    assert orgs[0]["value"] == 10 and orgs[0]["breakdown"] == {"khiển trách": 7, "cảnh cáo": 3}
    ratios = {(f["value"], f["denominator"], f["unit"]) for f in figures if f["kind"] == "ratio"}
    assert (30, 30, "quận, huyện, thị xã") in ratios
    assert any(v == 81 and d == 84 and u.startswith("đơn vị sở, ban, ngành") for v, d, u in ratios)
    counts = {(f["value"], f["unit"]) for f in figures if f["kind"] == "count"}
    assert (15, "thành viên") in counts
    # dates, terms and document numbers are not figures
    values = {f["value"] for f in figures}
    assert not values & {13, 7.0, 2022, 2021, 2025, 21}


def test_breakdown_styles_any_order():
    f, = figs("Năm 2023, Ủy ban Kiểm tra đã thi hành kỷ luật 20 đảng viên: 17 khiển trách; 2 cảnh cáo và khai trừ 1 trường hợp.",
              "discipline_party_members")
    assert f["value"] == 20 and f["breakdown"] == {"khiển trách": 17, "cảnh cáo": 2, "khai trừ": 1}
    assert f["breakdown_complete"] is True and f["period"] == "năm 2023"


def test_incomplete_breakdown():
    f, = figs("Các cấp ủy đã kỷ luật 120 đảng viên, trong đó cảnh cáo 61 trường hợp.", "discipline_party_members")
    assert f["value"] == 120 and f["breakdown"] == {"cảnh cáo": 61} and f["breakdown_complete"] is False


def test_breakdown_in_next_sentence():
    f, = figs("Toàn Đảng bộ đã thi hành kỷ luật 45 đảng viên. Trong đó, khiển trách 30, cảnh cáo 10, cách chức 5.",
              "discipline_party_members")
    assert f["breakdown"] == {"khiển trách": 30, "cảnh cáo": 10, "cách chức": 5} and f["breakdown_complete"] is True


def test_party_orgs_with_dissolution_and_word_numbers():
    f, = figs("Thi hành kỷ luật hai tổ chức đảng (khiển trách 1, giải tán 1).", "discipline_party_orgs")
    assert f["value"] == 2 and f["breakdown"] == {"khiển trách": 1, "giải tán": 1}


def test_forms_without_total():
    f, = figs("Đã kỷ luật khiển trách 254 trường hợp, cảnh cáo 61 trường hợp.")
    assert f["kind"] == "discipline_party_members" and f["value"] is None
    assert f["breakdown"] == {"khiển trách": 254, "cảnh cáo": 61} and f["breakdown_complete"] is False


def test_inspection_supervision_and_violations():
    text = ("6 tháng đầu năm 2024, Ủy ban Kiểm tra các cấp đã kiểm tra khi có dấu hiệu vi phạm đối với 35 tổ chức đảng "
            "và 120 đảng viên; giám sát chuyên đề 300 tổ chức đảng. Qua đó kết luận 20 đảng viên có vi phạm.")
    inspections = figs(text, "inspection")
    assert {f["value"] for f in inspections} == {35, 120}
    assert all(f["subject"] == "khi có dấu hiệu vi phạm" and f["period"] == "6 tháng đầu năm 2024" for f in inspections)
    assert [f["value"] for f in figs(text, "supervision")] == [300]
    assert [f["value"] for f in figs(text, "violation_found")] == [20]


def test_commendations_and_qualifiers():
    text = "Ban Thường vụ đã tặng Bằng khen cho hơn 300 tập thể, cá nhân có thành tích xuất sắc."
    f, = figs(text, "commendation")
    assert f["value"] == 300 and f["qualifier"] == "hơn" and f["unit"] == "tập thể, cá nhân"


def test_percent_range_and_at_least():
    p = figs("Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ đạt 95,5%; tăng trưởng đạt 7,3 – 7,8%; "
             "tỷ lệ khám phá án đạt 90% trở lên.", "percent")
    assert p[0]["value"] == 95.5 and p[0]["qualifier"] is None
    assert p[1]["value"] is None and p[1]["range"] == [7.3, 7.8]
    assert p[2]["value"] == 90 and p[2]["qualifier"] == "trên"


def test_change_against_base():
    f, = figs("Số đảng viên bị kỷ luật giảm 86 trường hợp so với cùng kỳ năm trước.", "change")
    assert f["value"] == -86 and f["subject"].startswith("so với cùng kỳ")


def test_money_and_counts():
    assert figs("Thu hồi 12,5 tỷ đồng cho Nhà nước.", "money")[0]["value"] == 12_500_000_000
    counts = figs("Chương trình có 8 đề tài, chuyên đề và 5 nhóm chỉ tiêu; khoảng 2.000 sự kiện mỗi năm.", "count")
    assert [(c["value"], c["unit"], c["qualifier"]) for c in counts] == [
        (8, "đề tài, chuyên đề", None), (5, "nhóm chỉ tiêu", None), (2000, "sự kiện", "khoảng")]


def test_not_figures():
    text = ("Sáng 13/7, Hội nghị lần thứ tư Ban Chấp hành khóa XVII bàn về Nghị quyết số 15 và Quyết định 123/QĐ-UBND "
            "ngày 16-9-2019, giai đoạn 2021- 2025, lúc 19:13; một số đơn vị còn chậm; Thông tư 14/TT-BNV.")
    assert figs(text) == []


def test_a_count_glued_to_its_unit_quotes_the_text_as_typed():
    # (read as "12 tổ chức đảng", quoted and placed as typed; an abbreviation expanded before it keeps its offsets)
    text = nfc("Đã kiểm tra 3 ĐV và 12tổ chức đảng; giám sát 30đảng\u00a0viên.")
    got = [(i["value"], i["quote"], text[i["start"]:i["end"]]) for i in extract_all(text) if i["type"] == "figure"]
    assert got == [(3, "3 ĐV", "3 ĐV"), (12, "12tổ chức đảng", "12tổ chức đảng"), (30, "30đảng\u00a0viên", "30đảng\u00a0viên")]


def test_a_field_under_a_caption_quotes_the_field_alone():
    # (a photo's caption between a heading or a field and the next field is blanked before the rules: no quote of a
    # field starts inside it)
    text = nfc("III. THI HÀNH KỶ LUẬT\nĐồng chí Bí thư phát biểu. Ảnh: Khánh Huy\nTổng số: 5 đảng viên.\n"
               "Kiểm tra tổ chức đảng: 14\nQuang cảnh hội nghị. Ảnh: Viết Thành\nGiám sát đảng viên: 39")
    got = [(i["kind"], i["value"], i["quote"]) for i in extract_all(text) if i["type"] == "figure"]
    assert got == [("discipline_party_members", 5, "Tổng số: 5 đảng viên"), ("inspection", 14, "Kiểm tra tổ chức đảng: 14"),
                   ("supervision", 39, "Giám sát đảng viên: 39")]


def test_unit_after_stops_at_clauses():
    assert unit_after("30/30 quận, huyện, thị xã và 81/84 đơn vị", 5)[0] == "quận, huyện, thị xã"
    assert unit_after("2 cấp, kiểm soát kế hoạch, tiến độ chuẩn bị", 1)[0] == "cấp"


def test_counts_in_words_quote_their_words_whole():
    # (the rules read "hai đảng viên" as "2 đảng viên"; the quote is the text's own, the count's words whole, and
    # "một" stays an article, "trong năm" the year)
    text = nfc("Trong năm chi bộ khai trừ hai đảng viên. Các chi bộ đã khiển trách (mười hai trường hợp). "
               "Có một đảng viên được khen.")
    got = [(i["value"], i["quote"]) for i in extract_all(text) if i["type"] == "figure"]
    assert got == [(2, "khai trừ hai đảng viên"), (12, "khiển trách (mười hai trường hợp")]
    listed = nfc("Năm 2026 đã kỷ luật bảy đảng viên, cụ thể:\nKhiển trách: năm đồng chí\nCảnh cáo: hai đồng chí")
    total, = [i for i in extract_all(listed) if i["type"] == "figure"]
    assert total["breakdown"] == {"khiển trách": 5, "cảnh cáo": 2} and total["quote"].endswith("Cảnh cáo: hai đồng chí")
