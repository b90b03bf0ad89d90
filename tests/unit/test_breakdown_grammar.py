"""Breakdowns in every way reporters join them: a total of those disciplined, then its forms after one of the
openers ("gồm:", "trong đó", "cụ thể:" with a bulleted list, "Hình thức kỷ luật:" with "+" lines, "với hình thức" …),
each form and count in one of the item shapes ("khiển trách 12", "12 khiển trách", "12 đồng chí bị khiển trách",
"khiển trách (12)" …), joined by commas, semicolons or "và", in any order, capitalised or not. Generated with a fixed
seed: every sentence must give the total with exactly its forms, and no other total."""

import random

from scrapers.extract import extract_all
from scrapers.text import nfc

FORMS = ["khiển trách", "cảnh cáo", "cách chức", "khai trừ"]
OPENERS = ["Năm 2026, các cấp ủy đã thi hành kỷ luật {T} đảng viên", "Năm 2026, Đảng bộ kỷ luật {T} đảng viên",
           "Năm 2026, có {T} đảng viên bị kỷ luật", "Năm 2026, đã thi hành kỷ luật {T} trường hợp"]
LINKS = [", gồm: ", ", trong đó: ", " (", "; trong đó ", ". Cụ thể: ", ", với các hình thức: ", ": ", ", bao gồm ",
         ", cụ thể:\n- ", ". Hình thức kỷ luật:\n+ ", " với hình thức ", ". Trong đó, "]
ITEMS = ["{f} {n}", "{f} {n} đảng viên", "{f} {n} đồng chí", "{f} {n} trường hợp", "{n} {f}", "{f}: {n}",
         "{n} trường hợp {f}", "{f} ({n})", "{n} đồng chí bị {f}", "hình thức {f} {n}"]


def _sentence(rng: random.Random) -> tuple[str, int, dict[str, int]]:
    forms = rng.sample(FORMS, rng.randint(3, 4))  # (two pairs joined by "và" alone are two figures: CONVENTIONS.md)
    counts = [rng.randint(1, 40) for _ in forms]
    link, item = rng.choice(LINKS), rng.choice(ITEMS)
    items = [item.format(f=f, n=n) for f, n in zip(forms, counts, strict=True)]
    if rng.random() < 0.3:
        items = [i[0].upper() + i[1:] for i in items]
    if "\n" in link:
        sep = last = ";\n- " if "- " in link else "\n+ "
    else:
        sep, last = rng.choice([", ", "; "]), rng.choice([", ", " và ", "; "])
    total = sum(counts)
    text = rng.choice(OPENERS).format(T=total) + link + sep.join(items[:-1]) + last + items[-1]
    return text + (")" if link == " (" else "") + ".", total, dict(zip(forms, counts, strict=True))


def test_every_generated_breakdown_is_read_whole():
    rng = random.Random(15)
    failed = []
    for _ in range(400):
        text, total, forms = _sentence(rng)
        found = [i for i in extract_all(nfc(text)) if i["type"] == "figure" and i["kind"].startswith("discipline")
                 and not i.get("part_of")]
        if [(f["value"], f["breakdown"], f["breakdown_complete"]) for f in found] != [(total, forms, True)]:
            failed.append((text, [(f["value"], f["breakdown"]) for f in found]))
    assert not failed, (len(failed), failed[:3])
