"""One home for the vocabulary: dbt's accepted values, the GX suites and the report read what scrapers.vocabulary
says, and every kind the extractor emits is in it."""

from pathlib import Path

import yaml

from expectations import suites
from scrapers import vocabulary
from scrapers.extract import extract_all
from scrapers.report import KIND_LABELS
from scrapers.text import nfc

DBT = Path(__file__).resolve().parents[2] / "dbt_project"


def accepted_values(model: str, column: str) -> list[str]:
    doc = yaml.safe_load((DBT / "models" / "marts" / "_models.yml").read_text(encoding="utf-8"))
    node = next(m for m in doc["models"] if m["name"] == model)
    col = next(c for c in node["columns"] if c["name"] == column)
    test = next(t["accepted_values"] for t in col["data_tests"] if isinstance(t, dict) and "accepted_values" in t)
    return test["arguments"]["values"]


def test_dbt_accepted_values_are_the_vocabulary():
    assert accepted_values("fct_figures", "kind") == vocabulary.FIGURE_KINDS
    assert accepted_values("fct_discipline", "form") == list(vocabulary.FORMS)


def test_statistic_kinds_macro_lists_known_counting_kinds():
    macro = (DBT / "macros" / "statistic_kinds.sql").read_text(encoding="utf-8")
    listed = [k for k in vocabulary.FIGURE_KINDS if f"'{k}'" in macro]
    assert listed and set(listed) <= set(vocabulary.COUNT_KINDS)
    assert "count" not in listed  # plain counts need their sentence: they stay mentions


def test_gx_and_report_read_the_vocabulary():
    assert suites.FIGURE_KINDS is vocabulary.FIGURE_KINDS and list(suites.BREAKDOWN_FORMS) == list(vocabulary.FORMS)
    assert set(KIND_LABELS) == set(vocabulary.FIGURE_KINDS)


def test_every_emitted_kind_and_form_is_in_the_vocabulary():
    text = nfc("Năm 2023 đã kỷ luật 40 đảng viên (khiển trách 22, cảnh cáo 10, cách chức 3, khai trừ 5), giảm 8% so "
               "với cùng kỳ; vi phạm về đất đai 9 trường hợp; kiểm tra 12 tổ chức đảng; 30/30 quận, huyện; tặng Bằng "
               "khen cho 5 tập thể; thu hồi 2 tỷ đồng; tổ chức 3 hội nghị.")
    figures = [i for i in extract_all(text) if i["type"] == "figure"]
    assert {f["kind"] for f in figures} <= set(vocabulary.FIGURE_KINDS)
    assert len({f["kind"] for f in figures}) >= 7
    for f in figures:
        assert set(f["breakdown"] or {}) <= set(vocabulary.FORMS)
