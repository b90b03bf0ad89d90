"""Is an article about party-building work in Hà Nội? Articles are all kept; this flag lets marts filter."""

from __future__ import annotations

import re

from scrapers.text import fold_tones

_HANOI = re.compile(r"Hà Nội|Thủ đô|Thành ủy|Long Biên|Ba Đình|Hoàn Kiếm|Đống Đa|Cầu Giấy|Hai Bà Trưng", re.I)
_PARTY_WORK = re.compile(
    r"Thành ủy|Quận ủy|Huyện ủy|Thị ủy|Đảng ủy|Đảng bộ|tổ chức (?:cơ sở )?đảng|đảng viên|\d{1,3}-CTr/TU|"
    r"Chương trình (?:số )?\d{1,2}\b|kỷ luật|Ủy ban Kiểm tra|xây dựng Đảng|chỉnh đốn Đảng|Ban Chỉ đạo",
    re.I,
)


def is_relevant(title: str, text: str) -> bool:
    """Hà Nội named somewhere and at least two party-work signals (one in the title counts double)."""
    title, text = fold_tones(title), fold_tones(text)
    if not (_HANOI.search(title) or _HANOI.search(text)):
        return False
    hits = len(_PARTY_WORK.findall(text)) + 2 * len(_PARTY_WORK.findall(title))
    return hits >= 2
