"""The figure vocabulary: kinds, discipline forms and subject classes. The extractor, the GX suites, the report and
dbt's accepted_values all read it from here (tests/unit/test_vocabulary.py fails when dbt disagrees)."""

from __future__ import annotations

import re

# kind → (Vietnamese label for the report, family the report charts it in, counts things?)
KINDS: dict[str, tuple[str, str, bool]] = {
    "discipline_party_members": ("Đảng viên bị kỷ luật", "discipline", True),
    "discipline_party_orgs": ("Tổ chức đảng bị kỷ luật", "discipline", True),
    "inspection": ("Kiểm tra", "oversight", True),
    "supervision": ("Giám sát", "oversight", True),
    "violation_found": ("Phát hiện vi phạm", "oversight", True),
    "complaints": ("Đơn thư, tố cáo", "complaints", True),
    "suspension": ("Đình chỉ", "discipline", True),
    "commendation": ("Khen thưởng", "commendation", True),
    "violation_category": ("Loại vi phạm", "discipline", True),
    "ratio": ("Tỷ lệ hoàn thành", "progress", False),
    "percent": ("Tỷ lệ %", "progress", False),
    "change": ("Thay đổi", "progress", False),
    "count": ("Số lượng", "other", True),
    "money": ("Số tiền", "other", False),
}
FIGURE_KINDS: list[str] = list(KINDS)
KIND_LABELS: dict[str, str] = {k: v[0] for k, v in KINDS.items()}
COUNT_KINDS: list[str] = [k for k, v in KINDS.items() if v[2]]
# the kinds the accuracy measures call "core" (issue 15)
CORE_KINDS: frozenset[str] = frozenset({
    "discipline_party_members", "discipline_party_orgs", "inspection", "supervision", "violation_found",
    "complaints", "suspension", "commendation", "ratio", "percent",
})
DISCIPLINE_KINDS: tuple[str, ...] = ("discipline_party_members", "discipline_party_orgs")
# the units a `count` measures in rather than counts ("2,9 km2", "3,5 ha"): their values need not be whole
MEASURE_UNITS: tuple[str, ...] = ("km2", "km", "m2", "m", "ha", "héc-ta", "mét", "tấn", "kg", "lít")

# Discipline forms, the keys of a figure's breakdown (Điều lệ Đảng: four for members, three for organisations).
FORMS: tuple[str, ...] = ("khiển trách", "cảnh cáo", "cách chức", "khai trừ", "giải tán")
MEMBER_FORMS: tuple[str, ...] = ("khiển trách", "cảnh cáo", "cách chức", "khai trừ")
# … and how else a form is written: removal from every office "cách tất cả các chức vụ (trong Đảng)" is cách chức
FORM_SPELLINGS: dict[str, str] = {r"cách (?:hết |tất cả )?(?:các )?chức vụ(?: trong đảng)?": "cách chức"}


def canonical_form(written: str) -> str:
    """The breakdown key of a form as written ("Cảnh cáo" → "cảnh cáo", "cách tất cả các chức vụ" → "cách chức")."""
    form = " ".join(written.lower().split())
    return next((name for spelling, name in FORM_SPELLINGS.items() if re.fullmatch(spelling, form)), form)

# What a count is a count of. Sub-groups of party members (cấp ủy viên, cán bộ diện … quản lý) are still members.
SUBJECT_CLASSES: tuple[str, ...] = (
    "đảng viên", "cấp ủy viên", "tổ chức đảng", "tập thể", "cá nhân", "tập thể, cá nhân", "đơn vị",
    "đơn thư", "lượt", "cuộc",
)

# Direction words of a `change` figure.
DIRECTIONS: tuple[str, ...] = ("tăng", "giảm")
