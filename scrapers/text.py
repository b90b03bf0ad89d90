"""Pure Vietnamese-text helpers shared by the parsers and the extractor."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Vietnamese letters by case, as regex class contents (the range "À-Ỹ" holds lowercase letters too: "đ", "ấ" …)
UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_WS = re.compile(r"[ \t\u00a0\u2007\u202f\u200b\ufeff]+")
_SOFT = re.compile(r"[\u00ad]")


# Page furniture that leaks into text extracts (audio player, share/print buttons, counters).
FURNITURE = re.compile(
    r"^(?:\d{1,2}:\d{2}(?:\s*/\s*\d{1,2}:\d{2})?|Chia sẻ Zalo|In bài|Gửi bài|\d+\s+bình luận|Lượt xem:?\s*\d*"
    # (sharing and comment widgets: "Chia sẻ", "Bình luận (0)", "Thích 15", "Facebook")
    r"|Chia sẻ|Chia sẻ (?:Facebook|Zalo|Twitter)|Bình luận(?:\s*\(\d+\))?|Gửi bình luận|Thích(?:\s+\d+)?|Facebook|Zalo|Twitter"
    r"|Tin cùng chuyên mục|Tin liên quan|MỚI - NÓNG|Quay lại)$",
    re.IGNORECASE,
)
# an outlet's block of other stories: "Tin liên quan" alone on its line with their headlines after it, or one
# story's headline after "Xem thêm:" on the same line (their figures are other articles')
RELATED_LINE = re.compile(
    r"^(?=[ \t•>»TtBbXxĐđCc-])[ \t•>»-]*(?:(?:Tin|Bài(?: viết)?)\s+(?:liên quan|cùng chuyên mục|khác|đọc nhiều|nổi bật"
    r"|mới nhất)|Xem thêm|Đọc thêm|Có thể bạn quan tâm|Đọc nhiều nhất)(?:\s*[:>»]\s*(?P<headline>[^\n]*?))?[ \t]*$",
    re.M | re.I)
CAPTION_NUMBER = re.compile(r"\s*(?:-\s*)?[ảẢ]nh\s+\d+\.?\s*$")


def nfc(text: str) -> str:
    """NFC with soft hyphens dropped; sites mix NFD and NFC and readers cannot see the difference."""
    return unicodedata.normalize("NFC", _SOFT.sub("", text))


# UTF-8 read as Windows-1252/Latin-1 turns "Thành ủy" into "ThÃ nh á»§y": lead bytes of 2- and 3-byte sequences
# show up as these characters.
_MOJIBAKE_HINT = re.compile("[ÃÄÅÆáâäåæçèéêëìíîïðñòóôõö][\u0080-\u00ff\u0152-\u2122]")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def _as_cp1252_bytes(run: str) -> bytes:
    out = bytearray()
    for ch in run:
        code = ord(ch)
        # decoders map the five bytes cp1252 leaves undefined (0x81, 0x8d …) to U+0081 …; keep them as bytes
        out += bytes([code]) if code < 256 else ch.encode("cp1252")
    return bytes(out)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 decoded as Windows-1252 or Latin-1, run by run; text that is not mojibake is returned as is.

    A run only changes when its characters re-encode to valid UTF-8, which real Vietnamese never does: its
    letters are either outside Latin-1 (ủ, ố) or single Latin-1 letters that are not valid UTF-8 on their own (à).
    """
    if not _MOJIBAKE_HINT.search(text):
        return text

    def fix(m: re.Match) -> str:
        try:
            return _as_cp1252_bytes(m.group(0)).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return m.group(0)

    return _NON_ASCII_RUN.sub(fix, text)


def clean(text: str | None) -> str:
    """NFC, mojibake repaired, one space between words, no leading/trailing space (NBSP and zero-width spaces
    count as space)."""
    if not text:
        return ""
    return _WS.sub(" ", nfc(repair_mojibake(text))).strip()


