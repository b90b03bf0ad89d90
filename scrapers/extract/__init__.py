"""Pure extraction of figures, documents, officials and event dates from article text (no I/O)."""

from __future__ import annotations

import re
from datetime import date

from scrapers.extract.dates import find_event_dates
from scrapers.extract.documents import find_documents
from scrapers.extract.figures import capitals_placed, extract_figures
from scrapers.extract.numbers import THOUSANDS, WORDS, count_of, parse_number
from scrapers.extract.officials import find_officials
from scrapers.extract.patterns import (
    ABBREVIATIONS,
    FORM,
    WORD_COUNT_START,
    WORD_COUNTED,
    YEAR_BEFORE,
)
from scrapers.extract.sentence import soft_breaks_as_spaces
from scrapers.text import (
    blanked,
    invisibles_as_spaces,
    look_alikes_read,
    marks_closed,
    nfc,
    plain_spaces,
    site_name_blanked,
    spelled_out_blanked,
    usual_words_read,
)

__all__ = ["MAX_TEXT_CHARS", "TextTooLarge", "extract_all"]

# A long report runs to 50 000 characters; anything a thousand times that is not an article (a dump, a bomb) and is
# refused with a reason instead of holding a worker.
MAX_TEXT_CHARS = 2_000_000


class TextTooLarge(ValueError):
    """The text is over MAX_TEXT_CHARS; the caller quarantines it with this message."""


def extract_all(text: str, published: date | None = None, locality: str | None = None) -> list[dict]:
    """Every mention in `text` (which must already be NFC), each with its exact quote and offsets. `locality` is
    the source's own locality (a district portal), the default scope of its figures."""
    if len(text) > MAX_TEXT_CHARS:
        raise TextTooLarge(f"text of {len(text):,} characters is over the {MAX_TEXT_CHARS:,} limit")
    if nfc(text) != text:
        raise ValueError("extract_all expects NFC text; normalise with scrapers.text.nfc first")
    # a text typed or pasted with runs of spaces ("kỷ luật  12 đảng viên") is read with one space each, its offsets
    # mapped back: every rule writes single spaces (and with a space typed before a comma, a semicolon or a colon
    # moved after it, "12 đảng viên , trong đó :" as "12 đảng viên, trong đó:")
    # ("Ðảng" typed with an eth is read as "Đảng", and hard-wrapped lines whole: "… 1.208 tổ\nchức đảng")
    # ("05 (năm) đảng viên", a count spelled out again in words, as "05 đảng viên"; "khai trừ hai đảng viên" as
    # "khai trừ 2 đảng viên": every rule reads a count in digits)
    # ("12 ĐV", "3 TCĐ", as ward portals write what they count, in words)
    # (and a headline set as a page title, "… - Báo Hà Nội Mới", without the site's name)
    # ("5đảng viên", a count typed against its unit, as "5 đảng viên")
    # ("(KT: 3 đ/c; CC: 1 đ/c; KTr: 1 đ/c)", forms abbreviated in a list of them, as "khiển trách: 3 …")
    # ("Đơn thư tiếp nhận: 64 | Đã giải quyết: 59", an infographic's fields side by side, as one field a line)
    # ("khiển trách đồng chí 3", the unit set between a form and its count, as "khiển trách 3 đồng chí")
    expanded, back_words = _forms_abbreviated_expanded(*_units_after_counts(*_fields_side_by_side_split(
        *_glued_counts_spaced(*_counted_abbreviations_expanded(look_alikes_read(site_name_blanked(
            invisibles_as_spaces(text))))))))
    spelled, back = _single_spaced(marks_closed(_words_before_digits_blanked(spelled_out_blanked(
        soft_breaks_as_spaces(expanded)))))
    in_digits, word_ends = _word_counts_as_digits(spelled)
    # ("trong số này" as "trong số đó", "chiếm tỷ lệ 55%" as "chiếm 55%", "30 phần trăm" as "30%", "hình thức
    # khiển trách 2 chi bộ" as "khiển trách 2 chi bộ": read once the spaces are single and the counts digits)
    read, back_digits = _single_spaced(_form_words_read(usual_words_read(in_digits)))
    items = list(extract_figures(read, published, locality))
    # (documents, officials and dates are read with plain spaces, "Quy định số\u00a069-QĐ/TW" as any other)
    spaced = plain_spaces(read)
    items += [{"type": "document", **d} for d in find_documents(spaced)]
    # (a headline set in capitals or with every word capitalised names its people as prose would: "BÍ THƯ THÀNH ỦY
    # NGUYỄN VĂN TUẤN: …" is read as "Bí thư Thành ủy Nguyễn Văn Tuấn: …", each quote the text's own)
    named = capitals_placed(capitals_placed(spaced, titles=True))
    officials = find_officials(named)
    if named is not spaced:
        for o in officials:
            o["quote"] = spaced[o["start"]:o["end"]]
    items += [{"type": "official", **o} for o in officials]
    items += [{"type": "event_date", **d} for d in find_event_dates(spaced, published)]
    if read != text or spaced != read:
        for item in items:  # every quote is the text's own, at its own offsets (a count's words whole)
            start, last = item["start"], item["end"] - 1
            if back_digits is not None:
                start, last = back_digits[start], back_digits[last]
            end = word_ends.get(last, last + 1)
            if back is not None:
                start, end = back[start], back[end - 1] + 1
            if back_words is not None:
                start, end = back_words[start], back_words[end - 1] + 1
            item["start"], item["end"] = start, end
            item["quote"] = text[start:end]
    return sorted(items, key=lambda i: (i["start"], i["type"]))


