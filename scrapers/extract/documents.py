"""Party and state document references: `01-CTr/TU`, `05-CT/TƯ`, `Chương trình số 01 của Thành ủy`, `Kết luận số 21`."""

from __future__ import annotations

import re

DOC_TYPES = {
    "CTr": "Chương trình", "NQ": "Nghị quyết", "CT": "Chỉ thị", "KL": "Kết luận", "QĐ": "Quyết định",
    "HD": "Hướng dẫn", "KH": "Kế hoạch", "ĐA": "Đề án", "QĐi": "Quy định", "TB": "Thông báo", "BC": "Báo cáo",
    "TT": "Thông tư", "NĐ": "Nghị định",
}
# Reporters write the type code in any case ("Ctr", "CTR"); keys are matched case-insensitively, then mapped back.
_CANONICAL = {k.upper(): k for k in DOC_TYPES}
_TYPES = "|".join(sorted(DOC_TYPES, key=len, reverse=True))
# 01-CTr/TU, 15-NQ/TU, 05-CT/TƯ, 14-HD/BTCTU, 21-ĐA/TU, "09- NQ/TU" (issuer may carry Đ/Ư).
CODE = re.compile(
    rf"(?<![\w/-])(?P<num>\d{{1,4}})\s*-\s*(?P<type>(?i:{_TYPES}))\s*/\s*(?P<issuer>[A-ZĐƯ][A-ZĐƯa-z]{{0,9}})(?![\w-])"
)
# State documents number the other way round: 123/QĐ-UBND, 14/2019/TT-BNV. Kept as written. (The Prime Minister's
# issuer is written with a small letter: 2145/QĐ-TTg.)
STATE_CODE = re.compile(
    r"(?<![\w/-])(?P<num>\d{1,5})(?:/(?:19|20)\d{2})?/(?P<type>QĐ|NQ|CT|TT|NĐ|KH|CV|TB|BC|HD)-(?P<issuer>[A-ZĐƯ][A-ZĐƯ0-9]{0,13}[A-ZĐƯ0-9g])(?![\w-])"
)
_STATE_TYPES = {"QĐ": "Quyết định", "NQ": "Nghị quyết", "CT": "Chỉ thị", "TT": "Thông tư", "NĐ": "Nghị định",
                "KH": "Kế hoạch", "CV": "Công văn", "TB": "Thông báo", "BC": "Báo cáo", "HD": "Hướng dẫn"}
# "Chương trình số 01 của Thành ủy", "Chương trình 01 của Thành ủy (khóa XVII)": a TU work programme without a code.
TU_PROGRAMME = re.compile(r"Chương trình\s+(?:số\s+)?(?P<num>\d{1,2})\s+(?:của\s+)?(?:Thành ủy|Thành uỷ)")
DOC_WORDS = ("Chương trình", "Nghị quyết", "Chỉ thị", "Kết luận", "Quyết định", "Quy định", "Hướng dẫn", "Kế hoạch",
             "Đề án", "Thông tư", "Nghị định", "Thông báo")
# "Kết luận số 21", "Chỉ thị 05", "Nghị quyết số 15": no full code, kept as written. Capitalised only: "kết luận 20
# đảng viên có vi phạm" is a figure, and so is a capitalised one that opens a sentence ("Kết luận 37 tổ chức đảng
# …"): a number followed by what it counts is a count.
COUNTED = r"(?:tổ chức|đảng viên|trường hợp|cán bộ|đồng chí|chi bộ|đảng bộ|tập thể|cá nhân|đơn|vụ|cuộc|lượt|người)"
# (a stop or a comma after it is no decimal: "… thực hiện Kết luận số 21.", "Chỉ thị 05, …")
UNCODED = re.compile(rf"(?P<type>{'|'.join(DOC_WORDS)})\s+(?:số\s+)?(?P<num>\d{{1,4}})(?![\d/-]|[,.]\d|\s*-\s*\w+/)"
                     rf"(?!\s+(?i:{COUNTED})(?!\w))")