def strip_lead_prefix(sapo: str, prefixes: tuple[str, ...]) -> str:
    """The sapo without the newsroom's own lead ("TPO - …", "(HNMO) - …"); each outlet's prefixes are its adapter's."""
    return _lead(prefixes).sub("", clean(sapo), count=1) if prefixes else clean(sapo)


@lru_cache(maxsize=64)
def _lead(prefixes: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"^\s*(?:" + "|".join(map(re.escape, prefixes)) + r")\s*[-–—]\s*")


def is_furniture(line: str, *, is_clean: bool = False) -> bool:
    """Whether a line is page furniture; `is_clean` when it is already NFC and free of mojibake (the extractor's
    text), which skips the normalising."""
    return bool(FURNITURE.match(_WS.sub(" ", line).strip() if is_clean else clean(line)))


# Old-style tone placement (hoà, uỷ) ↔ new style (hòa, ủy): both occur in the same article.
_OLD_TO_NEW = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_OLD_TO_NEW |= {k.capitalize(): v.capitalize() for k, v in _OLD_TO_NEW.items()} | {k.upper(): v.upper() for k, v in _OLD_TO_NEW.items()}
# Only open syllables differ between the styles ("hoà" vs "hòa", but always "toàn"); "quý" is not "qúy".
# every key starts with o/u: the lookahead fails at once elsewhere (this runs over every article)
# The i/y spellings a syllable has after k, l, m, t and qu ("kỉ luật", "tỉ lệ", "cùng kì", "lí do", "qui định",
# "quí I") read as the y the rules are written with, and "sỹ" as "sĩ" ("chiến sỹ"); whole syllables only ("tỉnh",
# "kinh", "lịch" keep their i).
_I_TO_Y = {c + i: c + y for c in "klmt" for i, y in zip("ìíỉĩị", "ỳýỷỹỵ", strict=True)} | {
    "qu" + i: "qu" + y for i, y in zip("iìíỉĩị", "yỳýỷỹỵ", strict=True)} | {"sỹ": "sĩ"}
_OLD_TO_NEW |= {k.capitalize(): v.capitalize() for k, v in _I_TO_Y.items()} | {k.upper(): v.upper() for k, v in _I_TO_Y.items()}
_OLD_TO_NEW |= _I_TO_Y
# misspellings common in reporters' copy, where no word is lost by reading them right: "dảng viên" (a plain d: "dảng"
# is no word), and "kỹ luật" (a ngã for the hỏi — before "luật" only: "kỹ" alone is a word, "kỹ thuật")
_MISSPELT = {"dảng": "đảng"}
_KY_BEFORE_LUAT = re.compile(r"(?<!\w)(?:kỹ|Kỹ|KỸ)(?=[ \u00a0]+(?:luật|LUẬT)(?!\w))")
_KY = {"kỹ": "kỷ", "Kỹ": "Kỷ", "KỸ": "KỶ"}
_OLD_TO_NEW |= _MISSPELT | {k.capitalize(): v.capitalize() for k, v in _MISSPELT.items()} | {
    k.upper(): v.upper() for k, v in _MISSPELT.items()}
# (one leading class of every key's first letter: other positions fail at once, and this runs over every article)
_OLD_TONE = re.compile(r"(?=[oOuUkKlLmMtTqQsSdD])(?:(?<![qQ])(?:" + "|".join(sorted(k for k in _OLD_TO_NEW if k[0] in "oOuU"))
                       + r")|(?<!\w)(?:" + "|".join(k for k in _OLD_TO_NEW if k[0] not in "oOuU") + r"))(?!\w)")


def fold_tones(text: str) -> str:
    """Map old-style tone placement to the new style, i-spellings to the y ones and the few misspellings that lose no
    word ("kỹ luật", "dảng viên") to their words, so rules match either; same length, offsets survive."""
    folded = _OLD_TONE.sub(lambda m: _OLD_TO_NEW[m.group(0)], nfc(text))
    return _KY_BEFORE_LUAT.sub(lambda m: _KY[m.group(0)], folded) if "ỹ" in folded or "Ỹ" in folded else folded