# a form, then who it was given to, then how many: the count is read before its unit, as every list of forms says it
_SPACED_FORM = FORM.replace(" ", "[ \u00a0]+")  # (a form typed with no-break spaces is the same form)
UNIT_BEFORE_COUNT = re.compile(rf"(?<!\w)(?:{_SPACED_FORM})[ \u00a0]+(?P<unit>đồng[ \u00a0]+chí|đ/c|trường[ \u00a0]+hợp)[ \u00a0]+"
                               rf"(?P<n>\d{{1,4}})(?![\d/.,]\d|\w)", re.I)
UNIT_HINT = re.compile(r"(?:chí|đ/c|hợp)[ \u00a0]+\d")


def _units_after_counts(text: str, back: list[int] | None) -> tuple[str, list[int] | None]:
    """"khiển trách đồng chí 3" as "khiển trách 3 đồng chí", and where each character of it was."""
    if not UNIT_HINT.search(text):
        return text, back
    return _rewritten(text, back, [(m.start("unit"), m.end(), f"{m['n']} {m['unit']}")
                                   for m in UNIT_BEFORE_COUNT.finditer(text)])


# a line of fields, each a label, a colon and its count, set side by side with pipes (a table's row has no colons)
FIELD_CELL = r"[^\S\n]*[^\W\d][^:|\n]{1,60}:[^\S\n]*\d[\d.,]*(?:[^\S\n]*%)?[^|:\n]{0,25}?[^\S\n]*"
FIELDS_ROW = re.compile(rf"^{FIELD_CELL}(?:\|{FIELD_CELL})+$", re.M)
PIPE = re.compile(r"[^\S\n]*\|[^\S\n]*")


def _fields_side_by_side_split(text: str, back: list[int] | None) -> tuple[str, list[int] | None]:
    """"Đơn thư tiếp nhận: 64 | Đã giải quyết: 59" as one field a line, and where each character of it was."""
    if "|" not in text:
        return text, back
    edits = [(p.start(), p.end(), "\n") for row in FIELDS_ROW.finditer(text)
             for p in PIPE.finditer(text, row.start(), row.end())]
    return _rewritten(text, back, edits)


# "…: hình thức khiển trách 1 chi bộ, 6 đảng viên; hình thức cảnh cáo …": a form named as one before its count (not
# "bằng / với hình thức khiển trách", which the rules read as the form of a count before it), and "khai trừ ra khỏi
# Đảng 5 đảng viên" in a list of forms
FORM_WORDS = re.compile(rf"(?<!\w)(?<!bằng )(?<!với )hình thức +(?=(?:{FORM}) *:? *\d)"
                        r"|(?<=khai trừ) +(?:ra +)?khỏi +Đảng(?= *:? *\d)", re.I)


def _form_words_read(text: str) -> str:
    """"hình thức khiển trách 2" as "          khiển trách 2", "khai trừ ra khỏi Đảng 2" as "khai trừ              2"
    (same length)."""
    spaced = plain_spaces(text)
    if "hình thức " not in spaced and "Hình thức " not in spaced and "khỏi " not in spaced:
        return text
    return blanked(text, FORM_WORDS, lambda m: " " * len(m.group(0)), spaced)


# a count told in words, then its digits in brackets: "mười hai (12) đảng viên"
SPELLED_FIRST = re.compile(rf"(?<!\w)(?P<words>(?i:{WORDS})(?:{THOUSANDS})?)[ \u00a0]*\((?P<digits>\d{{1,3}}(?:\.\d{{3}})*)\)"
                           r"(?=[ \u00a0,;.:)])")


