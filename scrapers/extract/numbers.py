"""Vietnamese numbers: `2.000`, `95,5`, `03`, words (`hai`, `mười lăm`), approximations and ranges."""

from __future__ import annotations

import re

DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"

UNIT_WORDS = {"một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7,
          "tám": 8, "chín": 9}
# Word numbers up to 999: "hai", "mười", "mười lăm", "hai mươi", "hai mươi mốt", "ba mươi tư", "ba trăm", "hai trăm
# linh năm", "một trăm hai mươi" (a headline rounds its count in words: "Hơn ba trăm đảng viên … bị kỷ luật").
# "năm" is five, and the year: not a number before what tells a time ("khai trừ năm nay", "năm qua", "năm 2026")
NAM = r"năm(?!\s+(?:nay|qua|trước|tới|sau|ngoái|học|(?:19|20)\d\d)(?!\w))"
_TENS = (
    rf"(?:hai|ba|bốn|năm|sáu|bảy|tám|chín)\s+mươi(?:\s+(?:mốt|hai|ba|bốn|tư|lăm|{NAM}|sáu|bảy|tám|chín))?"
    r"|mười(?:\s+(?:một|hai|ba|bốn|lăm|sáu|bảy|tám|chín))?"
    # "hơn hai chục cán bộ": tens counted as "chục"
    r"|(?:hai|ba|bốn|năm|sáu|bảy|tám|chín)\s+chục"
)
_UNITS = rf"một|hai|ba|bốn|{NAM}|sáu|bảy|tám|chín"
WORDS = rf"(?:(?:{_UNITS})\s+trăm(?:\s+(?:linh|lẻ)\s+(?:{_UNITS})|\s+(?:{_TENS}))?|{_TENS}|{_UNITS})"
# "hơn 12 nghìn đảng viên", "trên 5,6 triệu đảng viên": thousands and millions written as a word ("nghìn tỷ" stays
# money's scale)
THOUSANDS = r"\s+(?:nghìn|ngàn|triệu)(?!\s*tỷ)(?!\w)"
WORD_SCALE = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6}
NUMBER = rf"(?:(?:{DIGITS}|{WORDS})(?:{THOUSANDS})?)"

QUALIFIERS = {"hơn": "hơn", "gần": "gần", "ngót": "gần", "trên": "trên", "khoảng": "khoảng", "chừng": "khoảng",
              "ước": "khoảng", "xấp xỉ": "khoảng", "trên dưới": "khoảng", "không dưới": "trên", "không ít hơn": "trên",
              "ít nhất": "trên", "tối thiểu": "trên", "tới": None, "đến": None}
# "Gần 500 cán bộ" opens a sentence; "trên dưới 50" is about 50, "không dưới 90%" and "ít nhất 120" at least
# (the lookahead on their first letters lets every other position fail at once: the patterns built on it run over
# every sentence)
QUALIFIER = r"(?=[tkíhgncxTKÍHGNCX])(?i:trên dưới|không dưới|không ít hơn|ít nhất|tối thiểu|hơn|gần|ngót|trên|khoảng|chừng|xấp xỉ)"
RANGE_DASH = r"\s*(?:[-–—]|đến|tới)\s*"


SCALED = re.compile(rf"({DIGITS}|{WORDS}){THOUSANDS}", re.I)


def parse_number(token: str) -> float | int:
    """`2.000` → 2000, `95,5` → 95.5, `03` → 3, `mười lăm` → 15. Raises ValueError on anything else."""
    token = token.strip()
    scaled = SCALED.fullmatch(token)
    if scaled:
        return _scaled(parse_number(scaled.group(1)), WORD_SCALE[token.split()[-1].lower()])
    if re.fullmatch(DIGITS, token):
        whole, _, frac = token.replace(".", "").partition(",")
        return float(f"{int(whole)}.{frac}") if frac else int(whole)
    words = token.lower().split()
    if not words or not re.fullmatch(WORDS, " ".join(words)):
        raise ValueError(f"not a number: {token!r}")
    if len(words) >= 2 and words[1] == "trăm":
        rest = [w for w in words[2:] if w not in ("linh", "lẻ")]
        return UNIT_WORDS[words[0]] * 100 + (parse_number(" ".join(rest)) if rest else 0)
    if words[0] == "mười":
        return 10 + (UNIT_WORDS[words[1]] if len(words) > 1 else 0)
    if len(words) == 2 and words[1] == "chục":
        return UNIT_WORDS[words[0]] * 10
    if len(words) >= 2 and words[1] == "mươi":
        return UNIT_WORDS[words[0]] * 10 + (UNIT_WORDS[words[2]] if len(words) > 2 else 0)
    return UNIT_WORDS[words[0]]


def count_of(token: str) -> float | int:
    """A count of people or things: `parse_number`, except that "1,235" (an English thousands separator some pages
    use) is 1235, since a count of members is never a fraction with three decimals."""
    if re.fullmatch(r"\d{1,3},\d{3}", token.strip()):
        return int(token.strip().replace(",", ""))
    return parse_number(token)


def _scaled(value: float | int, scale: int) -> float | int:
    scaled = round(value * scale, 6)  # 5,6 × 10⁶ is 5 600 000, not 5 599 999.999…
    return int(scaled) if float(scaled).is_integer() else scaled


def qualifier_of(word: str | None, after: str | None = None) -> str | None:
    """`hơn 300` → hơn; `95% trở lên` → trên (at least)."""
    if after and re.fullmatch(r"trở lên", after.strip()):
        return "trên"
    if not word:
        return None
    return QUALIFIERS.get(re.sub(r"\s+", " ", word.strip().lower()))
