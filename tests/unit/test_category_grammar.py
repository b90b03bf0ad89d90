"""Violation categories in every way reporters list them: a total of those disciplined, then its categories after a
heading ("Các vi phạm chủ yếu gồm:", "Nội dung vi phạm tập trung ở:", "…, vi phạm chủ yếu về:", "Vi phạm chủ yếu trong
các lĩnh vực:" …), each category and count in one of the item shapes ("X (5 trường hợp)", "vi phạm X 5 trường hợp",
"X: 5 trường hợp", "5 trường hợp vi phạm X", "X (5 trường hợp, chiếm 12,5%)" …). Generated with a fixed seed: every
sentence must give exactly its categories with their counts, and no other figure than the total; each quoted without
the punctuation that joins it to the list."""

import random

from scrapers.extract import extract_all
from scrapers.text import nfc

CATEGORIES = ["nguyên tắc tập trung dân chủ", "quản lý, sử dụng đất đai", "chính sách dân số",
              "thực hiện chức trách, nhiệm vụ", "quản lý tài chính, ngân sách", "đạo đức, lối sống", "công tác cán bộ",
              "kê khai tài sản, thu nhập", "những điều đảng viên không được làm", "đầu tư xây dựng cơ bản"]
TOTAL = "Năm 2026, các cấp ủy đã thi hành kỷ luật {T} đảng viên"
HEADS = [". Các vi phạm chủ yếu gồm: ", ". Nội dung vi phạm tập trung ở: ", ", vi phạm chủ yếu về: ",
         ". Vi phạm tập trung ở các lĩnh vực: ", ". Vi phạm chủ yếu trong các lĩnh vực: ", "; các vi phạm tập trung vào: "]
ITEMS = ["{c} ({n} trường hợp)", "{c} ({n} trường hợp, chiếm {p}%)", "lĩnh vực {c} ({n} trường hợp)",
         "vi phạm {c} ({n} trường hợp)", "vi phạm {c} {n} trường hợp", "vi phạm {c} với {n} trường hợp", "{c}: {n} trường hợp",
         "{n} trường hợp vi phạm {c}", "vi phạm về {c} có {n} trường hợp", "{c} {n} trường hợp"]


def test_every_generated_category_list_is_read_whole():
    rng = random.Random(15)
    failed = []
    for _ in range(400):
        categories = rng.sample(CATEGORIES, rng.randint(2, 4))
        counts = [rng.randint(1, 30) for _ in categories]
        total = sum(counts) + rng.randint(0, 9)
        item = rng.choice(ITEMS)
        items = [item.format(c=c, n=n, p=f"{100 * n / total:.1f}".replace(".", ","))
                 for c, n in zip(categories, counts, strict=True)]
        text = TOTAL.format(T=total) + rng.choice(HEADS) + ("; " if ":" in item else rng.choice(["; ", ", "])).join(items)
        figures = [i for i in extract_all(nfc(text + ".")) if i["type"] == "figure"]
        found = sorted((f.get("category"), f["value"]) for f in figures if f["kind"] == "violation_category")
        others = [(f["kind"], f["value"]) for f in figures if f["kind"] != "violation_category"]
        # (an item's quote ends on what it says, not on the stop or the semicolon that ends it in the list)
        loose = [f["quote"] for f in figures if f["quote"] != f["quote"].strip(" ;,.")]
        if found != sorted(zip(categories, counts, strict=True)) or others != [("discipline_party_members", total)] \
                or loose:
            failed.append((text, found, others, loose))
    assert not failed, (len(failed), failed[:3])


def test_one_category_written_in_two_cases_and_tone_styles_has_one_key():
    # (one article opens a list item with the category, another tells it inside a sentence in the old tone style)
    texts = ["Năm 2026, kỷ luật 9 đảng viên. Nội dung vi phạm:\n- Quản lý, sử dụng đất đai: 5 trường hợp;\n"
             "- Chính sách dân số, kế hoạch hoá gia đình: 4 trường hợp.",
             "Năm 2026, kỷ luật 12 đảng viên, vi phạm về quản lý, sử dụng đất đai 7 trường hợp, vi phạm chính sách dân "
             "số, kế hoạch hóa gia đình 5 trường hợp."]
    keys = []
    for text in texts:
        categories = [f for f in extract_all(nfc(text)) if f.get("kind") == "violation_category"]
        assert len(categories) == 2, categories
        keys.append([f["category_key"] for f in categories])
    assert keys[0] == keys[1] == ["quản lý, sử dụng đất đai", "chính sách dân số, kế hoạch hóa gia đình"]