def _words_before_digits_blanked(text: str) -> str:
    """"mười hai (12) đảng viên" as "          12  đảng viên": the words a count's digits repeat blanked, when they say
    the same number (same length)."""
    if "(" not in text:
        return text
    return SPELLED_FIRST.sub(_digits_kept, text)


def _digits_kept(m: re.Match) -> str:
    if parse_number(m["words"]) != parse_number(m["digits"]):
        return m.group(0)
    return " " * (m.start("digits") - m.start()) + m["digits"] + " "


# what a count counts, abbreviated after it: "12 ĐV", "3 TCĐ", "2 TCCSĐ"
COUNTED_ABBREVIATED = re.compile(r"\d[ \u00a0]+(?P<abbr>ĐV|TCĐ|TCCSĐ)(?!\w)")


def _rewritten(text: str, back: list[int] | None, edits: list[tuple[int, int, str]]) -> tuple[str, list[int] | None]:
    """`text` with each (start, end, words) span replaced by its words, and where each character of the result was in
    the text `back` maps to (None: `text` itself): the words' first character at the span's first, the others at its
    last. Spans are in order and do not overlap."""
    if not edits:
        return text, back
    parts, at_of, at = [], [], 0
    for start, end, words in edits:
        parts += [text[at:start], words]
        at_of += [*range(at, start), start, *[end - 1] * (len(words) - 1)]
        at = end
    parts.append(text[at:])
    at_of.extend(range(at, len(text)))
    return "".join(parts), at_of if back is None else [back[i] for i in at_of]


def _counted_abbreviations_expanded(text: str) -> tuple[str, list[int] | None]:
    """"12 ĐV" as "12 đảng viên", and where each character of it was in `text` (each written word's characters at
    the abbreviation's first and last; None when there is none)."""
    if "ĐV" not in text and "TCĐ" not in text and "TCCSĐ" not in text:
        return text, None
    edits = []
    for m in COUNTED_ABBREVIATED.finditer(text):
        words = ABBREVIATIONS[m["abbr"]]
        line_end = text.find("\n", m.end())
        if text[text.rfind("\n", 0, m.start()) + 1:line_end if line_end >= 0 else len(text)].isupper():
            words = words.upper()  # (a headline in capitals stays in capitals: "KỶ LUẬT 11 ĐẢNG VIÊN")
        edits.append((m.start("abbr"), m.end(), words))
    return _rewritten(text, None, edits)


# a count typed against what it counts, a lower-case unit ("kỷ luật 5đảng viên", "12trường hợp")
# (the unit's first word is enough, whatever spaces follow it: đảng viên, tổ chức đảng, chi bộ, trường hợp, …)
_GLUED_UNIT = r"(?:đảng|tổ|chi|trường|đồng|cán|cấp|đơn|tập|cá|người|vụ|lượt)"
GLUED_COUNT = re.compile(rf"(?<![\w.,/])\d{{1,3}}(?:\.\d{{3}})*(?={_GLUED_UNIT}(?!\w))")
GLUED_HINT = re.compile(rf"\d{_GLUED_UNIT}")


def _glued_counts_spaced(text: str, back: list[int] | None) -> tuple[str, list[int] | None]:
    """"5đảng viên" as "5 đảng viên", and where each character of it was in the text `back` maps to (the space
    inserted at its count's last digit)."""
    if not GLUED_HINT.search(text):  # (a digit right before a letter is rare: found fast, read fully only then)
        return text, back
    # (the count's last digit and a space after it, both at the digit)
    return _rewritten(text, back, [(m.end() - 1, m.end(), text[m.end() - 1] + " ") for m in GLUED_COUNT.finditer(text)])


# forms abbreviated as ward reports do, each before its count: "KT: 3 đ/c; CC: 1 đ/c; KTr: 1 đ/c". "KT" is also
# kiểm tra, and khai trừ in some reports: read only in a list of two forms or more right after a discipline total
FORM_ABBREVIATIONS = {"KT": "khiển trách", "CC": "cảnh cáo", "CCh": "cách chức", "CCH": "cách chức", "KTr": "khai trừ",
                      "KTR": "khai trừ"}