# A document or legal article named by its number ("Nghị quyết số 15", "Điều 30"). Case-sensitive: "kỷ luật 10 tổ
# chức" is a figure, "Luật 10" a law; and a number followed by what it counts is a count.
NAMED_REF = re.compile(
    rf"(?:{'|'.join(DOC_WORDS)}|Công văn|Điều|Khoản|khoản|(?<!dứt )điểm|Luật|Mục|Chương|Phần)\s+(?:số\s+)?\d+(?!\d)[\w/.-]*+"
    # a share is never a reference ("giải quyết dứt điểm 100% đơn thư")
    # (what it counts in any case: "Kỷ Luật 17 Đảng Viên", a headline with every word capitalised)
    rf"(?!\s+(?i:{COUNTED})(?!\w))(?![\d,]*\s*%)"
)
ISSUER_AFTER = re.compile(
    r"\s*(?:của|do)\s+(?P<issuer>Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương|BCH T\.Ư|BCH TƯ|Trung ương"
    r"|Hội nghị[^,.;]{0,40}?(?:T\.Ư|TƯ|Trung ương)|Thành ủy|Thành uỷ|Ban Thường vụ Thành ủy|HĐND thành phố"
    r"|UBND thành phố|Chính phủ|Thủ tướng(?: Chính phủ)?|Quốc hội)"
)
_ISSUER_ASCII = str.maketrans({"Đ": "D", "Ư": "U", "đ": "d", "ư": "u"})
_ISSUER_NAMES = {"TW": "Trung ương", "TU": "Thành ủy", "BCTTU": "Ban Chỉ đạo Thành ủy", "BTCTU": "Ban Tổ chức Thành ủy",
                 "BTGTU": "Ban Tuyên giáo Thành ủy", "UBKTTU": "Ủy ban Kiểm tra Thành ủy", "VPTU": "Văn phòng Thành ủy",
                 "BDVTU": "Ban Dân vận Thành ủy", "BNCTU": "Ban Nội chính Thành ủy"}


def normalise_code(num: str, doc_type: str, issuer: str) -> str:
    """`5-CT/TƯ` → `05-CT/TW`, `01-Ctr/TU` → `01-CTr/TU`: two-digit numbers, canonical type, issuer without
    diacritics, TƯ spelled TW."""
    issuer = issuer.upper()
    issuer = "TW" if issuer in ("TƯ", "TU'", "TW") else issuer.translate(_ISSUER_ASCII)
    doc_type = _CANONICAL.get(doc_type.upper(), doc_type)
    return f"{int(num):02d}-{doc_type}/{issuer}"


def _issuer_of(text: str, end: int) -> str | None:
    m = ISSUER_AFTER.match(text, end)
    if not m:
        return None
    issuer = re.sub(r"\s+", " ", m["issuer"])
    if re.search(r"T\.Ư|TƯ|Trung ương", issuer):
        return "Trung ương"
    return "Thành ủy" if issuer.startswith("Thành") else issuer


def find_documents(text: str) -> list[dict]:
    found: list[dict] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    for m in CODE.finditer(text):
        code = normalise_code(m["num"], m["type"], m["issuer"])
        issuer_code = code.split("/", 1)[1]
        found.append({"code": code, "doc_type": DOC_TYPES[_CANONICAL[m["type"].upper()]], "coded": True,
                      "issuer": _ISSUER_NAMES.get(issuer_code, issuer_code),
                      "quote": m.group(0), "start": m.start(), "end": m.end()})
        taken.append((m.start(), m.end()))
    for m in STATE_CODE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        found.append({"code": m.group(0), "doc_type": _STATE_TYPES[m["type"]], "coded": True, "issuer": m["issuer"],
                      "quote": m.group(0), "start": m.start(), "end": m.end()})
        taken.append((m.start(), m.end()))
    for m in TU_PROGRAMME.finditer(text):
        if not free(m.start(), m.end()):
            continue
        found.append({"code": normalise_code(m["num"], "CTr", "TU"), "doc_type": "Chương trình", "coded": True,
                      "issuer": "Thành ủy", "quote": m.group(0), "start": m.start(), "end": m.end()})
        taken.append((m.start(), m.end()))
    for m in UNCODED.finditer(text):
        # "Chương trình số 01-CTr/TU" was matched by its code; its "Chương trình số 01" prefix is no second document
        if not free(m.start(), m.end() + 1):
            continue
        written = re.sub(r"\s+", " ", m.group(0))
        found.append({"code": written, "doc_type": m["type"], "coded": False, "issuer": _issuer_of(text, m.end()),
                      "quote": m.group(0), "start": m.start(), "end": m.end()})
        taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d["start"])


def document_spans(text: str) -> list[tuple[int, int]]:
    """Spans of document numbers (coded or `Nghị quyết số 15`) and legal articles (`Điều 30`): never figures."""
    spans = [(m.start(), m.end()) for m in CODE.finditer(text)]
    spans += [(m.start(), m.end()) for m in STATE_CODE.finditer(text)]
    spans += [(m.start(), m.end()) for m in NAMED_REF.finditer(text)]
    return spans