def category_key(category: str) -> str:
    """One key per violation category for grouping: the category as written may open a sentence ("Quản lý đất
    đai"), use the old tone style ("hoá") or carry stray spaces and punctuation, and is still one category."""
    return " ".join(fold_tones(category).lower().split()).strip(" ,;:.-")


# the zero-width characters editors' tools leave between or inside words ("kỷ\u200bluật")
INVISIBLES = "\u200b\u200c\u200d\u2060\ufeff"
# (and the zero-width ones; and footnote marks set as superscript digits, "37 đảng viên²", which would otherwise read
# as part of a word)
# (and every dash a hyphen: "Văn Miếu – Quốc Tử Giám")
_SPACES = str.maketrans({c: " " for c in "\u00a0\u2007\u2009\u200a\u202f\u3000\t" + INVISIBLES + "¹²³⁴⁵⁶⁷⁸⁹⁰"}
                        | {c: "-" for c in "–—‒−"})


def _any_of(table: dict[int, str]) -> re.Pattern:
    """A class of the characters a translate table changes: looking for one costs a tenth of translating."""
    return re.compile("[" + "".join(map(chr, table)) + "]")


_ODD_SPACE = _any_of(_SPACES)


# the glyphs pages mark list items with ("● Kiểm tra 58 tổ chức đảng", "▪ Khiển trách: 6"), one bullet for the rules
_BULLETS = str.maketrans({c: "•" for c in "●■□▪▫►▶▸▹‣⁃◆◇○◦✓✔➢➤➔→✗❖"})
_SPACES_AND_BULLETS = {**_SPACES, **_BULLETS}
_ODD_GLYPH = _any_of(_SPACES_AND_BULLETS)


_SPACE_ENTITY = re.compile(r"&(?:nbsp|ensp|emsp|thinsp|#160|#xa0|#8201|#8239);", re.I)
# a tab between two cells of text: a table copied from a browser or a word processor ("Khiển trách\t12\t60%")
CELL_TAB = re.compile(r"(?<=\S)\t+(?=\S)")


# a space typed before a comma, a semicolon or a colon, moved after it (same length)
_SPACE_BEFORE_MARK = re.compile(r"(?<=[\w)])( +)([,;:])(?=\s)")


def plain_spaces(text: str) -> str:
    """`text` with every space character a plain space (no-break, zero-width, tabs) and every dash a hyphen,
    nothing else changed: same length, so offsets found in it point into the original."""
    return text.translate(_SPACES) if _ODD_SPACE.search(text) else text  # (most texts hold none)


# "Ðảng", "HÐND": letters that look like Đ (the Icelandic eth, the African D) which old converters and keyboards
# wrote for it; read as Đ and đ
_LOOK_ALIKES = str.maketrans({"\u00d0": "Đ", "\u0189": "Đ", "\u00f0": "đ"})


_INVISIBLES = {ord(c): " " for c in INVISIBLES}
_INVISIBLE = re.compile(f"[{INVISIBLES}]")


def invisibles_as_spaces(text: str) -> str:
    """The zero-width characters editors' tools leave between or inside words ("12 \u200bđảng viên", "kỷ\u200bluật")
    as spaces: same length, offsets survive; runs of spaces they make are then single-spaced as any."""
    return text.translate(_INVISIBLES) if _INVISIBLE.search(text) else text


