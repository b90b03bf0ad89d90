"""Tables in article bodies: each `<tr>` is one line with its cells between bars, and a table of discipline forms
is read as one total with its breakdown (its share column belongs to the rows, not to new figures)."""

from scrapers.extract import extract_all
from scrapers.sources import base

TABLE = ("<div><p>Kết quả thi hành kỷ luật năm 2025:</p><table>"
         "<tr><th>Hình thức</th><th>Số đảng viên</th><th>Tỷ lệ</th></tr>"
         "<tr><td>Khiển trách</td><td>21</td><td>70%</td></tr>"
         "<tr><td><p>Cảnh cáo</p></td><td><p>6</p></td><td>20%</td></tr>"
         "<tr><td>Khai trừ</td><td>3</td><td>10%</td></tr>"
         "<tr><td><b>Tổng cộng</b></td><td><b>30</b></td><td>100%</td></tr></table>"
         "<p>Các cấp ủy tiếp tục siết chặt kỷ luật.</p></div>")


def _paragraphs(html: str) -> list[str]:
    return base.body_paragraphs(base.parse_html(html).find(".//div"))


def test_rows_are_lines_with_bars_and_cells_are_not_repeated():
    paras = _paragraphs(TABLE)
    assert paras == ["Kết quả thi hành kỷ luật năm 2025:", "Hình thức | Số đảng viên | Tỷ lệ", "Khiển trách | 21 | 70%",
                     "Cảnh cáo | 6 | 20%", "Khai trừ | 3 | 10%", "Tổng cộng | 30 | 100%",
                     "Các cấp ủy tiếp tục siết chặt kỷ luật."]


def test_a_table_of_forms_is_one_total_with_its_breakdown():
    figures = [f for f in extract_all("\n".join(_paragraphs(TABLE))) if f["type"] == "figure"]
    assert [(f["kind"], f["value"], f["breakdown"], f["breakdown_complete"]) for f in figures] == [
        ("discipline_party_members", 30, {"khiển trách": 21, "cảnh cáo": 6, "khai trừ": 3}, True)]


def test_forms_that_do_not_add_up_keep_no_total():
    text = "Hình thức | Số lượng\nKhiển trách | 4\nCảnh cáo | 2\nTổng | 7"
    [figure] = [f for f in extract_all(text) if f["type"] == "figure"]
    assert figure["value"] is None and figure["breakdown"] == {"khiển trách": 4, "cảnh cáo": 2}
    assert figure["breakdown_complete"] is False


def test_an_organisations_table_counts_organisations():
    text = "Tổ chức đảng bị kỷ luật | Số lượng\nKhiển trách | 3\nGiải tán | 1\nTổng | 4"
    [figure] = [f for f in extract_all(text) if f["type"] == "figure"]
    assert figure["kind"] == "discipline_party_orgs" and figure["value"] == 4


def test_a_table_without_forms_is_left_to_the_other_rules():
    text = "Đơn vị | Số đảng viên\nPhường Bồ Đề | 2.315\nPhường Ngọc Lâm | 1.870"
    figures = [f for f in extract_all(text) if f["type"] == "figure"]
    assert not any(f["kind"].startswith("discipline") for f in figures)


def test_counts_with_an_english_thousands_comma_are_counts_in_cells_too():
    text = "Hình thức | Số đảng viên\nKhiển trách | 1,235\nCảnh cáo | 310\nTổng cộng | 1,545"
    [figure] = [f for f in extract_all(text) if f["type"] == "figure"]
    assert figure["value"] == 1545 and figure["breakdown"] == {"khiển trách": 1235, "cảnh cáo": 310}


def test_a_table_of_what_was_violated_gives_one_category_per_row():
    html = ("<div><table><tr><th>Nội dung vi phạm</th><th>Số trường hợp</th><th>Tỷ lệ</th></tr>"
            "<tr><td>Đạo đức, lối sống</td><td>9</td><td>50%</td></tr>"
            "<tr><td>Quản lý đất đai</td><td>9</td><td>50%</td></tr>"
            "<tr><td>Tổng</td><td>18</td><td>100%</td></tr></table></div>")
    figures = [f for f in extract_all("\n".join(_paragraphs(html))) if f["type"] == "figure"]
    assert [(f["kind"], f["category"], f["value"], f["share"]) for f in figures] == [
        ("violation_category", "Đạo đức, lối sống", 9, 50), ("violation_category", "Quản lý đất đai", 9, 50)]


GROUPED = ("<div><p>Kết quả kiểm tra, giám sát năm 2026</p><table>"
           "<tr><th rowspan='2'>Đơn vị</th><th colspan='2'>Kiểm tra</th><th colspan='2'>Giám sát</th></tr>"
           "<tr><th>Tổ chức đảng</th><th>Đảng viên</th><th>Tổ chức đảng</th><th>Đảng viên</th></tr>"
           "<tr><td>Xã Sóc Sơn</td><td>4</td><td>11</td><td>6</td><td>20</td></tr></table></div>")


def test_a_cell_spanning_columns_is_written_once_per_column():
    assert _paragraphs(GROUPED)[1:3] == ["Đơn vị | Kiểm tra | Kiểm tra | Giám sát | Giám sát",
                                          "Tổ chức đảng | Đảng viên | Tổ chức đảng | Đảng viên"]


def test_a_grouped_header_names_each_column_by_its_group_and_its_own():
    figures = [f for f in extract_all("\n".join(_paragraphs(GROUPED))) if f["type"] == "figure"]
    assert [(f["kind"], f["value"], f["unit"], f["scope"], f["period_key"]) for f in figures] == [
        ("inspection", 4, "tổ chức đảng", "Sóc Sơn", "2026"), ("inspection", 11, "đảng viên", "Sóc Sơn", "2026"),
        ("supervision", 6, "tổ chức đảng", "Sóc Sơn", "2026"), ("supervision", 20, "đảng viên", "Sóc Sơn", "2026")]


def test_a_nonsense_colspan_counts_once():
    html = "<div><table><tr><td colspan='x'>Khiển trách</td><td colspan='0'>3</td></tr></table></div>"
    assert _paragraphs(html) == ["Khiển trách | 3"]
