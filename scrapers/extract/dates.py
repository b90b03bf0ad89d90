"""Event dates (`Sáng 13/7`, `ngày 28/10/2019`, `Chiều 14-10`) and reporting periods (`6 tháng đầu năm 2022`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from scrapers.extract.documents import document_spans
from scrapers.text import fold_tones

DAYPART = r"(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|[Hh]ôm|[Nn]gày|[Rr]ạng sáng)"
# dd/mm[/yyyy] or dd-mm[-yyyy] after a day-part word; the year is optional and resolved against publication.
EVENT_DATE = re.compile(
    rf"{DAYPART}(?:\s+(?:ngày|hôm))?\s+(?P<d>\d{{1,2}})\s*[/-]\s*(?P<m>\d{{1,2}})(?:\s*[/-]\s*(?P<y>\d{{4}}))?(?![\d/])"
)
# Spans that look numeric but are not figures: full dates, times, years, year ranges, quarters, term numbers.
# The leading lookahead lists every alternative's first character, so most positions fail at once (2x faster).
NOT_FIGURE = re.compile(
    r"(?<!\w)(?=[\dsScChHtTnNqQkKlLđĐIVrRĐ])(?:"
    r"\b\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{4}\b"          # 16-9-2019, 28/10/2019
    rf"|{DAYPART}(?:\s+(?:ngày|hôm))?\s+\d{{1,2}}\s*[/-]\s*\d{{1,2}}\b"  # Sáng 13/7
    r"|\b(?:đến|tính đến|từ)\s+(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}\b"   # tính đến ngày 15/6
    r"|\b\d{1,2}:\d{2}\b"                                    # 19:13
    r"|\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\b"           # 2015-2020, 2021- 2025
    r"|\b(?:[Qq]uý\s+)?(?:I{1,3}|IV)\s*/\s*\d{4}\b"         # quý III/2019, Quý IV/2018
    r"|\b(?:[Qq]uý|QUÝ)\s+[1-4](?![\d.,])"                    # quý 2 (a quarter numbered in digits)
    # (not what is counted each year: "bình quân mỗi năm 265 đảng viên"; nor over a line break: "… trong năm\n36 tập
    # thể, cá nhân được khen thưởng" is a line's count)
    r"|\b(?:năm|Năm|NĂM|tháng|Tháng)[^\S\n]+\d{1,4}\b"
    r"(?!\s+(?:đảng viên|tổ chức|chi bộ|trường hợp|đồng chí|cán bộ|đơn|lượt|tập thể|cá nhân)(?!\w))"
    # bare years — not a count written without its thousands dot, "1926 đảng viên", "1987/2106 chi bộ", "1980 trên
    # tổng số 2012", "hơn 2000 lượt cử tri" (a year is no attendance, and has no "more than")
    r"|(?<![\d.,])(?<!hơn )(?<!gần )(?<!khoảng )(?:19|20)\d{2}(?![\d.,%])(?!\s+lượt\b|\s+trên\s+(?:tổng\s+số\s+)?\d)"
    r"(?!(?:\s*/\s*\d{3,5})?\s+(?:đảng viên|tổ chức|chi bộ|trường hợp|đồng chí|cán bộ|đơn|người)(?!\w))"
    r"|\b(?:khóa|khoá|Khóa|Khoá|lần thứ|kỳ họp thứ|thứ)\s+[IVXLC\d]+\b"  # terms and ordinals
    r"|T\.Ư\s*\d+|Trung ương\s+\d+|TW\s*\d+"                  # Nghị quyết T.Ư 4
    r")"
)
# a count of months in words, longest first ("mười hai" before "mười")
MONTH_WORDS = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "mười một": 11,
               "mười hai": 12}
MONTHS_IN_WORDS = "(?:" + "|".join(sorted(MONTH_WORDS, key=len, reverse=True)) + ")"
# a month named, as the calendar names them after "tháng" ("tháng Mười Một năm 2026", "tháng Giêng", "tháng Chạp"),
# capitalised as they are written (lower case, "tháng năm 2026" is a month and a year apart)
MONTH_NAMES = {"Giêng": 1, "Một": 1, "Hai": 2, "Ba": 3, "Tư": 4, "Năm": 5, "Sáu": 6, "Bảy": 7, "Tám": 8, "Chín": 9,
               "Mười": 10, "Mười Một": 11, "Mười Hai": 12, "Chạp": 12}
MONTH_NAMED = "(?-i:" + "|".join(sorted(MONTH_NAMES, key=len, reverse=True)) + ")(?!\\w)"
PERIOD = re.compile(
    # every alternative's first character, so other positions fail at once (the pattern runs over whole articles)
    r"(?<!\w)(?=[\dtTsScCqQnNgGhHbBmM])(?:(?:trong|Trong)\s+)?(?P<period>"
    # "9 tháng năm 2025": without "đầu" the year must be said ("9 tháng năm nay" is no period we can key); the
    # months may be told in words ("Mười tháng năm 2026")
    rf"(?:\d{{1,2}}|{MONTHS_IN_WORDS})\s+tháng\s+(?:(?:đầu|cuối)\s+năm(?:\s+(?:19|20)\d{{2}})?|năm\s+(?:19|20)\d{{2}})"
    # "nửa đầu năm 2026": the first half
    r"|nửa\s+(?:đầu|cuối)\s+năm(?:\s+(?:19|20)\d{2})?"
    r"|[Qq]uý\s+(?:I{1,3}|IV|\d)(?:\s*/\s*|\s+năm\s+)(?:19|20)\d{2}"
    # a single month with its year: "tháng 11/2026", "tháng 10 năm 2026" (a monthly briefing's period)
    # (not the start or the end of a span, "từ tháng 1/2026 đến nay", "đến hết tháng 11/2025", nor a date set, "vào tháng 10")
    r"|(?<!từ )(?<!Từ )(?<!đến )(?<!tới )(?<!sau )(?<!trước )(?<!cuối )(?<!đầu )(?<!hết )(?<!vào )"
    rf"[Tt]háng\s+(?:1[0-2]|0?[1-9]|{MONTH_NAMED})(?:\s*/\s*|\s+năm\s+)(?:19|20)\d{{2}}(?!\s*(?:đến|tới|[-–]))"
    r"|[Nn]hiệm kỳ\s+(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}"
    # a term or a count of years with its span in brackets: "Trong 5 năm (2021-2025)", "nhiệm kỳ (2020 - 2025)"
    rf"|(?:[Nn]hiệm kỳ|(?:\d{{1,2}}|{MONTHS_IN_WORDS})\s+năm)\s*\(\s*(?:19|20)\d{{2}}\s*[-–]\s*(?:19|20)\d{{2}}\s*\)"
    r"|[Gg]iai đoạn\s+(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}"
    # "từ năm 2021 đến năm 2026": a span of years, as a term is
    # (or up to now: "từ năm 2021 đến nay", up to the publication's year)
    r"|[Tt]ừ\s+năm\s+(?:19|20)\d{2}\s+(?:đến|tới)\s+(?:(?:hết\s+)?(?:năm\s+)?(?:19|20)\d{2}|nay)"
    r"|[Nn]ăm\s+(?:19|20)\d{2}"
    r"|[Tt]ừ đầu năm(?:\s+(?:19|20)\d{2})?(?:\s+(?:đến nay|tới nay))?"
    # "từ tháng 1 đến tháng 9/2026", "từ tháng 4 đến tháng 6/2026": a span of months in one year
    r"|[Tt]ừ\s+tháng\s+(?:1[0-2]|0?[1-9])\s+(?:đến|tới)\s+(?:hết\s+)?tháng\s+(?:1[0-2]|0?[1-9])(?:\s*/\s*|\s+năm\s+)(?:19|20)\d{2}"
    # "từ tháng 1/2026 đến nay": a span from a month (from January, the year so far)
    r"|[Tt]ừ tháng\s+(?:1[0-2]|0?[1-9])\s*/\s*(?:19|20)\d{2}(?:\s+(?:đến nay|tới nay))?"
    r"|[Tt]ừ đầu nhiệm kỳ(?:\s+đến nay)?"
    # "Từ ngày 1/1 đến 30/6/2026": a span of dates from the year's first day (its first months)
    r"|[Tt]ừ\s+(?:ngày\s+)?0?1\s*/\s*0?1(?:\s*/\s*(?:19|20)\d{2})?\s+(?:đến|tới)\s+(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}"
    r"\s*/\s*(?:19|20)\d{2}"
    r")",
    re.I,
)
# a period told after what it dates, as text to step over: "kỷ luật 7 đảng viên trong năm 2026, trong đó …",
# "… cảnh cáo 6 trong năm 2025."
PERIOD_TAIL = rf"\s+(?:{PERIOD.pattern})"


# an event date is of what the article reports: within the year before its publication (the marts check the same
# window, expectations/suites.py); a date with its year outside it is history or a document's ("Ngày 3/2/1930, Đảng
# Cộng sản Việt Nam ra đời")
EVENT_WINDOW_DAYS = 366
# "Quy định số 69-QĐ/TW ngày 6/7/2022", "Kế hoạch số 125-KH/UBND, ngày …" (right after a document's number, as
# `documents.document_spans` finds them), "ban hành ngày …": a document's date
SIGNED_BEFORE = re.compile(r"(?:ban hành|ký)\s*,?\s*$")
AFTER_DOCUMENT = re.compile(r"[\s,]*")


def find_event_dates(text: str, published: date | None) -> list[dict]:
    """Dates of events named in the text; a missing year is the publication year, or the one before when the
    day would otherwise fall after publication (an article of 5/1 about "Chiều 28/12"). Not a document's date, nor,
    when the publication date is known, a date whose year puts it outside the year before publication."""
    found = []
    documents = None
    for m in EVENT_DATE.finditer(fold_tones(text)):
        if documents is None:  # (looked for once, only in a text that names a date)
            documents = [end for _, end in document_spans(text)]
        if SIGNED_BEFORE.search(text, max(0, m.start() - 24), m.start()) or any(
                end <= m.start() and AFTER_DOCUMENT.fullmatch(text, end, m.start()) for end in documents):
            continue
        d, mth = int(m["d"]), int(m["m"])
        year = int(m["y"]) if m["y"] else (published.year if published else None)
        if year is None:
            continue
        try:
            when = date(year, mth, d)
        except ValueError:
            continue
        if not m["y"] and published and when > published:
            try:
                when = date(year - 1, mth, d)
            except ValueError:
                continue
        if m["y"] and published and not timedelta(0) <= published - when <= timedelta(EVENT_WINDOW_DAYS):
            continue
        found.append({"date": when.isoformat(), "quote": text[m.start():m.end()], "start": m.start(), "end": m.end()})
    return found


# "giảm 7,2% so với năm 2024": a comparison's base is not the period of what the sentence tells
# (and a comparative's: "… 48 đảng viên, nhiều hơn năm 2025 là 9 đảng viên", "ít hơn năm trước")
BASE_BEFORE = re.compile(r"(?:so với|so|so cùng kỳ|so với cùng kỳ|(?:nhiều|ít|cao|thấp|lớn|nhỏ) hơn)\s*$", re.I)


# "kỷ luật 24 đảng viên (năm 2024: 30 đảng viên)": a year that labels a value in brackets is that value's period,
# not the sentence's
LABEL_BEFORE = re.compile(r"\(\s*(?:cùng kỳ\s+)?$", re.I)
LABEL_AFTER = re.compile(r"\s*:")
LABELLED = re.compile(r"\(\s*(?:cùng kỳ\s+)?(?P<period>[Nn]ăm\s+(?:19|20)\d{2})\s*:[^()]*\)")


# "thi hành kỷ luật khiển trách Ban Thường vụ Đảng ủy xã Phú Nghĩa nhiệm kỳ 2020-2025": the term of a body an act is
# about names the body, it is not the period of what is told
# (the act may open a line of a numbered list: "1. Cảnh cáo Ban Thường vụ Đảng ủy phường Yên Hòa nhiệm kỳ 2020-2025")
BODY_OF_ACT = re.compile(r"(?i:kỷ luật|khiển trách|cảnh cáo|giải tán|kiểm tra|giám sát|kết luận|đối với)\s+(?:tập thể\s+)?"
                         r"(?:Ban Thường vụ|Ban Chấp hành|Ban chấp hành|Đảng ủy|Ủy ban Kiểm tra|Chi ủy|Chi bộ|Đảng đoàn"
                         r"|Ban cán sự)[^,.;:\d]{0,60}$")


# "chuẩn bị tốt đại hội đảng bộ các cấp nhiệm kỳ 2025-2030": the term of a congress names the congress
CONGRESS_OF = re.compile(r"(?<!\w)[Đđ]ại hội(?:[^,.;:\d]{0,60})?\s+$")


def stated_periods(sentence: str, named: list[re.Match] | None = None) -> Iterator[re.Match]:
    """The periods a sentence states, in order, without the bases of its comparisons, the years that label a value
    in brackets or the terms that name a body (lazily: the first is found without reading the rest of the
    sentence); `named`: its PERIOD matches, when already found."""
    # (a period told with "trong" after "so cùng kỳ" is the told one's: "… giảm 31 trường hợp so cùng kỳ trong năm 2026")
    return (m for m in (PERIOD.finditer(sentence) if named is None else named)
            if not (BASE_BEFORE.search(sentence, max(0, m.start() - 30), m.start()) and m.start() == m.start("period"))
            and not (LABEL_AFTER.match(sentence, m.end()) and LABEL_BEFORE.search(sentence, max(0, m.start() - 12),
                                                                                  m.start()))
            and not (m["period"][:1] in "nN" and m["period"].lower().startswith("nhiệm kỳ")
                     and (BODY_OF_ACT.search(sentence, max(0, m.start() - 120), m.start())
                          or CONGRESS_OF.search(sentence, max(0, m.start() - 80), m.start()))))


def labelled_periods(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, period) of each bracket whose value a year labels: "(năm 2024: 30 đảng viên)"."""
    return [(m.start(), m.end(), period_text(m)) for m in LABELLED.finditer(sentence)] if "(" in sentence else []


def period_in(sentence: str) -> str | None:
    m = next(stated_periods(sentence), None)
    return period_text(m) if m else None


def period_text(m: re.Match) -> str:
    period = re.sub(r"\s+", " ", m["period"])
    return period[0].lower() + period[1:]