# a page title's last words, the site's name after a dash or a bar: "… - Báo Hà Nội Mới", "… | Kinh tế & Đô thị",
# "… - baochinhphu.vn"
_SITE_SUFFIX = re.compile(r"[^\n]{10,300}?([^\S\n]+[-|–][^\S\n]+(?:(?:Báo|Tạp chí|Cổng)\s[^\n|]{2,40}|[\w.-]{2,40}\.(?:vn|com|net)"
                          r"|Kinh tế & Đô thị|Kinh tế và Đô thị|Tiền Phong|An ninh Thủ đô|Hà Nội Mới|Nhân Dân)"
                          r"[^\S\n]*)(?=\n|$)")


def site_name_blanked(text: str) -> str:
    """The site's name a headline set as a page title ends on ("… có vi phạm - Báo Hà Nội Mới") as blanks: the page's,
    not the article's words (same length)."""
    suffix = _SITE_SUFFIX.match(text)
    return text[:suffix.start(1)] + " " * len(suffix.group(1)) + text[suffix.end(1):] if suffix else text


def look_alikes_read(text: str) -> str:
    """`text` with the letters that look like Đ and đ read as them: same length, offsets survive."""
    return text.translate(_LOOK_ALIKES) if "\u00d0" in text or "\u0189" in text or "\u00f0" in text else text


# a count spelled out again in words, as official writing does: "05 (năm) đảng viên", "12 (mười hai) chi bộ"
_NUMBER_WORD = r"(?:không|một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi|trăm|nghìn|ngàn|linh|lẻ|triệu)"
_SPELLED_OUT = re.compile(rf"(?<=\d)[ \u00a0]*\((?i:{_NUMBER_WORD}(?:[ \u00a0]+{_NUMBER_WORD}){{0,8}})\)(?=[ \u00a0,;.:)])")


def spelled_out_blanked(text: str) -> str:
    """"05 (năm) đảng viên" as "05        đảng viên": the words that repeat a count blanked (same length)."""
    if "(" not in text:
        return text
    return _SPELLED_OUT.sub(lambda m: " " * len(m.group(0)), text)


# the words some reporters use for what the rules read in their usual words: "trong số này" for "trong số đó", "chiếm
# tỷ lệ 55%" (or "tỉ lệ") for "chiếm 55%", "30 phần trăm" for "30%" (as said on air) — each looked for only where
# its words are (this runs over every article)
_THESE = re.compile(r"(?<=[Tt]rong số) (?:này|trên|nói trên)(?!\w)")  # ("trong số trên": among those above)
_SHARE_WORDS = re.compile(r"(?:chiếm|Chiếm|CHIẾM)( +t[ỷỉ] lệ)(?= +\d)")  # (a literal first: fast to look for)
_PERCENT_WORDS = re.compile(r"(?<=\d) +phần trăm(?!\w)", re.I)


def usual_words_read(text: str) -> str:
    """"trong số này" (or "trong số trên") as "trong số đó ", "chiếm tỷ lệ 55%" as "chiếm       55%", "30 phần trăm" as "30         %"
    (same length: the spaces left are read as one)."""
    spaced = plain_spaces(text)
    if "số này" in spaced or "số trên" in spaced or "số nói trên" in spaced:
        text = blanked(text, _THESE, lambda m: " đó".ljust(len(m.group(0))), spaced)
    if "ỷ lệ" in spaced or "ỉ lệ" in spaced:
        text = blanked(text, _SHARE_WORDS, lambda m: m[0][:5] + " " * len(m[1]), spaced)
    if "phần trăm" in spaced or "PHẦN TRĂM" in spaced:
        text = blanked(text, _PERCENT_WORDS, lambda m: " " * (len(m[0]) - 1) + "%", spaced)
    return text


def blanked(text: str, pattern: re.Pattern, fill, spaced: str | None = None) -> str:
    """`text` with what `pattern` finds in its plain-spaced copy (`spaced`, no-break spaces read as spaces) replaced
    by `fill(match)`, which must be as long as the match."""
    parts, at = [], 0
    for m in pattern.finditer(plain_spaces(text) if spaced is None else spaced):
        parts += [text[at:m.start()], fill(m)]
        at = m.end()
    return "".join(parts) + text[at:] if parts else text


