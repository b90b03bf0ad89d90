"""Party and state document references: `01-CTr/TU`, `05-CT/TƯ`, `Chương trình số 01 của Thành ủy`."""

from __future__ import annotations

import re

DOC_TYPES = {
    "CTr": "Chương trình", "NQ": "Nghị quyết", "CT": "Chỉ thị", "KL": "Kết luận", "QĐ": "Quyết định",
    "HD": "Hướng dẫn", "KH": "Kế hoạch", "ĐA": "Đề án", "QĐi": "Quy định", "TB": "Thông báo", "BC": "Báo cáo",
    "TT": "Thông tư", "NĐ": "Nghị định",
}
_TYPES = "|".join(sorted(DOC_TYPES, key=len, reverse=True))
# 01-CTr/TU, 15-NQ/TU, 05-CT/TƯ, 14-HD/BTCTU, 21-ĐA/TU (issuer may carry Đ/Ư).
CODE = re.compile(rf"(?<![\w/-])(?P<num>\d{{1,4}})\s*-\s*(?P<type>{_TYPES})\s*/\s*(?P<issuer>[A-ZĐƯ][A-ZĐƯa-z]{{0,9}})(?![\w-])")
# "Chương trình số 01 của Thành ủy", "Chương trình 01 của Thành ủy (khóa XVII)": a TU work programme without a code.
TU_PROGRAMME = re.compile(r"Chương trình\s+(?:số\s+)?(?P<num>\d{1,2})\s+(?:của\s+)?(?:Thành ủy|Thành uỷ)")
_ISSUER_ASCII = str.maketrans({"Đ": "D", "Ư": "U", "đ": "d", "ư": "u"})


def normalise_code(num: str, doc_type: str, issuer: str) -> str:
    """`5-CT/TƯ` → `05-CT/TW`: two-digit numbers, issuer without diacritics, TƯ spelled TW."""
    issuer = issuer.upper()
    issuer = "TW" if issuer in ("TƯ", "TU'", "TW") else issuer.translate(_ISSUER_ASCII)
    return f"{int(num):02d}-{doc_type}/{issuer}"


def find_documents(text: str) -> list[dict]:
    found: list[dict] = []
    taken: list[tuple[int, int]] = []
    for m in CODE.finditer(text):
        found.append({"code": normalise_code(m["num"], m["type"], m["issuer"]), "doc_type": DOC_TYPES[m["type"]],
                      "quote": m.group(0), "start": m.start(), "end": m.end()})
        taken.append((m.start(), m.end()))
    for m in TU_PROGRAMME.finditer(text):
        if any(s <= m.end() and m.start() <= e for s, e in taken):
            continue
        found.append({"code": normalise_code(m["num"], "CTr", "TU"), "doc_type": "Chương trình",
                      "quote": m.group(0), "start": m.start(), "end": m.end()})
    return sorted(found, key=lambda d: d["start"])


def document_spans(text: str) -> list[tuple[int, int]]:
    """Spans of document numbers (coded or `Nghị quyết số 15`), which are never figures."""
    spans = [(m.start(), m.end()) for m in CODE.finditer(text)]
    named = re.compile(
        r"(?:Chương trình|Nghị quyết|Chỉ thị|Kết luận|Quyết định|Quy định|Hướng dẫn|Kế hoạch|Đề án|Thông tư|Nghị định"
        r"|Công văn|Thông báo|Điều|Khoản|Luật)\s+(?:số\s+)?\d+[\w/.-]*"
    )  # case-sensitive: "kỷ luật 10 tổ chức" is a figure, "Luật 10" a law
    spans += [(m.start(), m.end()) for m in named.finditer(text)]
    return spans