_GAP = r"(?:[^\S\n]|\u200b)*"  # (spaces of any kind, zero-width ones too)
_FORM_ABBR = r"(?:KTr|KTR|KT|CCh|CCH|CC)"
FORM_ABBREVIATED = re.compile(rf"(?<![\w/])(?P<abbr>{_FORM_ABBR})(?={_GAP}:?{_GAP}\d)")
FORMS_ABBREVIATED_RUN = re.compile(rf"{_FORM_ABBR}{_GAP}:?{_GAP}\d[^;,()\n]{{0,20}}[;,]{_GAP}(?:và{_GAP})?"
                                   rf"{_FORM_ABBR}{_GAP}:?{_GAP}\d")
DISCIPLINE_BEFORE = re.compile(rf"k[ỷỉ]{_GAP}luật[^.;\n]{{0,60}}$", re.I)
LIST_CLOSE = re.compile(r"\)|\n|\.(?!\d)")


def _forms_abbreviated_expanded(text: str, back: list[int] | None) -> tuple[str, list[int] | None]:
    """"(KT: 3 đ/c; CC: 1 đ/c)" after a discipline total as "(khiển trách: 3 đ/c; cảnh cáo: 1 đ/c)", and where each
    character of it was in the text `back` maps to."""
    if "KT" not in text and "CC" not in text:
        return text, back
    plain = plain_spaces(text)  # (same length: "KT:\u00a03" as "KT: 3")
    runs = [m for m in FORMS_ABBREVIATED_RUN.finditer(plain) if DISCIPLINE_BEFORE.search(plain, max(0, m.start() - 80),
                                                                                            m.start())]
    if not runs:
        return text, back
    edits: list[tuple[int, int, str]] = []
    for run in runs:
        # (the list runs to its bracket's close or its sentence's end)
        stop = (end.start() if (end := LIST_CLOSE.search(plain, run.end())) else len(text))
        edits += [(m.start(), m.end(), FORM_ABBREVIATIONS[m["abbr"]])
                  for m in FORM_ABBREVIATED.finditer(plain, max(edits[-1][1] if edits else 0, run.start()), stop)]
    return _rewritten(text, back, edits)


def _word_counts_as_digits(text: str) -> tuple[str, dict[int, int]]:
    """"hai đảng viên" as "2   đảng viên" (same length), and where the word of each count's last digit ends."""
    ends: dict[int, int] = {}
    parts, at = [], 0
    spaced = plain_spaces(text)  # (the nouns are written with plain spaces: "hai\u00a0đảng viên" as any other)
    for start in WORD_COUNT_START.finditer(spaced):
        m = WORD_COUNTED.match(spaced, start.start())
        if m is None or m.start() < at:
            continue
        if m["n"].lower() == "năm" and YEAR_BEFORE.search(spaced, max(0, m.start() - 8), m.start()):
            continue
        n = str(count_of(m["n"]))
        ends[m.start() + len(n) - 1] = m.end()
        parts += [text[at:m.start()], n.ljust(len(m.group(0)))]
        at = m.end()
    return "".join(parts) + text[at:], ends


# a run of spaces (not tabs: a run of tabs parts a table's cells), or the spaces around a slash between numbers
# ("28 / 30 chi bộ", "ngày 30 / 4"), which every rule writes closed
SPACE_RUN = re.compile(r"[ \u00a0]{2,}|(?<=\d)[ \u00a0]+(?=/[ \u00a0]*\d)|(?<=\d/)[ \u00a0]+(?=\d)")
RUN = re.compile(r"[ \u00a0]{2,}")  # (a first look, fast: most texts hold no run and no spaced slash)
SPACED_SLASHES = (" /", "/ ", "\u00a0/", "/\u00a0")


def _single_spaced(text: str) -> tuple[str, list[int] | None]:
    """The text with each run of spaces one space and a slash between numbers closed up, and where each of its
    characters was in `text` (None when the text has neither)."""
    if not RUN.search(text) and not any(slash in text for slash in SPACED_SLASHES) or not SPACE_RUN.search(text):
        return text, None
    parts, back, at = [], [], 0
    for m in SPACE_RUN.finditer(text):
        # (between numbers only: "12 tổ chức đảng /  30 đảng viên" keeps its space)
        closed = (text[m.end():m.end() + 1] == "/" and text[m.start() - 1:m.start()].isdigit()
                  and text[m.end() + 1:m.end() + 9].lstrip()[:1].isdigit()
                  or text[m.start() - 1:m.start()] == "/" and text[m.end():m.end() + 1].isdigit()
                  and text[max(0, m.start() - 9):m.start() - 1].rstrip()[-1:].isdigit())
        parts.append(text[at:m.start()] + ("" if closed else " "))
        back.extend(range(at, m.start() + (0 if closed else 1)))
        at = m.end()
    parts.append(text[at:])
    back.extend(range(at, len(text)))
    return "".join(parts), back