# spaces typed inside brackets, "khiển trách 22 ( 55% )", moved outside them (same length)
_SPACED_BRACKET = re.compile(r"\(([ \u00a0]+)|([ \u00a0]+)\)")


def marks_closed(text: str) -> str:
    """"12 đảng viên , trong đó :" as "12 đảng viên, trong đó:", "22 ( 55% )" as "22 (55%)" (each space moved past
    its mark: same length)."""
    if "( " in text or " )" in text or "(\u00a0" in text or "\u00a0)" in text:
        text = _SPACED_BRACKET.sub(lambda m: m[1] + "(" if m[1] else ")" + m[2], text)
    if " ," in text or " ;" in text or " :" in text:
        text = _SPACE_BEFORE_MARK.sub(r"\2\1", text)
    return text


# a run of white space holding line breaks: its breaks first, then its spaces ("x  \n  \n  y" → "x\n\n      y"), so
# a blank line is two breaks side by side whatever spaces a page left around them
_BREAK_RUN = re.compile(r"[ \n]*\n[ \n]*")


def _breaks_first(m: re.Match) -> str:
    run = m.group(0)
    breaks = run.count("\n")
    return "\n" * breaks + " " * (len(run) - breaks)


# the Party's bodies with every word capitalised, as many pages write them ("Thành Ủy", "Ủy Ban Kiểm Tra", "Ban
# Thường Vụ"), read as the rules write them (same length)
_BODIES_CASED = {"Thành Ủy": "Thành ủy", "Quận Ủy": "Quận ủy", "Huyện Ủy": "Huyện ủy", "Tỉnh Ủy": "Tỉnh ủy", "Thị Ủy": "Thị ủy",
                 "Đảng Ủy": "Đảng ủy", "Ủy Ban Kiểm Tra": "Ủy ban Kiểm tra", "Ban Thường Vụ": "Ban Thường vụ", "Đảng Bộ": "Đảng bộ",
                 "Chi Bộ": "Chi bộ", "Ban Chấp Hành": "Ban Chấp hành", "Ban Tổ Chức": "Ban Tổ chức", "Ban Tuyên Giáo": "Ban Tuyên giáo",
                 "Ban Dân Vận": "Ban Dân vận", "Ban Nội Chính": "Ban Nội chính"}
_BODY_CASED = re.compile(r"(?<!\w)(?:" + "|".join(_BODIES_CASED) + r")(?!\w)")


def matchable(text: str) -> str:
    """The copy of NFC text that rules match against: new-style tones, the Party's bodies cased as the rules write
    them ("Thành Ủy" as "Thành ủy"), every space character a plain space, every
    list glyph a bullet "•", a tab between cells the table bar "|", Windows line ends plain breaks, the spaces around
    line breaks after them. Same length as `text`, so offsets found in it point into the original."""
    folded = fold_tones(text)
    if "&" in folded:  # a space left as an HTML entity in copied text: "kỷ luật 2&nbsp;đảng viên"
        folded = _SPACE_ENTITY.sub(lambda m: " " * len(m.group(0)), folded)
    if "\t" in folded:
        folded = CELL_TAB.sub(lambda m: "|" + " " * (len(m.group(0)) - 1), folded)
    if _ODD_GLYPH.search(folded):
        folded = folded.translate(_SPACES_AND_BULLETS)
    if "Ủy" in folded or "Bộ" in folded or "Ban " in folded:
        folded = _BODY_CASED.sub(lambda m: _BODIES_CASED[m.group(0)], folded)
    if "\r" in folded:  # Windows line ends ("\r\n") are breaks; a lone "\r" is one too
        folded = folded.replace("\r\n", " \n").replace("\r", "\n")
    if " \n" in folded or "\n " in folded:
        folded = _BREAK_RUN.sub(_breaks_first, folded)
    return folded
