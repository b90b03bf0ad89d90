"""A paragraph's statements are its own: two corpus cases joined as paragraphs of one article keep every figure each
gives alone (a list of forms may join a total before it, a part may link to one, but nothing is lost). The pairs
are drawn with a fixed seed, so a failure names the two cases to read."""

import random

from scrapers.evaluation import joined_paragraphs, load_cases
from scrapers.extract import extract_all
from scrapers.text import RELATED_LINE, nfc
from tests.unit.test_corpus import CORPUS

CASES = [(c["id"], nfc(c["text"])) for f in sorted(CORPUS.glob("statements_b*_sentences.yaml")) for c in load_cases(f)
         if not c.get("gap") and not c.get("nfd")]
# (a text that ends in a list of other stories' headlines, "Tin liên quan\n\nHà Nội: Kỷ luật 312 đảng viên …", is not
# followed by a paragraph of its own: a headline-like line after it is one more related story, as on the page)
ENDS_IN_RELATED = {i for i, (_, text) in enumerate(CASES) if RELATED_LINE.search(text)}
PAIRS = random.Random(20261203).sample([(a, b) for a in range(len(CASES)) for b in range(len(CASES))
                                        if a != b and a not in ENDS_IN_RELATED], 300)


def test_joined_paragraphs_keep_each_paragraphs_figures_and_add_none():
    lost, gained = [], []
    for a, b in PAIRS:
        (id_a, first), (id_b, second) = CASES[a], CASES[b]
        missing, extra = joined_paragraphs(first, second)
        if missing:
            lost.append((id_a, id_b, missing))
        if extra:
            gained.append((id_a, id_b, extra))
    assert not lost, lost[:5]
    assert not gained, gained[:5]


def test_a_count_that_becomes_a_part_of_the_total_before_it_is_linked_not_lost():
    total = "Năm 2026, Đảng bộ tỉnh đã thi hành kỷ luật 240 đảng viên, cụ thể:\n+ Khiển trách 200 đảng viên;\n+ Cảnh cáo 40 đảng viên."
    within = "Trong đó có 12 đảng viên là cán bộ thuộc diện Ban Thường vụ Tỉnh ủy quản lý."
    assert joined_paragraphs(total, within) == ({}, {})
    # (the same count after a paragraph with no total stays the plain count it is alone)
    assert joined_paragraphs("Hội nghị diễn ra trong một ngày.", within) == ({}, {})


def test_a_years_count_disciplined_for_a_reason_is_no_category_of_a_total_without_that_year():
    # (the sentence before says no period of its own, "5 năm qua": the year's count is a discipline of its own)
    total = "Tổng cộng 5 năm qua, Đảng bộ đã thi hành kỷ luật 1.017 đảng viên."
    reason = "Năm 2025, có 12 đảng viên bị kỷ luật do vi phạm chính sách dân số."
    assert joined_paragraphs(total, reason) == ({}, {})


def test_members_disciplined_for_a_reason_become_a_category_of_the_total_before_them():
    # (CONVENTIONS.md: those disciplined "do vi phạm X" right after a larger total are a category of it)
    total = "Năm 2026, toàn huyện Thường Tín có 29 đảng viên bị kỷ luật."
    reason = "Số đảng viên bị kỷ luật do vi phạm pháp luật là 6 người."
    joined = [i for i in extract_all(total + "\n\n" + reason) if i["type"] == "figure"]
    assert [(i["kind"], i["value"]) for i in joined] == [("discipline_party_members", 29), ("violation_category", 6)]
    assert joined_paragraphs(total, reason) == ({}, {})
