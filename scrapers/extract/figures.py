"""Figures from Vietnamese report text, read as statements: a predicate, a subject, a value, its parts, a scope and
a period.

One driver (`read_figures`) owns the claims: dates, years, terms, document numbers and page furniture are masked
once per article, then every rule of the registry (`scrapers.extract.rules`) reads every sentence, most specific
first, and what a rule emits is claimed so a number is reported once. Parts are linked to their totals last:
explicit sub-groups by the rule that read them, and a run of figures right after a total that adds up to it
(a heading "Khen thưởng 58 tập thể, cá nhân" and then 20 + 18 + 20 by programme).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import fields
from datetime import date

from scrapers.extract.claims import Claims
from scrapers.extract.dates import NOT_FIGURE, PERIOD, period_text, stated_periods
from scrapers.extract.documents import document_spans
from scrapers.extract.gazetteer import HANOI_PLACES
from scrapers.extract.model import Draft, Figure
from scrapers.extract.numbers import UNIT_WORDS, WORD_SCALE, parse_number, qualifier_of
from scrapers.extract.patterns import (
    BULLET,
    COMRADE,
    FORM,
    FORM_RE,
    ITEM_LINE,
    ORG_SUBJECT,
    PARTS_MARK,
    PERIOD_AFTER,
    QNUM,
    SUBJECT_LABEL,
    WITHIN_MARK,
)
from scrapers.extract.rules import load
from scrapers.extract.rules.breakdowns import REMAINDER
from scrapers.extract.rules.generic import unit_after
from scrapers.extract.scope import (
    CITIES,
    CITY,
    DISTRICT_ABBREVIATED,
    LOCAL_UNIT,
    PARAGRAPH_LEAD,
    PROVINCES,
    article_places,
    capitals_as_prose,
    districts_in,
    locality_in,
    period_key,
)
from scrapers.extract.sentence import Sentence, sentences
from scrapers.text import RELATED_LINE, UPPER, category_key, is_furniture, matchable
from scrapers.vocabulary import COUNT_KINDS, DISCIPLINE_KINDS, MEASURE_UNITS, canonical_form

__all__ = ["extract_figures", "read_figures", "sentences", "unit_after"]

# Numbers that are names or readership, not report figures: diseases and strains (Covid-19, H5N1), ages,
# page views and shares, codes and house numbers, company types ("TNHH một thành viên") and ranks ("Top 10").
# The leading lookahead lists every alternative's first character: re tries each alternative at every position
# otherwise, and this pattern runs over whole articles (3x faster).
NOT_COUNTED = re.compile(
    r"(?<!\w)(?=[\d.A-ZcshđĐtlbmkpndqxzấẤv\"“])(?:"
    r"(?i:covid|sars-cov|h\d+n)-?\s?\d+"
    r"|(?i:độ tuổi|tuổi)\s+(?:từ\s+)?\d+(?:\s*(?:[-–]|đến|tới)\s*\d+)?(?:\s+tuổi)?"
    r"|\d+(?:\s*(?:[-–]|đến|tới)\s*\d+)?\s+(?:năm\s+)?tuổi"  # "30 tuổi Đảng" is a badge
    r"|[\d.]+\s+(?i:lượt)\s+(?:xem|đọc|truy cập|thích|chia sẻ|bình luận|like|share|view)"
    r"|(?i:lượt xem|lượt đọc|lượt truy cập|bình luận)\s*:?\s*[\d.]+"
    r"|(?i:mã số|số nhà|số điện thoại|hotline|đường dây nóng|số hiệu)\s*:?\s*[\d. ]*\d"
    r"|(?i:trách nhiệm hữu hạn|TNHH)\s+(?i:một|1|hai|2)\s+thành viên"
    r"|(?i:top)\s+\d+"
    # a road's number is its name: "Quốc lộ 32", "đường Vành đai 4", "Tỉnh lộ 419", "cao tốc số 5"
    r"|(?i:quốc lộ|tỉnh lộ|huyện lộ|đường tỉnh|vành đai|đường cao tốc|cao tốc|QL|ĐT)\s*(?i:số\s*)?\d+[A-Z]?(?!\w)"
    # how often, not how many: "học 2 buổi mỗi ngày", "sinh hoạt 1 lần mỗi tháng", "3 lần/tuần"
    r"|(?:\d+|(?i:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười))\s+(?i:lần|buổi|ca|tiết|giờ|ngày|đợt)\s*(?:(?i:mỗi|một|trên)\s+|/\s*)(?i:ngày|tuần|tháng|quý|năm|kỳ)(?!\w)"
    # "98% chi bộ có từ 3 đảng viên trở lên": a threshold that describes what is counted, not a count
    r"|(?i:từ)\s+\d+(?:\s+[^\s\d,.;:()]+){1,4}\s+(?i:trở lên)"
    # "14 chi bộ có dưới 3 đảng viên": a ceiling that describes what is counted, too
    # (not what a year had: "năm 2026 có chưa đến 20 đơn" counts the year's letters)
    r"|(?<!\d\d\d\d )(?i:có)\s+(?i:dưới|chưa đến|chưa tới|không quá|ít hơn)\s+\d+"
    # "chính quyền địa phương 2 cấp": the name of a model of government, not a count of levels
    r"|(?i:chính quyền(?: địa phương)?|mô hình(?: chính quyền)?|tổ chức)\s+(?:2|3|(?i:hai|ba))\s+(?i:cấp)(?!\w)"
    # … and any levels of a system: "Tòa án nhân dân hai cấp", "Ủy ban Kiểm tra 3 cấp" (not "3 cấp ủy viên")
    r"|(?:[2-4]|(?i:hai|ba|bốn))\s+(?i:cấp)(?!\w)(?!\s+(?i:ủy|uỷ))"
    r"|(?i:số\s+)?\d+[A-Z]?\s+(?i:phố|đường|ngõ|ngách|hẻm)\s+[A-ZĐ]"  # "số 12 phố Lê Lai": an address
    # a campaign's slogan in quotes: "phong trào “3 xây, 3 chống”", "cuộc vận động “5 không, 3 sạch”"
    r"|(?i:phong trào|cuộc vận động|mô hình|phương châm|khẩu hiệu|chủ đề|thông điệp|tinh thần)\s+[\"“][^\"”\n]{1,60}[\"”]"
    # … or whatever leads it, a quote of numbered single words alone: "“5 rõ”", "“3 xây, 3 chống”", "“4 dám”"
    r"|[\"“]\d+[^\S\n]+[^\W\d]+(?:[^\S\n]*[,;][^\S\n]*\d+[^\S\n]+[^\W\d]+)*[\"”]"
    # an amount in a foreign currency: "2,5 triệu USD" (money is counted in đồng)
    r"|\d+(?:[.,]\d+)*\s*(?:(?i:nghìn tỷ|tỷ|triệu|nghìn)\s*)?(?:USD|EUR|(?i:đô la|euro|yên))(?!\w)"
    # a share of no thing, only of effort: "làm việc với 100% tâm huyết"
    r"|\d+\s*%\s+(?i:tâm huyết|tâm sức|sức lực|nỗ lực|quyết tâm|niềm tin|tình cảm|nhiệt huyết)(?!\w)"
    # a rate told in words is no count: "cứ 10 đảng viên được giám sát thì có 1 đồng chí phải nhắc nhở"
    r"|(?i:cứ)\s+\d+[^.;\d]{1,60}?\s(?i:thì)\s+(?:(?i:có)\s+)?\d+"
    # a score is no ratio of things: "chấm 9/10 điểm"
    r"|\d+\s*/\s*\d+\s+(?i:điểm)(?!\w)"
    # a fraction in words counts nothing: "giảm gần một nửa", "hai phần ba số đơn"
    r"|(?i:một|hai|ba)\s+(?i:nửa|phần\s+(?:hai|ba|tư|bốn|năm|mười))(?!\w)"
    # "không để xảy ra thêm một trường hợp vi phạm nào", "không để 1 tổ chức đảng nào …": "any" under a negation counts
    # nothing
    r"|(?:(?i:một)|0?1(?:\s*\(\s*(?i:một)\s*\))?)\s+(?:[^\W\d]+[^\S\n]+){1,4}?(?i:nào)(?!\w)"
    r")"
)
# Things named by a number, not counts of them; each ends in its number, so they are looked for only just before the
# article's numbers (tried over the whole article, their many alternatives cost a fifth of the masks). Each name is
# written once: NAME_BEFORE finds it ending just before a number, NAMED_NUMBER then reads it with its number.
# "tuyến số 3", "khu dân cư số 5", "Hội trường số 1": a numbered thing
# (and a school or a unit known by its initials: "Trường THCS số 2", "Trường Tiểu học số 1")
# (any place of a ward numbered so: "cụm dân cư số 4", "khu phố số 2", "xóm số 7")
_NUMBERED_THING = (r"(?:(?i:tuyến|khu dân cư|khu phố|khu|cụm dân cư|cụm|thôn|xóm|ấp|ngõ|ngách|hẻm|tổ dân phố|tổ|phòng|nhà"
                   r"|hội trường|tòa nhà|tòa|cổng|lô|đường sắt đô thị"
                   r"|chi bộ|đội|xe|trường|tiểu học|mầm non)|(?-i:[A-ZĐ]{2,6}))\s+số")
# units and works named by a number: "Sư đoàn 308", "Bệnh viện 108", "Tổng công ty 319", "Nhà máy Z176"
_UNIT = r"(?:Sư|Quân|Lữ|Trung|Tiểu|Binh) đoàn|Quân khu|Bệnh viện"
_COMPANY = r"Tổng công ty|Công ty"
_WORKS = r"Nhà máy|Xí nghiệp"
# a foreign name of two or more words ending in a number: "khu đô thị Ocean Park 2", "Smart City 3"
# (each name and its number on one line: "Hoài Nam\n\nTrong 63 …" is a byline, then a sentence)
_FOREIGN = r"(?-i:[A-Z][a-z]+(?:[^\S\n]+[A-Z][a-z]+)+)"
# "tại tầng 3 trụ sở", "phòng 301", "cổng 2", "thôn 4", "Tổ 5 khu phố 3", "NGÕ 12 ĐÀO TẤN": a place numbered without
# "số" (and Hồ Chí Minh City's districts and wards named by number: "Đảng bộ quận 1", "phường 12")
# (not "cơ bản", basic: "đầu tư xây dựng cơ bản 25 trường hợp"; nor "văn bản", a writing: "nhắc nhở bằng văn bản 5 …")
# (and a party cell named by its number, "Chi bộ 4 khu dân cư số 2", "Chi bộ 12": capitalised, as names are)
_PLACE = (r"(?:(?-i:Chi bộ)|(?i:tầng|lầu|phòng|cổng|dãy|tòa|lô|thôn|ấp|xóm|(?<!cơ )(?<!văn )bản|tổ dân phố|tổ|khu phố|khu dân cư|khu|cụm|đội|khối|quận"
          r"|phường|ngõ|ngách|hẻm|kiệt))")
NAME_BEFORE = re.compile(rf"(?<!\w)(?:{_NUMBERED_THING}|{_UNIT}|{_COMPANY}|{_WORKS}|{_FOREIGN}|{_PLACE})[^\S\n]+Z?$")
NAMED_NUMBER = re.compile(
    rf"{_NUMBERED_THING}[^\S\n]+\d+[A-Z]?(?![\d.,/-])"
    rf"|(?:{_UNIT})[^\S\n]+\d+|(?:{_COMPANY})[^\S\n]+\d+(?![\d.,]*\s*%)|(?:{_WORKS})[^\S\n]+Z?\d+"
    rf"|{_FOREIGN}[^\S\n]+\d+(?![\d.,/%])"
    rf"|{_PLACE}[^\S\n]+\d+[A-Z]?(?![\d.,/%-])(?![^\S\n]+(?i:năm|tháng|quý)\b)"
)
NUMBER_START = re.compile(r"(?<![\w.,])\d")
NAME_CODE = re.compile(r"(?<!\w)Z\d+")  # "Z176" alone


# the last word of every name above (or a capitalised word of a foreign one): a number after any other word is
# not tried
NAME_ENDS = frozenset("số đoàn khu viện ty máy nghiệp tầng lầu phòng cổng dãy tòa lô thôn ấp xóm bản phố cư tổ cụm đội "
                      "khối quận phường ngõ ngách hẻm kiệt bộ".split())
WORD_BEFORE = re.compile(r"(\w+)\s+Z?$")


def _named_numbers(folded: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in NAME_CODE.finditer(folded)] if "Z" in folded else []
    for digit in NUMBER_START.finditer(folded):
        word = WORD_BEFORE.search(folded, max(0, digit.start() - 16), digit.start())
        if not word or not (word[1].lower() in NAME_ENDS or word[1][0].isupper() and word[1].isascii()):
            continue
        for name in NAME_BEFORE.finditer(folded, max(0, digit.start() - 40), digit.start()):
            if (named := NAMED_NUMBER.match(folded, name.start())) and named.end() > digit.start():
                spans.append((named.start(), named.end()))
                break
    return spans


RULES = load()
# sum-to-total parts: how many sentences after the total they may sit, and which kinds count things that add up
PART_WINDOW = 3
ADDITIVE = frozenset(COUNT_KINDS)


def extract_figures(text: str, published: date | None = None, locality: str | None = None) -> list[dict]:
    """The figure contract (README, "Figures (contract)") for every figure in `text` (NFC)."""
    return [f.as_json() for f in read_figures(text, published, locality)]


SHORT_LINE = re.compile(r"^[^\n]{1,60}$", re.M)
ANY_LINE = re.compile(r"^[^\n]*$", re.M)


def _masks(folded: str) -> list[tuple[int, int]]:
    masked = [(m.start(), m.end()) for m in NOT_FIGURE.finditer(folded)]
    masked += document_spans(folded)
    masked += [(m.start(), m.end()) for m in NOT_COUNTED.finditer(folded)]
    masked += _named_numbers(folded)
    # furniture lines in plain-text input ("• 0 bình luận", "0:00 / 0:00") carry no figures
    for line in SHORT_LINE.finditer(folded):  # (furniture is a short line: longer ones are not tried)
        if is_furniture(line.group(0).strip(" •\t"), is_clean=True):
            masked.append((line.start(), line.end()))
    masked += _related_stories(folded)
    return masked


def _related_stories(folded: str) -> list[tuple[int, int]]:
    """Other stories' headlines: the line after "Xem thêm:", or the lines under "Tin liên quan" while they read as
    headlines (short, no full stop at the end)."""
    spans = []
    for m in RELATED_LINE.finditer(folded):
        spans.append((m.start(), m.end()))
        if m["headline"]:
            continue
        # (a list set line under line ends at a blank line: what follows is the text again; a list set a paragraph
        # per headline runs on)
        by_paragraph, blank = None, False
        for line in ANY_LINE.finditer(folded, m.end() + 1):
            headline = line.group(0).strip()
            if not headline:
                blank = True
                continue
            if headline.endswith((".", "!", "?", ":", ";")) or len(headline) > 150 or blank and by_paragraph is False:
                break
            by_paragraph = blank if by_paragraph is None else by_paragraph
            spans.append((line.start(), line.end()))
            blank = False
    return spans


# "kết nạp 1 250 đảng viên", "1 204/1 228 chi bộ", "(1 117/1 117)", "từ 1 240 (năm 2025) lên 1 415.", a table's cell,
# an infographic's line "1 050": a space (or a no-break space) between digit groups as the thousands separator, unless
# the first number names something ("tổ 3 120 hộ": household group 3, 120 households)
SPACED_THOUSANDS = re.compile(r"(?<![\w.,:-])\d{1,3}(?: \d{3})+(?![\w:%-]|[.,]\d)"
                              r"(?=\s+[a-zà-ỹđ(]|\s*[/|]\s*\d|\s*\||[.;,](?:\s|$)|[^\S\n]*$)"
                              r"|(?:(?<=\d/)|(?<=\d/ ))\d{1,3}(?: \d{3})+(?=\s*\))"
                              r"|^[^\S\n]*\d{1,3}(?: \d{3})+(?=[^\S\n]*$)", re.M)
# ("số" names a number, "nhà số 3", but not in "trong số", "tổng số", "con số", "dân số")
NAMES_A_NUMBER = re.compile(r"(?<!\w)(?:tổ|khu|thôn|xóm|ấp|bản|(?<!trong )(?<!tổng )(?<!con )(?<!dân )số|phòng|lô|đội|ngõ|ngách"
                            r"|hẻm|tuyến|điều|khoản|chương|mục|khóa|lần|thứ|kỳ|quý|tháng|ngày|năm|đợt|cụm|tầng|tòa|nhóm"
                            r"|trình|hiệu)\s+$", re.I)


def _spaced_thousands(folded: str) -> str:
    """The text with "1 250" written "1.250", so the count reads as one number (same length: offsets stay valid)."""
    if not GROUPS_SPACED.search(folded):  # (a first look, fast: most texts hold none)
        return folded
    def dotted(m: re.Match) -> str:
        if NAMES_A_NUMBER.search(folded, max(0, m.start() - 12), m.start()):
            return m.group(0)
        return BETWEEN_GROUPS.sub(".", m.group(0))
    return SPACED_THOUSANDS.sub(dotted, folded)


BETWEEN_GROUPS = re.compile(r"(?<=\d) (?=\d)")
GROUPS_SPACED = re.compile(r"\d \d\d\d")


WORD = re.compile(r"[^\W\d_]+")


def _title_cased(line: str) -> bool:
    """Whether a line has every word capitalised, as some portals set their headlines ("Kỷ Luật 5 Đảng Viên Vi
    Phạm"): five words or more, all of them opening on a capital but one in five (a body's name is cased as prose
    before: "Đảng ủy Phường …"), and no full stop at its end."""
    if len(line) > 200 or line.rstrip().endswith(".") or sum(c.isupper() for c in line) < 5:
        return False
    words = WORD.findall(line)
    return len(words) >= 5 and sum(not w[0].isupper() for w in words) <= len(words) // 5


def capitals_placed(folded: str, titles: bool = False) -> str:
    """The text with every line set all in capitals (or, `titles`, with every word capitalised) cased as prose
    (same length: offsets stay valid)."""
    lines = folded.split("\n")
    changed = False
    for i, line in enumerate(lines):
        # (`isupper` first: a C loop that fails on most lines at their first lowercase letter)
        if (_title_cased(line) if titles else line.isupper() and sum(c.isalpha() for c in line) >= 8) \
                and len(recased := capitals_as_prose(line)) == len(line):
            lines[i], changed = recased, True
    return "\n".join(lines) if changed else folded


# a photo's caption: a short line ending with its credit ("Quang cảnh hội nghị. Ảnh: Khánh Huy", "… (Ảnh: TTXVN)"),
# or the credit alone
CAPTION_LINE = re.compile(r"^(?:[^\n]{0,250}?(?:[.)]|[^\S\n][-–])[^\S\n]*)?\(?(?:Ảnh|Ảnh minh họa)[^\S\n]*:[^\S\n]*"
                          r"[^\n\d:.]{1,40}\)?[^\S\n]*$|^[^\n]{0,250}\((?:Ảnh minh họa|Ảnh tư liệu)\)[^\S\n]*$", re.M)


# "40.5%", "7.3 – 7.8%": a share some portals write with a decimal point (one or two decimals before a percent sign
# are no thousands)
DOT_SHARE = re.compile(r"(?=\d)(?<![\d.,])(\d{1,3})\.(\d{1,2})(?=\s*%|\s*[-–—]\s*\d{1,3}(?:[.,]\d{1,2})?\s*%)")


# "4,250 cấp ủy viên", "1,204/1,228": a count some pages write with an English thousands separator (three digits after
# the comma; a count of people or things is no fraction — a measure may be, "1,125 ha")
COMMA_THOUSANDS = re.compile(rf"(?=[1-9])(?<![\d.,])([1-9]\d{{0,2}}),(\d{{3}})(?![\d.,]\d)(?=\s*[/()]|[^\S\n]*\n|[^\S\n]*$"
                             rf"|[^\S\n]+(?!(?:{'|'.join(MEASURE_UNITS)})(?!\w))[a-zà-ỹđ])")


# "15 Đảng viên", "12 Chi bộ", "tổ chức Đảng": what is counted, capitalised out of respect or habit, is the same noun
# (each alternative opens on its capital, so that other positions fail at once: this runs over every article)
COUNTED_CAPITALS = re.compile(r"(?=[ĐCT])(?:(?<=\d )(?:Đảng viên|Chi bộ|Đảng bộ|Tổ chức đảng|Tổ chức Đảng|Cán bộ|Đồng chí"
                              r"|Trường hợp)|(?<=tổ chức )Đảng|(?<=cơ sở )Đảng)(?!\w)")


# a paragraph that opens on what the one before counted: "Có 7 trường hợp …", "Số đảng viên bị khai trừ …"
# (a bulleted paragraph as well: "- Trong đó, …")
DESCRIBES = re.compile(rf"[\s\"“]*(?:{BULLET}\s*)?(?:Trong (?:số )?đó|Cụ thể|Có|Số (?:đảng viên|trường hợp|tổ chức)"
                       r"|(?:Các )?hình thức)(?!\w)", re.I)
# (not "Đồng thời", "Ngoài ra", which may turn to another body's work)
# (nor "Toàn tỉnh …" after a paragraph led by a province, "Toàn huyện …" after a district's)
GOES_ON = re.compile(rf"[\s\"“]*(?:{BULLET}\s*)?(?:Qua (?:đó|kiểm tra|giám sát)|Trong (?:số )?đó|Cụ thể"
                     rf"|(?:Toàn|Cả) (?:tỉnh|{LOCAL_UNIT}))(?!\w)")
# a paragraph that speaks of the event the one before told ("Tổng số đảng viên được trao Huy hiệu đợt này là 57")
POINTS_BACK = re.compile(r"(?<!\w)(?:đợt|dịp|lần|buổi lễ|hội nghị|kỳ họp) này(?!\w)")


def read_figures(text: str, published: date | None = None, locality: str | None = None) -> list[Figure]:
    # (same length as text: offsets stay valid)
    folded = _spaced_thousands(matchable(text))
    if "%" in folded:
        folded = DOT_SHARE.sub(r"\1,\2", folded)
    if "," in folded:
        folded = COMMA_THOUSANDS.sub(r"\1.\2", folded)
    folded = COUNTED_CAPITALS.sub(lambda m: m.group(0).lower(), folded)
    # (a photo's caption is the page's, not a statement of the article, and may stand anywhere — between a headline
    # and the body that breaks its total down: read as blank)
    if "Ảnh" in folded:
        folded = CAPTION_LINE.sub(lambda m: " " * len(m.group(0)), folded)
    # (a line with every word capitalised, "Kỷ Luật 5 Cựu Lãnh Đạo Tỉnh", is read as prose before anything: its
    # capitals would read as names, "Luật 5" a law, "Khen Cho 35" a foreign name)
    folded = capitals_placed(folded, titles=True)
    masks = _masks(folded)
    # (a line set in capitals is read as prose would be written, "ĐẢNG ỦY PHƯỜNG KIM LIÊN KỶ LUẬT 3 ĐẢNG VIÊN" as
    # "Đảng ủy phường Kim Liên kỷ luật 3 đảng viên" (`capitals_as_prose`): its places are known by name, and what it
    # counts reads in lowercase, "95 TUỔI" as "95 tuổi"; the masks read the capitals too, document codes need them)
    prose = capitals_placed(folded)
    scope, whole = article_places(prose, locality)
    if prose is not folded:
        masks += _masks(prose)
    folded = prose
    sent_list = list(sentences(folded))
    # the periods the text names, found in one pass: none is a figure, and those it states (the bases of comparisons
    # aside) are handed to each sentence
    named = list(PERIOD.finditer(folded))
    claims = Claims(masks + [(m.start("period"), m.end("period")) for m in named])
    stated = [(m.start(), m.end(), period_text(m)) for m in stated_periods(folded, named)]
    starts = [a for a, _, _ in stated]
    drafts: list[Draft] = []
    # a period or a district named earlier in the same paragraph still applies ("Đảng bộ huyện Mê Linh có … Năm
    # 2023, huyện đã kỷ luật 21 đảng viên")
    carried, district, previous, led = None, None, None, None
    places_before: set[str] = set()  # the districts, wards and communes named so far
    prose_places: set[str] = set()  # … every one named in prose, not only each sentence's last
    prev_end, listing, stated_any = 0, False, False
    # (where other stories' headlines start: a heading line carries its period and place to the paragraph under it,
    # a related story's headline does not)
    related = {start for start, _ in _related_stories(folded)} if RELATED_LINE.search(folded) else set()
    for idx, (base, sent) in enumerate(sent_list):
        # (the items of a list under a heading line, "Kết quả quý III/2026:\n• Giám sát …\n• Kiểm tra …", "I. KẾT QUẢ
        # NĂM 2026\n1. Kiểm tra: …\n2. Giám sát: …", are of the heading's paragraph)
        new_line = "\n" in folded[prev_end:base]
        # (the sentence before stays the one a sentence points back to across a paragraph's break: "… giám sát 46
        # đảng viên.\n\nQua đó, đã nhắc nhở 2 tổ chức đảng" — pages put a sentence or two in each paragraph)
        if new_line and not (listing and ITEM_LINE.match(folded, base)) \
                and not _goes_on(folded, sent_list, idx, stated_any, related):
            carried, district = None, _lone_place(prose_places, folded, base)
            led = (lead := PARAGRAPH_LEAD.match(folded, base)) and lead["place"]
        elif new_line and (lead := PARAGRAPH_LEAD.match(folded, base)):
            district, led = None, lead["place"]  # (a list's item led by another place: "- Hải Dương: …")
        listing = _lists_on(folded, base, base + len(sent), listing)
        prev_end = base + len(sent)
        mine = [(a - base, p) for a, e, p in stated[bisect_left(starts, base):bisect_left(starts, prev_end)]
                if e <= prev_end]
        # (a clause cut at "; trong đó," from the rest of its sentence is dated by the period that closes it: "… kỷ luật
        # 3 tổ chức đảng và 27 đảng viên; trong đó, … khai trừ 3 trong năm 2026.")
        mine = mine or _closing_period(sent_list, idx, stated, starts)
        period = (mine[0][1] if mine else None) or carried
        # "… nhiệm kỳ 2020-2025, … Trong nhiệm kỳ, toàn Đảng bộ kết nạp …": a term named bare is the last one stated
        # (and the year: "… năm 2026.\nTheo báo cáo, trong năm, Đảng ủy phường đã kiểm tra …")
        if not mine and (bare := BARE_TERM.search(sent) or BARE_YEAR.search(sent)):
            said = "nhiệm kỳ" if bare.re is BARE_TERM else "năm "
            period = next((p for a, _, p in reversed(stated[:bisect_left(starts, base)]) if p.startswith(said)), period)
        carried = period
        named = locality_in(sent)
        # "Đảng ủy phường Văn Miếu - Quốc Tử Giám tổ chức …\nTheo báo cáo, … Đảng ủy phường đã kiểm tra …": a unit
        # pointed to without its name, in a paragraph of its own, is the one place of its rank the text named before
        if not district and len(places_before) == 1 and not (named and named[0] == "district") \
                and UNIT_POINTED.search(sent):
            district = next(iter(places_before))
        ctx = Sentence(text, base, sent, idx, period, sent_list[idx + 1:idx + 1 + FOLLOWING], claims, district or led or scope,
                       previous, led or whole, periods=mine, folded=folded)
        if named and named[0] == "district":
            district = named[1]
            places_before.add(district)
            if "|" not in sent and "\t" not in sent:  # (a table's rows name places of their own)
                prose_places |= districts_in(sent)
        if _has_free_number(sent, base, claims):
            for read in RULES:
                read(ctx)
            _this_figure(ctx, drafts)
        drafts += ctx.out
        previous, stated_any = sent, bool(ctx.out)
    drafts.sort(key=lambda d: d.start)
    _before_the_lone_place(drafts, prose_places, folded, sent_list, scope, whole)
    headings = {d.sentence for d in drafts if _is_heading(folded, sent_list[d.sentence])}
    drafts = _merge_forms(drafts, folded, headings, [base for base, _ in sent_list])
    drafts = _single_forms_listed(drafts, folded)
    _bare_forms(drafts, folded, sent_list)
    _shared_form(drafts, folded)
    _link_sums(drafts, headings, folded)
    _link_sums_told_after(drafts, folded, sent_list)
    _link_subgroups(drafts, folded, sent_list)
    _link_within(drafts, folded, sent_list)
    _link_places(drafts, sent_list)
    _forms_of_parts(drafts)
    with_year = _years_of_spans([p for _, _, p in stated])
    for d in drafts:
        d.period = with_year(d.period)
    _one_period(drafts, [with_year(p) for a, e, p in stated if not _planned(folded, a, e)], published,
                [FUTURE.search(sent) is not None for _, sent in sent_list])
    return _freeze(text, drafts, published)


def _goes_on(folded: str, sent_list: list, idx: int, stated_any: bool, related: set[int]) -> bool:
    """Whether the paragraph sentence `idx` opens goes on with the period and the place of the one before: when it
    opens by pointing back ("Qua kiểm tra, …", "Trong đó, …") or on what the one before counted ("Có 6 đảng viên bị kỷ
    luật …"), or speaks of "đợt này"; when it answers a question ("- Kế hoạch năm 2027 của phường thế nào?\n\n- Phường
    sẽ kiểm tra ít nhất 10 chi bộ."); when a section's heading line stands above it ("II. PHƯƠNG HƯỚNG NĂM 2027\nKiểm
    tra 10 chi bộ …") — not the article's title, a related story's headline or a line that stated figures."""
    base, sent = sent_list[idx]
    before = sent_list[idx - 1] if idx else None
    return bool(GOES_ON.match(folded, base) or DESCRIBES.match(folded, base) or POINTS_BACK.search(sent)
                or before and before[1].rstrip().endswith("?")
                or idx > 1 and not stated_any and _is_heading(folded, before) and before[0] not in related)


DIGIT_RUN = re.compile(r"\d+")
# (a count in words, of the words `numbers` reads: "năm" is a year far more often, "năm 2026", "năm qua", "năm nay",
# and "tư", "mốt" words of their own — "đầu tư", "ngày mốt")
_COUNT_WORDS = sorted({*UNIT_WORDS, "mười", "mươi", "trăm", *WORD_SCALE} - {"năm", "tư", "mốt"}, key=len, reverse=True)
NUMBER_WORD = re.compile(rf"(?<!\w)(?:{'|'.join(_COUNT_WORDS)}|năm(?!\s+(?:\d|nay|qua|trước|tới|sau|đó|này|học|\w+\s+\d)))"
                         r"(?!\w)", re.I)


def _has_free_number(sent: str, base: int, claims: Claims) -> bool:
    """Whether the sentence holds a number no mask has claimed (a date's, a year's, a code's): one in words, or a
    run of digits. A sentence without one states no figure, and the rules are not tried on it."""
    return bool(NUMBER_WORD.search(sent)) or any(claims.free(base + m.start(), base + m.end()) for m in DIGIT_RUN.finditer(sent))


def _lone_place(named: set[str], folded: str, base: int) -> str | None:
    """"Đảng ủy phường Phú Diễn đã kiểm tra 8 chi bộ.\n\nBan Thường vụ giám sát 21 đảng viên.": a text that has
    named one district, ward or commune only, and never the whole city or province, goes on about it in its later
    paragraphs."""
    if len(named) != 1 or WHOLE_SAID.search(folded, 0, base):
        return None
    return next(iter(named))


# the body a place names, right before its name ("Đảng ủy phường Bồ Đề", "Quận ủy Long Biên")
PLACE_BODY_BEFORE = re.compile(rf"(?:(?:Đảng ủy|Đảng bộ|UBND|Ủy ban nhân dân)\s+)?{LOCAL_UNIT}\s+$"
                               r"|(?:Quận|Huyện|Thị) ủy\s+$"
                               r"|(?<!\w)(?:Q|P|H|TX)\.\s?$")  # (abbreviated: "… của H. Thạch Thất")
OTHER_BODY = re.compile(r"(?i:ủy|thành phố|tỉnh|đảng bộ)|UBKT|UBND|BTV|BCH")  # (a body abbreviated is one too)


def _before_the_lone_place(drafts: list[Draft], named: set[str], folded: str, sent_list: list, scope: str | None,
                           whole: str) -> None:
    """"Qua kiểm tra … tại 45 chi bộ, Đảng ủy phường Bồ Đề yêu cầu 3 chi bộ …": in a text that names one district,
    ward or commune only, and neither the whole city or province nor Hà Nội by name, the figures told before the
    place's body in the sentence that first names it are of that place — when no other body acts before it ("Các cấp
    ủy đã giám sát 1.240 đảng viên, Huyện ủy Mê Linh giám sát 46 …" are two bodies' figures)."""
    if len(named) != 1 or scope != "Hà Nội" or whole != "Hà Nội" or "Hà Nội" in folded or WHOLE_SAID.search(folded):
        return
    lone = next(iter(named))
    at = folded.find(lone)
    body = PLACE_BODY_BEFORE.search(folded, max(0, at - 40), at) if at >= 0 else None
    if body is None:
        return
    sentence = next((i for i, (base, sent) in enumerate(sent_list) if base <= at < base + len(sent)), None)
    if sentence is None or OTHER_BODY.search(folded, sent_list[sentence][0], body.start()):
        return
    for d in drafts:
        if d.sentence == sentence and d.end <= body.start() and d.scope == scope:
            d.scope = lone


# the sentences after each one a rule may read on into (a list of forms set a line each: "Khiển trách: 4\nCảnh cáo: 2…")
FOLLOWING = 6
# the year the text is about, named without its number ("Trong năm, …", "trong năm qua,"; not "trong năm nay", "trong
# năm tới", "trong năm 2027")
BARE_YEAR = re.compile(r"(?<!\w)[Tt]rong\s+năm(?:\s+(?:vừa\s+)?qua)?(?=\s*[,;:])")
# a district, ward or commune, or its committee, named without its name: "Đảng ủy phường đã …", "Huyện ủy đã …"
# — or the unit's noun alone opening the sentence: "Huyện cũng đã thi hành kỷ luật …"
UNIT_POINTED = re.compile(rf"(?<!\w)(?:(?:Đảng ủy|Đảng bộ|UBND|Ủy ban nhân dân|toàn)\s+{LOCAL_UNIT}"
                          r"|(?:Quận|Huyện|Thị) ủy)(?![^\S\n]*(?:-[^\S\n]*)?[A-ZĐ\d])(?!\w)"
                          r"|^\s*(?:Quận|Huyện|Phường|Xã)(?=\s+(?:cũng|đã|đang|tiếp tục|còn|vẫn|luôn|đồng thời)(?!\w))")
# the term the text is about, named without its years ("trong nhiệm kỳ", "nhiệm kỳ qua"; not a new or the next one)
BARE_TERM = re.compile(r"(?<!\w)(?:(?:trong|cả|suốt)\s+nhiệm kỳ(?:\s+(?:vừa\s+)?qua|\s+này)?|nhiệm kỳ\s+(?:vừa\s+)?qua)"
                       r"(?!\s*[-–]?\s*(?:19|20)\d{2})(?!\s+(?:mới|tới|sau|trước|đầu|kế tiếp))(?!\w)", re.I)


def _lists_on(folded: str, start: int, end: int, listing: bool) -> bool:
    """Whether the items of a list opened by a heading go on after the sentence folded[start:end]: each line it begins
    is judged whole (a line that opens items starts a list, an item line keeps it going, any other line ends it)."""
    at = folded.rfind("\n", 0, start) + 1
    judged = bool(folded[at:start].strip())  # (a line begun by an earlier sentence was judged then)
    while at < end:
        stop = folded.find("\n", at)
        stop = len(folded) if stop < 0 else stop
        line = folded[at:stop]
        if not judged and line.strip():  # (blank lines between a heading and its items change nothing)
            listing = listing if ITEM_LINE.match(line) else OPENS_ITEMS.fullmatch(line) is not None
        judged, at = False, stop + 1
    return listing


# a list item's line: a bullet, or a number or letter that numbers it ("1. …", "2.1. …", "a) …")
# a line that opens items: one that ends with a colon, or a heading (short, with no stop at its end: "I. KẾT QUẢ ĐẠT
# ĐƯỢC NĂM 2026", "Kết quả nổi bật")
OPENS_ITEMS = re.compile(r"[^\n]*:\s*|\s*[^\n]{3,100}?(?<![.;!?…])\s*")


# "Năm 2025, con số này là 265": the figure just before, told again for another period (or place)
THIS_FIGURE = re.compile(rf"(?<!\w)(?:con số|số liệu|số lượng) (?:này|đó|trên|tương ứng)(?:\s+(?:chỉ|mới|đã|cũng))?\s+"
                         rf"(?:là|ở mức|đạt|lên tới|lên đến)\s+{QNUM}(?!\w)(?![.,]?\d)(?!\s*[%/])", re.I)


def _this_figure(ctx: Sentence, drafts: list[Draft]) -> None:
    if "con số" not in ctx.s and "số liệu" not in ctx.s and "số lượng" not in ctx.s:
        return
    for m in THIS_FIGURE.finditer(ctx.s):
        earlier = [d for d in drafts if d.sentence >= ctx.index - 1] + \
            [d for d in ctx.out if d.start < ctx.base + m.start()]
        ref = next((d for d in reversed(earlier) if d.kind in ADDITIVE and d.value is not None and d.total is None),
                   None)
        if ref is None or not ctx.free(m.start("n"), m.end("n")):
            continue
        try:
            value = parse_number(m["n"])
        except ValueError:
            continue
        ctx.emit(ref.kind, m.start(), m.end(), value, unit=ref.unit, subject=ref.subject,
                 subject_class=ref.subject_class, scope=ref.scope, qualifier=qualifier_of(m["q"]))


# "… 12 đảng viên và 1 tổ chức đảng. Đảng viên bị khiển trách 8, …; tổ chức đảng bị khiển trách.": a subject and its
# form with no count, right after a total of that subject, is the form of the whole total
# (found by its form, which starts with "bị", then its subject looked for just before: the text is searched once)
# (its period may close it: "… đều bị cảnh cáo trong năm 2026.")
BARE_FORM = re.compile(rf"(?<!\w)bị\s+(?:kỷ luật\s+)?(?:(?:bằng\s+)?hình thức\s+)?(?P<form>{FORM})(?=\s*(?:[.;,]|$)|{PERIOD_AFTER})",
                       re.I | re.M)
# ("…; các tổ chức đảng đều bị khiển trách": the subject may be said with "các / những / tất cả các")
BARE_SUBJECT = re.compile(rf"(?:^|[;.:\n])\s*(?:(?:tất cả\s+)?(?:các|những)\s+)?(?P<subj>{ORG_SUBJECT}|đảng viên)\s+"
                          r"(?:(?:này|đó|trên|nói trên)\s+)?(?:(?:đều|cùng)\s+)?$", re.I)


def _bare_forms(drafts: list[Draft], folded: str, sent_list: list) -> None:
    if "bị" not in folded:
        return
    starts = [b for b, _ in sent_list]
    for m in BARE_FORM.finditer(folded):
        said = BARE_SUBJECT.search(folded, max(0, m.start() - 40), m.start())
        if said is None:
            continue
        kind = "discipline_party_orgs" if re.fullmatch(ORG_SUBJECT, said["subj"], re.I) else "discipline_party_members"
        at = bisect_right(starts, m.start()) - 1
        total = next((d for d in reversed(drafts) if d.start < m.start() and d.kind == kind), None)
        if (total is not None and total.total is None and not total.breakdown and total.value
                and float(total.value).is_integer() and at - total.sentence <= 1):
            total.breakdown = {m["form"].lower(): int(total.value)}
            total.breakdown_complete = True


# "kỷ luật 1 chi bộ và 2 đảng viên, đều bằng hình thức khiển trách": one form said once for totals coordinated before it
# — or right after the last count: "kỷ luật 2 tổ chức đảng và 5 đảng viên bằng hình thức khiển trách"
SHARED_FORM = re.compile(r",\s*(?:đều|cùng)\s", re.I)
FORM_SAID_AFTER = re.compile(r"\d[\d.]*\s+[^\d,;()]{1,40}?\s(?:bằng|với)\s+hình thức\s", re.I)
COORDINATED = re.compile(r"\s*(?:,|và)\s*")
# (a word or two may end the total's unit first: "3 bí thư chi bộ thôn và …")
# (— or another body's act after "và": "kỷ luật 2 sĩ quan và Đảng ủy Viện Kiểm sát khiển trách 1 kiểm sát viên")
# (— or after a semicolon, by a body named: "kỷ luật 3 đảng viên; Đảng ủy Sở Y tế khiển trách 2 đảng viên")
# (what the first total's counted did may come before the semicolon: "3 giáo viên là đảng viên vi phạm quy định về dạy thêm;")
AND_FORM = re.compile(rf"(?:(?:\s+[^\W\d_]+){{0,3}}?\s*,?\s*và\s+(?:[{UPPER}][^\d,;.()\n]{{2,80}}?\s+)?"
                      rf"|(?:\s+[^\W\d_]+){{0,12}}?\s*;\s*(?:và\s+)?[{UPPER}][^\d,;.()\n]{{2,80}}?\s+)"
                      r"(?:(?:đã|đề nghị|quyết định)\s+)?")


def _shared_form(drafts: list[Draft], folded: str) -> None:
    for before, after in zip(drafts, drafts[1:], strict=False):
        if before.kind in DISCIPLINE_KINDS and after.kind in DISCIPLINE_KINDS and not before.breakdown \
                and before.value and float(before.value).is_integer() and after.breakdown and len(after.breakdown) == 1 \
                and after.breakdown_complete and COORDINATED.fullmatch(folded, before.end, after.start) \
                and (SHARED_FORM.search(folded, after.start, after.end) or FORM_SAID_AFTER.match(folded, after.start, after.end)):
            before.breakdown = {next(iter(after.breakdown)): int(before.value)}
            before.breakdown_complete = True


def _is_heading(folded: str, sent: tuple[int, str]) -> bool:
    """A line of its own, short and without a full stop: a heading or a title, whose total the body breaks down."""
    base, s = sent
    line_start = folded.rfind("\n", 0, base) + 1
    line_end = folded.find("\n", base)
    line = folded[line_start:len(folded) if line_end < 0 else line_end].strip()
    return line == s.strip() and len(line) <= 160 and not line.endswith((".", ";", ":"))


def _is_forms(d: Draft) -> bool:
    """A list of forms read without its total ("khiển trách 20; cảnh cáo 8 …"), or one form read as its own
    total ("hình thức khai trừ 11 trường hợp": value = the form's count)."""
    return d.kind in DISCIPLINE_KINDS and bool(d.breakdown) and d.total is None and (
        d.value is None or (len(d.breakdown) == 1 and sum(d.breakdown.values()) == d.value))


def _rest_of_forms(drafts: list[Draft], folded: str) -> set[int]:
    """"Trong 32 đảng viên bị kỷ luật, có 20 đồng chí bị khiển trách. Số bị cảnh cáo là 8; cách chức 1 và khai trừ
    3": the forms read apart in the next sentence are the rest of a total's incomplete breakdown when they are other
    forms and make up the total exactly. Returns the drafts taken in."""
    taken: set[int] = set()
    for i, total in enumerate(drafts):
        if not (total.kind in DISCIPLINE_KINDS and total.breakdown and not total.breakdown_complete
                and total.value is not None and total.total is None):
            continue
        # (the next sentence, or the next two when each tells one form: "Trong đó, 12 đồng chí bị khiển trách. 3 đồng
        # chí bị cảnh cáo.")
        rest = [d for d in drafts[i + 1:] if d.kind == total.kind and 0 < d.sentence - total.sentence <= 2]
        if not rest or not all(_is_forms(d) and d.period in (None, total.period) for d in rest):
            continue
        # (not a body's own decision in a paragraph after: "…\n\nBan Thường vụ Thành ủy quyết định thi hành kỷ luật
        # bằng hình thức cách chức … đối với 2 đảng viên")
        if any("\n\n" in folded[total.end:d.start]
               and OWN_DECISION.search(folded, folded.rfind("\n", 0, d.start) + 1, d.end) for d in rest):
            continue
        forms = dict(total.breakdown)
        for d in rest:
            if set(forms) & set(d.breakdown):
                break
            forms.update(d.breakdown)
        else:
            if sum(forms.values()) == total.value:
                total.breakdown, total.breakdown_complete = forms, True
                taken |= {id(d) for d in rest}
    return taken


def _takes(total: Draft, forms: Draft, exact: bool, labelled: bool = False, heading: bool = False) -> bool:
    """Whether `total` can take the forms read apart from it: same subject, period (or none said — a headline's
    total, which says none, takes forms of the period its body states: "Lạng Sơn kỷ luật 73 đảng viên trong 9 tháng"),
    no forms of its own, their sum within it (equal to it when `exact`), and not a single form the size of the total
    itself — unless a label says whose forms these are ("Về tổ chức đảng: khiển trách 2 chi bộ")."""
    listed = sum(forms.breakdown.values())
    return (total.kind == forms.kind and total.value is not None and not total.breakdown and total.total is None
            and (forms.period in (None, total.period) or heading and total.period is None)
            and (total.value == listed if exact else total.value >= listed)
            and (labelled or not (forms.value is not None and total.value == listed)))


# "… 2 tổ chức đảng và 10 đảng viên. Về tổ chức đảng: khiển trách 2 chi bộ. Về đảng viên: …"
# — and "Đối với tổ chức đảng, cả 2 trường hợp đều bị khiển trách"
LABELLED = re.compile(rf"(?:^|[\n.;]\s*){SUBJECT_LABEL}\s*(?:(?:tất\s+)?cả\s+)?$", re.I)


WITHIN = re.compile(r"(?<!\w)(?:trong (?:số )?đó|cụ thể)(?!\w)", re.I)


def _points_back(folded: str, starts: list[int], group: Draft) -> bool:
    """Whether a count is a group inside a total told before it: its sentence (starting at `starts`) points back
    ("Trong số này có 31 người …"), or the group is named after it ("… 8 đồng chí là cấp ủy viên")."""
    return bool(BACK_REFERENCE.match(folded, starts[group.sentence])
                or COMMITTEE_AFTER.match(folded, group.end))


# "Hình thức khai trừ được áp dụng với 74 người": a sentence about the form itself is about a total's form
FORM_NOUN_OPENING = re.compile(r"\s*(?:[-+•*–]\s*)?(?:về\s+)?hình thức\s", re.I)


def _closing_period(sent_list: list[tuple[int, str]], idx: int, stated: list[tuple[int, int, str]],
                    starts: list[int]) -> list[tuple[int, str]]:
    """The period the clause after sentence `idx` ends on, right before its full stop, when `idx` was cut from it
    at a semicolon."""
    if not sent_list[idx][1].rstrip().endswith(";") or idx + 1 == len(sent_list):
        return []
    base, text = sent_list[idx + 1]
    end = base + len(text.rstrip().rstrip("."))
    last = stated[bisect_left(starts, base):bisect_left(starts, end)]
    return [(0, last[-1][2])] if last and last[-1][1] == end else []


def _merge_forms(drafts: list[Draft], folded: str, headings: set[int], starts: list[int]) -> list[Draft]:
    """Forms read apart from their total join it: the total of the same subject and period in the same sentence or
    the one before ("… kỷ luật 31 đảng viên:\n- Khiển trách: 20 …", "… là 52, tăng 6 …; hình thức khai trừ 11
    trường hợp"), when their sum fits in it — or a headline's total, however far down the body its forms are told,
    when they add up to it; or the total right after them when they add up to it exactly
    ("Khiển trách 41, cảnh cáo 17 … là kết quả xử lý 70 đảng viên"). A total that has its own forms keeps them, and
    one form that stands as a total of its own next to another ("2 tổ chức bị khiển trách và 1 … cảnh cáo") stays."""
    merged = _forms_runs_before_their_total(drafts, folded) | _forms_runs_after_their_total(drafts, folded) | _rest_of_forms(drafts, folded)
    grown: dict[int, int] = {}  # id of a total that took forms here → the sentence they were in
    for i, forms in enumerate(drafts):
        if not _is_forms(forms) or id(forms) in merged:
            continue
        before = [t for t in drafts[:i] if id(t) not in merged]
        prev, told = _total_before(before, forms, folded, starts)
        if prev is not None and _grows(prev, forms, grown, folded):
            prev.breakdown = {**prev.breakdown, **forms.breakdown}
            prev.breakdown_complete = sum(prev.breakdown.values()) == prev.value
            merged.add(id(forms))
            grown[id(prev)] = forms.sentence
            continue
        target = _total_of_forms(drafts, i, before, prev, told, folded, headings, starts)
        if target is None:
            continue
        _give_forms(target, forms, folded)
        merged.add(id(forms))
        grown[id(target)] = forms.sentence
    return [d for d in drafts if id(d) not in merged]


# what joins the items of one list: a comma or a semicolon, "và" only closing it (two pairs joined by "và" alone are
# two statements, CONVENTIONS.md)
LIST_JOIN = re.compile(r"\s*[,;]\s*(?:và\s+)?")


def _single_forms_listed(drafts: list[Draft], folded: str) -> list[Draft]:
    """"Có 12 đảng viên bị kỷ luật với hình thức khiển trách, 3 đảng viên với hình thức cảnh cáo": single forms of one
    subject, each with its own count, listed in one sentence with no total to join are one list of forms with no
    stated total (value null), as "khiển trách 12 đảng viên, cảnh cáo 3 đảng viên" is."""
    out: list[Draft] = []
    for d in drafts:
        last = out[-1] if out else None
        if last is not None and _is_forms(d) and d.value is not None and _is_forms(last) \
                and d.kind == last.kind and d.sentence == last.sentence and d.subject_class == last.subject_class \
                and (last.value is not None or last.start < d.start) and not set(d.breakdown) & set(last.breakdown) \
                and LIST_JOIN.fullmatch(folded, last.end, d.start) and (last.value is None or "và" not in folded[last.end:d.start]):
            last.value, last.breakdown_complete = None, False
            last.breakdown = {**last.breakdown, **d.breakdown}
            last.end = d.end
            continue
        out.append(d)
    return out


def _total_before(before: list[Draft], forms: Draft, folded: str, starts: list[int]) -> tuple[Draft | None, int]:
    """The last total of the forms' subject told before them, and the sentence their distance from it counts from."""
    single = forms.value is not None
    # (past a group inside the total, told in a sentence that points back to it: "… kỷ luật 597 người. Trong số
    # này có 31 người là cấp ủy viên. Hình thức khai trừ được áp dụng với 74 người.")
    prev = next((t for t in reversed(before) if t.kind == forms.kind and t.total is None
                 and not (single and t.sentence < forms.sentence and _points_back(folded, starts, t))), None)
    if prev is None:
        return None, 0
    # (the forms' distance from the total is counted from the last group inside it told between: "… kỷ luật 597
    # người. Trong số này có 31 người là cấp ủy viên. Hình thức khai trừ được áp dụng với 74 người.")
    told = max([prev.sentence] + [g.sentence for g in before if g.sentence < forms.sentence and (
        g.total is prev or single and g.total is None and g is not prev and g.kind in (forms.kind, "count")
        and g.sentence > prev.sentence and _points_back(folded, starts, g))])
    return prev, told


def _said_as_befallen(folded: str, forms: Draft) -> bool:
    """Whether the forms are told of those they befell, with "bị" ("Có 12 người bị cách chức") — the "bị" of the forms'
    own line: not one ending the paragraph before, "Đảng viên bị kỷ luật\n57\n\nKhai trừ 5 …"."""
    return "bị " in folded[max(folded.rfind("\n", 0, forms.start) + 1, forms.start - 30):forms.end]


def _grows(prev: Draft, forms: Draft, grown: dict[int, int], folded: str) -> bool:
    """"… 21 đảng viên. Các hình thức gồm 14 trường hợp khiển trách, 5 trường hợp cảnh cáo…": whether the forms are
    the next of the list that gave the total its first ones (they join them while they fit) — or on the list's next
    bulleted line ("Hình thức kỷ luật:\n+ 26 khai trừ\n+ 15 cách chức\n+ 11 cảnh cáo")."""
    bulleted = ITEM_LINE.match(folded, folded.rfind("\n", 0, forms.start) + 1) is not None
    return bool(prev.breakdown and prev.value and not prev.breakdown_complete
                and (grown.get(id(prev)) == forms.sentence
                     # (one form a sentence: "… khai trừ được áp dụng với 74 người. Có 12 người bị cách chức." — of
                     # those it befell: "Ban Thường vụ … khiển trách 3 cá nhân" is a statement of its own)
                     or forms.value is not None and forms.sentence - grown.get(id(prev), -9) == 1
                     and _said_as_befallen(folded, forms)
                     or bulleted and 0 < forms.sentence - grown.get(id(prev), prev.sentence + 1) <= 1)
                and not set(prev.breakdown) & set(forms.breakdown)
                # (of the total's period: "… 42 đảng viên bị kỷ luật, … cách chức 3, khai trừ 6.\n… năm 2025 có 1
                # đảng viên bị khiển trách" tells another year's)
                and forms.period in (None, prev.period)
                and sum(prev.breakdown.values()) + sum(forms.breakdown.values()) <= prev.value)


# a paragraph's lead that says where or when its own statement is: "Tại huyện Mỹ Đức, …", "Năm 2026 …", "Trong quý
# IV/2026, …"
OWN_LEAD = re.compile(rf"[\s\"“]*(?:(?:Tại|Ở)\s+(?:(?:{LOCAL_UNIT}|tỉnh|thành phố)\s+|{DISTRICT_ABBREVIATED}\s?)[{UPPER}]"
                      r"|(?:Trong\s+)?(?:[Nn]ăm|[Qq]uý|[Tt]háng)\s+[\dIVX])")


def _not_before_its_total(drafts: list[Draft], prev: Draft, forms: Draft, folded: str, befell: bool,
                          labelled: bool) -> bool:
    """Whether the forms told after `prev` are a statement of their own, not its breakdown."""
    single = forms.value is not None
    # (one form with its own count, "Đảng ủy xã đã đề nghị khai trừ hai đảng viên", is a statement of its own
    # in a paragraph of its own — not those the form befell, "Có 5 trường hợp bị khai trừ", "Số đảng viên bị
    # khai trừ là 118 người", told in the paragraph after their total)
    if single and not labelled and "\n" in folded[prev.end:forms.start] and not befell:
        return True
    # (nor, past a blank line, one form with its count in a paragraph that opens on a place or a period of its own:
    # "Tại huyện Mỹ Đức, năm 2026 có 6 đảng viên bị kỷ luật, đều bằng hình thức khiển trách" tells its own statement)
    if single and "\n\n" in folded[prev.end:forms.start] \
            and OWN_LEAD.match(folded, folded.rfind("\n", 0, forms.start) + 1) is not None:
        return True
    # (nor forms in a sentence that opens on a total of its own, "Trong số 12 đảng viên bị xử lý hình sự, có 4 người
    # đã bị khai trừ": they befell some of that one)
    if any(d is not prev and d.sentence == forms.sentence and prev.end <= d.start < forms.start
           and TOTAL_AS_TOPIC.search(folded, max(0, d.start - 20), d.start) for d in drafts):
        return True
    # (nor a count coordinated right after the total, its form said after it: "kỷ luật 2 chi bộ và 1 đảng ủy bằng
    # hình thức khiển trách" are two totals, the form said once for both — see _shared_form)
    if single and COORDINATED.fullmatch(folded, prev.end, forms.start) and FORM_SAID_AFTER.match(folded, forms.start, forms.end):
        return True
    # (nor forms opening on their own act right after the total and "và": "kỷ luật 3 bí thư chi bộ và khiển
    # trách 2 đảng ủy viên, cảnh cáo 1 chi ủy viên" disciplines others, even when the counts add up — also when
    # another body does it)
    if AND_FORM.fullmatch(folded, prev.end, forms.start) and FORM_RE.match(folded, forms.start):
        return True
    # (nor, past a blank line, one of two or more forms each told with its own count in one sentence: "Có 12 đảng
    # viên bị kỷ luật khiển trách và 3 đảng viên bị kỷ luật cảnh cáo …" are statements of their own)
    return single and "\n\n" in folded[prev.end:forms.start] and any(
        d is not forms and d.sentence == forms.sentence and _is_forms(d) and d.value is not None for d in drafts)


def _total_of_forms(drafts: list[Draft], i: int, before: list[Draft], prev: Draft | None, told: int, folded: str,
                    headings: set[int], starts: list[int]) -> Draft | None:
    """The total the forms `drafts[i]` read apart from it are the breakdown of, if any."""
    forms = drafts[i]
    single = forms.value is not None
    # a list that adds up to a total exactly may come a few sentences after it, past the other subject's list
    # ("… 2 tổ chức đảng và 58 đảng viên. Tổ chức đảng bị kỷ luật: … Đảng viên bị kỷ luật: khiển trách 39, …")
    # (— or a marker says they are the total's, "… 1 tổ chức đảng và 8 đảng viên; trong đó khiển trách 1 tổ chức
    # đảng, …": a single form the size of the total is then its)
    labelled = bool(LABELLED.search(folded, max(0, forms.start - 40), forms.start)
                    or prev is not None and forms.sentence - prev.sentence <= 1 and "\n" not in folded[prev.end:forms.start]
                    and WITHIN.search(folded, prev.end, forms.start))
    befell = _said_as_befallen(folded, forms) or FORM_NOUN_OPENING.match(folded, starts[forms.sentence]) is not None
    if prev is not None and _not_before_its_total(drafts, prev, forms, folded, befell, labelled):
        prev = None
    # (past a blank line, a list of forms is another paragraph's statement unless it adds up to the total — or
    # unless its paragraph opens on those the total counted, "Có 7 trường hợp khiển trách, …", "Trong đó, …")
    near = prev is not None and ("\n\n" not in folded[prev.end:forms.start] or befell
                                 or DESCRIBES.match(folded, folded.rfind("\n", 0, forms.start) + 1) is not None)
    # (a line between with no figure of its own, "Xem thêm: …", keeps them next to each other)
    if prev is not None and ((forms.sentence - told <= 1 or forms.sentence - told <= 3
                              and not any(told < d.sentence < forms.sentence for d in drafts))
                             and _takes(prev, forms, exact=not near)
                             or (forms.sentence - prev.sentence <= 3 or prev.sentence in headings)
                             and _takes(prev, forms, True, labelled, heading=prev.sentence in headings)):
        return prev
    # "… kỷ luật 58 đảng viên. … có 14 đồng chí là cấp ủy viên. Về hình thức, khiển trách 35 trường hợp, …": past
    # a group inside the total, the forms that add up to the total exactly are its
    if prev is not None and (larger := next(
            (t for t in reversed(before) if t is not prev and t.kind == forms.kind and t.total is None
             and t.value and prev.value and t.value > prev.value and forms.sentence - t.sentence <= 3
             and _takes(t, forms, True)), None)):
        return larger
    if not single:
        nxt = next((t for t in drafts[i + 1:] if t.kind == forms.kind), None)
        if nxt is not None and nxt.sentence - forms.sentence <= 1 and "\n\n" not in folded[forms.end:nxt.start] \
                and _takes(nxt, forms, exact=True):
            return nxt
    return None


def _give_forms(target: Draft, forms: Draft, folded: str) -> None:
    """The forms become the total's breakdown."""
    listed = sum(forms.breakdown.values())
    target.breakdown = dict(forms.breakdown)
    target.breakdown_complete = listed == target.value
    # "… 8 đảng viên, phần lớn bằng hình thức khiển trách (6 trường hợp), còn lại là cảnh cáo": a form named
    # after them with no count takes what they leave of the total
    if target.value and listed < target.value and (rest := REMAINDER.match(folded, forms.end)) \
            and rest["form"].lower() not in target.breakdown:
        target.breakdown[rest["form"].lower()] = int(target.value - listed)
        target.breakdown_complete = True


# (or a form decided at once: "Ban Thường vụ Tỉnh ủy quyết định cách tất cả các chức vụ …", "… quyết định khai trừ …")
OWN_DECISION = re.compile(rf"(?<!bị )(?:(?:quyết định|đã)\s+(?:thi hành\s+|xử lý\s+)?kỷ luật|quyết định\s+(?:{FORM}|cách\s))", re.I)


def _forms_runs_after_their_total(drafts: list[Draft], folded: str) -> set[int]:
    """Forms read one by one in the sentence after a total, or later in its own ("… kỷ luật 36 đảng viên. Số đảng
    viên bị khai trừ là 6 đồng chí, bị cảnh cáo 9 đồng chí và khiển trách 21 đồng chí"), that add up exactly to it
    are its breakdown. Returns the drafts taken in."""
    taken: set[int] = set()
    for i, total in enumerate(drafts):
        if (total.kind not in DISCIPLINE_KINDS or not total.value or total.breakdown or total.total is not None
                or id(total) in taken):
            continue
        run: list[Draft] = []
        for d in drafts[i + 1:]:
            if d.kind != total.kind:
                continue
            # (forms of another period, "Quý I/2027, … hai đảng viên bị khiển trách và một …", are not its)
            if not _is_forms(d) or d.sentence - total.sentence > 1 or (run and d.sentence != run[0].sentence) \
                    or d.period not in (None, total.period):
                break
            run.append(d)
        # (nor forms a body of its own decides in a paragraph after: "…\n\nTại kỳ họp, Ủy ban Kiểm tra Trung ương
        # quyết định thi hành kỷ luật … khai trừ 3 đảng viên và cách chức … 1 đảng viên")
        if run and run[0].sentence > total.sentence and _statement_apart(total, run[0], folded):
            continue
        if _adopt(total, run):
            taken.update(id(d) for d in run)
    return taken


def _adopt(total: Draft, run: list[Draft]) -> bool:
    """A run of two or more forms read apart, each form once, that adds up exactly to `total` becomes its
    breakdown. Returns whether it did."""
    forms = [f for d in run for f in d.breakdown or {}]
    if len(run) < 2 or len(set(forms)) != len(forms) or total.value != sum(v for d in run for v in d.breakdown.values()):
        return False
    total.breakdown = {f: v for d in run for f, v in d.breakdown.items()}
    total.breakdown_complete = True
    return True


def _forms_runs_before_their_total(drafts: list[Draft], folded: str) -> set[int]:
    """Forms read as separate figures in one sentence ("Với 8 trường hợp khiển trách và 3 trường hợp cảnh cáo, tổng
    số đảng viên bị kỷ luật … là 11") that add up exactly to the total right after them are that total's breakdown —
    not a total past a blank line, another paragraph's statement however its count falls. Returns the drafts taken
    in."""
    taken: set[int] = set()
    i = 0
    while i < len(drafts):
        run = [drafts[i]]
        while (i + len(run) < len(drafts) and _is_forms(run[0]) and _is_forms(drafts[i + len(run)])
               and drafts[i + len(run)].kind == run[0].kind and drafts[i + len(run)].sentence == run[0].sentence):
            run.append(drafts[i + len(run)])
        nxt = drafts[i + len(run)] if i + len(run) < len(drafts) else None
        if nxt is not None and nxt.kind == run[0].kind and not nxt.breakdown and nxt.total is None \
                and nxt.sentence - run[0].sentence <= 1 and _is_forms(run[0]) \
                and "\n\n" not in folded[run[-1].end:nxt.start] and _adopt(nxt, run):
            taken.update(id(d) for d in run)
        i += len(run)
    return taken


# (… or the outcome of the act on the total: "Qua giải quyết 61 đơn tố cáo, kết luận tố cáo đúng 9 đơn, đúng một
# phần 17 đơn; 35 đơn tố cáo sai")
PART_MARK = re.compile(rf"\b(?:{PARTS_MARK}|kết luận|kết quả)\b|:", re.I)
# … and so does "Trong" before it: "Trong 48 đơn nhận được, … chuyển 30 đơn …, lưu 18 đơn"
AMONG = re.compile(r"(?:^|[,;:]\s*|\n\s*)[Tt]rong\s+(?:(?:tổng\s+)?số\s+)?$")
# (or "Qua" opening the clause that names the total, the rest of the sentence, past its comma, telling what came of
# it: "Qua giải quyết 27 đơn tố cáo, có 9 đơn tố cáo đúng, 7 đơn đúng một phần, 11 đơn tố cáo sai")
FRONTED_TOTAL = re.compile(r"(?:^|[.;:]\s*|\n\s*)(?:[Qq]ua|[Tt]hông qua)\s+[^\W\d][^,;:.\d]{0,30}\s$")
# a bracket right after the total opens its parts too: "4 tổ chức đảng (3 chi bộ, 1 đảng ủy cơ sở)"
BRACKET_AFTER = re.compile(r"\s*\(")
# … and so does an aside right after it that opens on them: "Ba tổ chức đảng, gồm 2 chi bộ và 1 đảng ủy, bị kỷ luật
# khiển trách", "9 đảng viên – trong đó có 2 cấp ủy viên – bị khiển trách"
KINDS_AFTER = re.compile(r"\s*(?:\(|,\s*(?:(?:bao\s+)?gồm|trong (?:số )?đó)\s|[–—-]\s)", re.I)


def _link_sums(drafts: list[Draft], headings: set[int], folded: str) -> None:
    """A run of two or more figures of the total's kind, right after it and within a few sentences (anywhere after
    it when the total is in a heading), that adds up exactly to it, is its parts."""
    for i, total in enumerate(drafts):
        # (a category is one of a list of what was violated, never the sum of the categories told after it; plain
        # counts are never parts, CONVENTIONS.md)
        # (a total with its forms may still be sorted by kind in a bracket right after it: "4 tổ chức đảng (3 chi
        # bộ, 1 đảng ủy cơ sở), gồm khiển trách 3, giải tán 1")
        if total.total is not None or total.kind not in ADDITIVE or not total.value \
                or total.breakdown and not KINDS_AFTER.match(folded, total.end) \
                or total.kind in ("violation_category", "count"):
            continue
        _link_run(total, _parts_after(total, drafts[i + 1:], 10**9 if total.sentence in headings else PART_WINDOW,
                                      folded))


def _parts_after(total: Draft, after: list[Draft], window: int, folded: str) -> Iterator[Draft]:
    """The figures after a total that may be its parts, in order, until one cannot be."""
    found = False
    for d in after:
        if d.sentence > total.sentence + window:
            return
        # in the total's own sentence, figures are its siblings in a list ("đất đai (31), nhiệm vụ (19) và đạo
        # đức (12)") unless a marker opens its parts ("112 tập thể, cá nhân, gồm 50 tập thể và 62 cá nhân")
        if d.kind != total.kind or (d.sentence == total.sentence and not found
                                    and not PART_MARK.search(folded, total.end, d.start)
                                    and not BRACKET_AFTER.match(folded, total.end)
                                    and not AMONG.search(folded, max(0, total.start - 20), total.start)
                                    and not (FRONTED_TOTAL.search(folded, max(0, total.start - 40), total.start)
                                             and "," in folded[total.end:d.start])):
            continue
        if d.total is not None and d.total is not total:
            return
        if d.value is None:
            continue
        # (a part already linked counts towards the sum: "23 đơn, trong đó có 17 đơn thuộc thẩm quyền; … chuyển 6 đơn")
        if d.total is not total and (not _counts_alike(total, d) or not _in_period(total, d)
                                     or window == PART_WINDOW and _statement_apart(total, d, folded)):
            return
        found = True
        yield d


def _statement_apart(total: Draft, d: Draft, folded: str) -> bool:
    """Whether a figure in a paragraph after the total's is a statement of its own: of a period the total did not
    say ("…\n\nQuý I/2027, … hai đảng viên bị khiển trách …"), or a body's own decision ("…\n\nTại kỳ họp, Ủy ban
    Kiểm tra Trung ương quyết định … khai trừ 3 đảng viên …")."""
    if "\n\n" not in folded[total.end:d.start]:
        return False
    return total.period is None and d.period is not None \
        or OWN_DECISION.search(folded, folded.rfind("\n", 0, d.start) + 1, d.end) is not None


def _link_run(total: Draft, candidates) -> None:
    """The candidates in order until they reach the total's value: its parts when two or more add up to it."""
    run, acc = [], 0
    for d in candidates:
        run.append(d)
        acc += d.value
        if acc >= total.value:
            break
    # (counts place by place where the total's own place is one of the places are the places', not its parts: a
    # table of two wards after one ward's total)
    places = {d.scope for d in run}
    if len(run) >= 2 and acc == total.value and not (len(places) > 1 and total.scope in places):
        for d in run:
            d.total = total


# "… Huy hiệu 45 năm tuổi Đảng cho 17 đảng viên và … cho 26 đảng viên. Tổng số đảng viên được trao … là 57": a total
# told after its parts, said to be one
TOTAL_CUE = re.compile(r"(?<!\w)(?:tổng số|tổng cộng|tính chung|tổng)(?!\w)", re.I)


def _link_sums_told_after(drafts: list[Draft], folded: str, sent_list: list) -> None:
    """A total said to be one ("Tổng số …", "Tổng cộng …", "Tính chung …"), in the sentence after a run of two or more
    figures of its kind (or after them in theirs) that adds up exactly to it, has them as its parts."""
    for i, total in enumerate(drafts):
        if total.total is not None or total.kind not in ADDITIVE or not total.value or total.breakdown \
                or not TOTAL_CUE.search(folded, sent_list[total.sentence][0], total.start):
            continue
        _link_run(total, _parts_before(total, drafts[:i]))


def _parts_before(total: Draft, before: list[Draft]) -> Iterator[Draft]:
    """The figures just before a total told after its parts, nearest first, until one cannot be a part."""
    for d in reversed(before):
        if d.sentence < total.sentence - 1 or d.kind != total.kind or d.total is not None or d.value is None \
                or d.breakdown or not _counts_alike(total, d) or not _in_period(total, d):
            return
        yield d


def _in_period(total: Draft, part: Draft) -> bool:
    """A part is of its total's period, or of one inside it (a year of a term), or of none said: a table's 2024 and
    2025 rows are no parts of 2026's total, even when they add up to it."""
    outer, inner = period_key(total.period, None), period_key(part.period, None)
    if outer is None or inner is None or outer == inner:
        return True
    if re.fullmatch(r"\d{4}", outer):  # a quarter or a half of the year
        return inner.startswith(outer)
    span = re.fullmatch(r"(\d{4})-(\d{4})", outer)
    return bool(span) and span[1] <= inner[:4] <= span[2]


def _counts_alike(total: Draft, part: Draft) -> bool:
    """Parts count what their total counts ("58 tập thể, cá nhân" → "20 tập thể, cá nhân", "50 tập thể"): "2 tổ
    chức đảng và 5 đảng viên" after "7 tổ chức đảng" add up to it by chance, they are not its parts."""
    if not total.subject_class or not part.subject_class:
        return True
    parts, whole = set(part.subject_class.split(", ")), set(total.subject_class.split(", "))
    if part.unit == "người" and whole & PEOPLE:
        return True  # ("… cho 64 đảng viên, trong đó … 70 năm cho 3 người": people, whatever the total calls them)
    # (letters settled one case each: "giải quyết 7 đơn khiếu nại kỷ luật đảng: giữ nguyên … 5 trường hợp, …")
    if total.kind == "complaints" and whole == {"đơn thư"} and part.unit == "trường hợp":
        return True
    # (commended "tổ chức cơ sở đảng" are "tập thể" and commended members "cá nhân": "… 28 tổ chức cơ sở đảng và 64
    # đảng viên; tổng cộng 92 tập thể, cá nhân")
    return parts <= whole or {AWARDED_AS.get(c, c) for c in parts} <= whole


PEOPLE = {"đảng viên", "cá nhân", "cấp ủy viên"}
AWARDED_AS = {"tổ chức đảng": "tập thể", "đơn vị": "tập thể", "đảng viên": "cá nhân", "cấp ủy viên": "cá nhân"}


# (", trong đó", "; trong đó" — or what most of them are: "210 đơn thư; nội dung chủ yếu phản ánh về đất đai (96 đơn)")
# a district's, ward's or commune's noun, written out or abbreviated
_PLACE_NOUN = rf"(?:{LOCAL_UNIT}|q\.|h\.|tx\.|p\.)"
# (and one place told apart after a whole city's or province's total: "…; riêng quận Hoàng Mai kỷ luật 31 …")
# (or an aside between dashes that opens on them: "… 40 tập thể, cá nhân — trong đó có 12 chi bộ tiêu biểu — …")
PART_OPENS = re.compile(rf"(?:[,;]|\s[–—-])\s*(?:{WITHIN_MARK}|(?:nội dung\s+)?(?:chủ yếu|phần lớn|đa số)"
                         rf"|(?P<apart>riêng)\s+{_PLACE_NOUN}(?=\s?\w))", re.I)
# ("Trong số 58 đơn tố cáo, có 21 đơn nặc danh": a sentence opening on its total is about it; what it counts after is
# part of it)
TOTAL_AS_TOPIC = re.compile(r"(?<!\w)Trong\s+(?:tổng\s+)?(?:số\s+)?$", re.I)


def _topic_of(total: Draft, d: Draft, folded: str) -> bool:
    """Whether `total` opens its sentence as what it is about ("Trong số 58 đơn tố cáo, …"), `d` a count of it (a
    category's count is of the violations, linked as the categories are)."""
    return d.kind != "violation_category" and TOTAL_AS_TOPIC.search(folded, max(0, total.start - 20), total.start) is not None
WARD_APART = re.compile(r"riêng\s+(?:phường|xã|thị trấn|p\.)", re.I)


DISTRICT_SAID = re.compile(r"(?:(?:huyện|quận|thị) ủy|huyện|quận|thị xã|(?-i:H|Q|TX)\.)\s*", re.I)  # (longest first)


def _holds(total: Draft, apart: str, said: str) -> bool:
    """Whether the place told apart ("Riêng xã Thư Phú …") is within the total's: a whole city's or province's, or
    a district's (named so in its sentence, `said`) that a ward or commune is told apart from."""
    if total.scope in WHOLE_AREAS:
        return True
    if not total.scope or not WARD_APART.search(apart):
        return False
    name, size = total.scope.lower(), len(total.scope)
    return any(said[m.end():m.end() + size].lower() == name and not said[m.end() + size:m.end() + size + 1].isalnum()
               for m in DISTRICT_SAID.finditer(said))


# (a district abbreviated, "tiếp đến là H. Chương Mỹ với 81 …", holds the only stop)
SIBLING_GAP = re.compile(rf"(?:(?!đã\s)(?:(?<=\s)(?-i:{DISTRICT_ABBREVIATED})|[^;.]))*")
# "… kiểm tra 1.120 tổ chức đảng. Trong đó, Ban Thường vụ trực tiếp kiểm tra 14 tổ chức đảng": a sentence that opens
# on "Trong đó" goes on with the total of the sentence before — each of its counts of that act, while they fit in it
# ("Trong đó, quận Long Biên kỷ luật 12 đảng viên, huyện Gia Lâm 9 đảng viên, …")
# (or a label of the examples with the most: "Một số đảng bộ có nhiều đảng viên bị kỷ luật là: …")
# (or one place told apart after the city's or province's total: "Riêng quận Hoàng Mai kỷ luật 31 đảng viên")
# (or most of them: "Phần lớn trong số đó (41 đơn) là đơn tố cáo")
WITHIN_OPENING = re.compile(rf"\s*[\"“(]?(?:(?:(?:phần lớn|đa số|hầu hết|phần nhiều)\s+)?trong (?:đó|số đó|số này)\b|riêng\s+{_PLACE_NOUN}\s?(?=\w)|(?:một số|các|những)\s+(?:đơn vị|đảng bộ|địa phương"
                            r"|cơ sở|quận, huyện|xã, phường)[^.;:\d]{0,60}?(?:nhiều|cao)(?:\s+nhất)?[^.;:\d]{0,30}:)", re.I)


def _link_within(drafts: list[Draft], folded: str, sent_list: list) -> None:
    """"kiểm tra 9.870 tổ chức đảng, …, trong đó Ban Thường vụ trực tiếp kiểm tra 48 tổ chức đảng": after "trong
    đó", a smaller count of the same act and subject, in the same sentence (or the sentence before, when "Trong đó"
    opens the count's), is a part of the total before it."""
    taken: dict[int, float] = {}  # id of a total → the sum of the parts linked to it here
    for i, d in enumerate(drafts):
        # plain counts (members of a cell, "46 đảng viên, trong đó 12 … được miễn sinh hoạt") are left as they are
        if d.total is not None or d.kind not in ADDITIVE or d.kind == "count" or not d.value or d.breakdown:
            continue
        before = [t for t in drafts[:i] if t.kind == d.kind and t.sentence == d.sentence]
        # (of two totals, "2.315 tổ chức đảng và 6.874 đảng viên; trong đó … 41 tổ chức đảng và 236 đảng viên", each
        # part is of the one that counts what it counts)
        if (opening := WITHIN_OPENING.match(folded, sent_list[d.sentence][0])) and all(t.total is not None for t in before):
            total = next((t for t in reversed(drafts[:i]) if t.kind == d.kind and t.sentence == d.sentence - 1
                          and _counts_alike(t, d)), None)
            # (a place told apart, "Riêng quận …", is a part of a whole city's or province's total only)
            if total is not None and opening.group(0).strip(" \"“(").lower().startswith("riêng") \
                    and not _holds(total, opening.group(0), sent_list[total.sentence][1]):
                total = None
            opened = True
        else:
            total, opened = next((t for t in reversed(before) if _counts_alike(t, d)), None), False
            # (a sibling of a part already linked, in the same run: "… (96 đơn), tinh thần, thái độ … (41 đơn)")
            if total is not None and total.total is not None and SIBLING_GAP.fullmatch(folded, total.end, d.start):
                total = total.total
        if (total is not None and total.total is None and total.value
                and taken.get(id(total), 0) + d.value <= total.value and d.value < total.value
                and _counts_alike(total, d) and (opened or _topic_of(total, d, folded)
                                                 or (mark := PART_OPENS.search(folded, total.end, d.start))
                                                 and not (mark["apart"] and not _holds(total, mark.group(0),
                                                                                       sent_list[total.sentence][1])))):
            d.total = total
            taken[id(total)] = taken.get(id(total), 0) + d.value


STATED_YEAR = re.compile(r"\s*/?\s*(?:19|20)\d{2}$")


def _span(period: str) -> str:
    return " ".join(STATED_YEAR.sub("", period).lower().split())


def _years_of_spans(stated: list[str]) -> Callable[[str | None], str | None]:
    """"Ngày 14/7, Tỉnh ủy … sơ kết 6 tháng đầu năm 2026. … 6 tháng đầu năm, cấp ủy các cấp đã kiểm tra …": a period
    said again without its year is the one the article said with it (when it said that span of one year only)."""
    years: dict[str, dict[str, str]] = {}  # span → its year → the period as first said with it
    for period in stated:
        if (year := STATED_YEAR.search(period)) and not STATED_YEAR.search(span := _span(period)) and span != "năm":
            years.setdefault(span, {}).setdefault(year.group(0).strip(" /"), period)

    def with_year(period: str | None) -> str | None:
        if period and not re.search(r"(?:19|20)\d{2}", period) and len(said := years.get(_span(period), {})) == 1:
            return next(iter(said.values()))
        return period
    return with_year


# "tổng kết công tác năm 2026, triển khai nhiệm vụ năm 2027": the period an article plans for is not one it reports
# (and a year a speaker asks something of: "… đề nghị năm 2027 tiếp tục tập trung kiểm tra …")
PLANNED = re.compile(r"(?:triển khai|phương hướng|nhiệm vụ|kế hoạch|chương trình công tác|đề nghị|yêu cầu)"
                     r"(?:,?\s+nhiệm vụ)?(?:\s+trọng tâm)?\s+(?:trong\s+)?$", re.I)


# "Năm 2027, Đảng ủy xã phấn đấu kết nạp 60 đảng viên mới": what is said of a period that is to come
_PLAN_VERBS = r"phấn đấu|sẽ|dự kiến"
PLANNED_AFTER = re.compile(rf"\s*,?(?:\s+[^\s,.;:\d]+){{0,6}}?\s+(?:{_PLAN_VERBS}|đặt mục tiêu)(?!\w)", re.I)


# "Bí thư … đề nghị 15/15 chi bộ hoàn thành chương trình kiểm tra, giám sát năm 2027": a year inside what a speaker
# asks for, however far after the request, unless something between is told done
REQUESTED = re.compile(r"(?<!theo )(?<!của )(?<!các )(?<!đơn )(?:đề nghị|yêu cầu)(?!\w)(?!\s+(?:của|thi hành|xem xét))"
                       r"(?:(?!\bđã\b)[^.!?\n])*$", re.I)


def _planned(folded: str, start: int, end: int) -> bool:
    return bool(PLANNED.search(folded, max(0, start - 40), start) or PLANNED_AFTER.match(folded, end)
                or ("đề nghị" in (before := folded[max(0, start - 200):start].lower()) or "yêu cầu" in before)
                and REQUESTED.search(before) is not None)


# a sentence about what is to come: "Nhiệm kỳ mới, phường phấn đấu kết nạp 200 đảng viên"
FUTURE = re.compile(rf"(?<!\w)(?:nhiệm kỳ (?:mới|tới)|năm (?:tới|sau)|thời gian tới|giai đoạn tới|{_PLAN_VERBS})(?!\w)", re.I)


YEAR_TO_DATE = re.compile(r"từ đầu năm(?:\s+(?P<year>(?:19|20)\d{2}))?(?:\s+(?:đến|tới)\s+nay)?", re.I)


def _one_period(drafts: list[Draft], stated: list[str], published: date | None, future: list[bool]) -> None:
    """"9 tháng năm 2026, … tăng 7,6% …\n\nVề công tác xây dựng Đảng, … kỷ luật 312 đảng viên": an article that states
    one period only (the bases of its comparisons and the period it plans for aside) reports it throughout, so a
    figure of a paragraph that states none is of that period."""
    dated = [p for p in stated if not YEAR_TO_DATE.fullmatch(p)]
    said = {period_key(period, published) for period in dated}
    if len(said) != 1 or None in said:
        return
    # "… sơ kết 11 tháng năm 2026. … từ đầu năm đến nay, Đảng ủy phường đã kiểm tra …": the year to date of a report
    # on the year's first months is those months (not where a sentence sets the two apart: "Quý I/2026, … kết nạp
    # 58 …; từ đầu năm 2026 đến nay, … kỷ luật 6 …"); any other year to date is a period of its own
    first_months = re.fullmatch(r"((?:19|20)\d{2})-(?:M\d\d|Q1|H1)", next(iter(said)))
    if len(dated) < len(stated) and not (first_months and all(
            YEAR_TO_DATE.fullmatch(p)["year"] in (None, first_months[1]) for p in stated if p not in dated)):
        return
    period = dated[0]
    apart = {d.sentence for d in drafts if d.period and not YEAR_TO_DATE.fullmatch(d.period)}
    for d in drafts:
        if d.period is None and not future[d.sentence]:
            d.period = period
        elif d.period and YEAR_TO_DATE.fullmatch(d.period) and d.sentence not in apart:
            d.period = period


WHOLE_AREAS = frozenset((*CITIES, *PROVINCES))


WHOLE_SAID = re.compile(rf"(?<!\w)(?:toàn|cả)\s+(?:{CITY}|tỉnh|thủ đô|đảng bộ)|thành ủy|tỉnh ủy|đảng bộ (?:thành phố|tỉnh)",
                        re.I)


def _link_places(drafts: list[Draft], sent_list: list) -> None:
    """"… toàn thành phố có 486 đảng viên bị kỷ luật. … huyện Sóc Sơn 31, huyện Đông Anh 27, quận Hà Đông 22": two
    or more counts of one act in a sentence, each of its own district or ward, are parts of the city's or province's
    total of that act and period told in the same sentence or the one before, when they fit in it."""
    for sentence in sorted({d.sentence for d in drafts}):
        mine = [d for d in drafts if d.sentence == sentence and d.total is None and d.value and d.kind in ADDITIVE
                and d.kind != "count" and d.scope and d.scope not in WHOLE_AREAS]
        for kind in {d.kind for d in mine}:
            run = [d for d in mine if d.kind == kind]
            if len(run) < 2 or len({d.scope for d in run}) != len(run):
                continue
            total = next((t for t in reversed(drafts) if t.kind == kind and t.start < run[0].start
                          and 0 <= sentence - t.sentence <= 1 and t.total is None and t.value
                          and t.scope in WHOLE_AREAS and (t.period is None or run[0].period in (None, t.period))), None)
            # (the total must say it is the whole's: "toàn thành phố", "Thành ủy", "Đảng bộ tỉnh" …, not a figure
            # whose place goes unsaid — or the text must have said so before it: "Năm 2026, … trong Đảng bộ thành phố
            # Hà Nội đã kiểm tra …. Qua kiểm tra, … thi hành kỷ luật 147 đảng viên")
            if total is not None and not any(WHOLE_SAID.search(s) for _, s in sent_list[:total.sentence + 1]):
                continue
            # (Hà Nội's own districts and wards are no parts of another province's total)
            if total is not None and total.scope != "Hà Nội" and all(d.scope in HANOI_PLACES for d in run):
                continue
            if total is not None and sum(d.value for d in run) <= total.value:
                for d in run:
                    d.total = total


# "… kỷ luật 312 đảng viên. … Số đảng viên bị kỷ luật là cấp ủy viên các cấp 36 đồng chí": committee members are
# a group inside the members disciplined, told in a sentence of their own
COMMITTEE_CUE = re.compile(r"(?:là|có)\s+cấp ủy viên", re.I)
# "… trong số đảng viên bị kỷ luật có 8 đồng chí là cấp ủy viên": the cue after the count
COMMITTEE_AFTER = re.compile(r"[^.;,\d]{0,25}?(?:\s|^)(?:đều\s+)?là\s+cấp ủy viên", re.I)
# "… kỷ luật 64 đảng viên. Trong số này có 11 đồng chí là cấp ủy viên": a sentence that opens by pointing back
BACK_REFERENCE = re.compile(rf"\s*(?:{BULLET}\s*)?(?:đáng chú ý,\s*)?trong (?:số )?(?:này|đó)\b", re.I)


# "… kỷ luật 28 đảng viên. Đáng chú ý, có 3 trường hợp là cán bộ diện …": a sentence that singles out some of them
NOTABLY = re.compile(r"\s*(?:đáng chú ý|nổi bật là)\s*,?\s*(?:có\s+)?(?=\d)", re.I)
# "… kỷ luật 19 đảng viên: … Trong đó có 4 đảng viên là giảng viên": any group the sentence names after "là"
SUBGROUP_AFTER = re.compile(r"\s+(?:đều\s+)?là\s+(?P<what>[^.;:()\d]{2,80}?)\s*(?:[.;]|$)", re.I)


# the group after a count of those disciplined: "6 đảng viên bị kỷ luật là cán bộ thuộc diện …", "9 đồng chí thuộc
# diện Ban Thường vụ Thành ủy quản lý"
GROUP_AFTER = re.compile(r"(?P<passive>\s+(?:đã\s+)?bị\s+(?:thi hành\s+|xử lý\s+)?kỷ luật)?\s+(?:đều\s+)?"
                         r"(?P<what>(?:là|thuộc diện)\s+[^.;:(),\d”\"]{2,80}?)\s*(?:[.;,”\"]|$)"
                         # "…, đều bị cảnh cáo": one form for the whole group
                         rf"(?:\s*(?:đều|cùng)\s+bị\s+(?:hình thức\s+)?(?P<form>{FORM}))?", re.I)
# "… kỷ luật 586 đảng viên. … Đáng chú ý, số cán bộ diện Ban Thường vụ Thành ủy quản lý bị kỷ luật là 14 đồng chí":
# a stated count of a group the members are sorted by
STATED_GROUP = re.compile(r"[Ss]ố\s+(?P<what>(?:cán bộ|cấp ủy viên|người đứng đầu|cán bộ lãnh đạo)[^.;:\d]{0,60}?)"
                          r"\s+(?:đã\s+)?bị\s+(?:thi hành\s+|xử lý\s+)?kỷ luật")
STATED_BETWEEN = re.compile(r"\s*(?:là|có|:)?\s*")


def _stated_group(folded: str, base: int, d: Draft) -> re.Match | None:
    """The group a stated discipline count is of, said right before its number (or quoted with it)."""
    m = STATED_GROUP.match(folded, d.start)
    if m is None:
        m = next((g for g in STATED_GROUP.finditer(folded, base, d.start)
                  if STATED_BETWEEN.fullmatch(folded, g.end(), d.start)), None)
    return m


# a sentence that opens on those disciplined: "Trong số đảng viên bị kỷ luật, …"
POINTS_TO_DISCIPLINED = re.compile(r"\s*[\"“]?\s*(?:Trong số|Trong tổng số)\s+(?:các\s+)?(?:[\d.]+\s+)?"
                                   rf"(?:đảng viên|trường hợp|người|{COMRADE})\s+(?:bị\s+)?(?:thi hành\s+|xử lý\s+)?kỷ luật",
                                   re.I)


def _link_subgroups(drafts: list[Draft], folded: str, sent_list: list) -> None:
    """A discipline count of committee members ("là cấp ủy viên", or counted in "cấp ủy viên") a few sentences
    after a larger members total (its forms may come between), with no total of its own, is a part of that total;
    so is a count of members that points back to the total right before it ("Trong đó có 4 đảng viên là …")."""
    for i, d in enumerate(drafts):
        stated = _stated_group(folded, sent_list[d.sentence][0], d) if d.kind == "discipline_party_members" else None
        if d.total is not None or d.breakdown and not stated or d.value is None:
            continue
        base = sent_list[d.sentence][0]
        group = stated["what"] if stated else None
        # a plain count is one of those disciplined only when its sentence points back to them
        if d.kind == "count" and (BACK_REFERENCE.match(folded, base) or NOTABLY.match(folded, base)) \
                and d.subject_class in (None, "đảng viên") \
                and not COMMITTEE_AFTER.match(folded, d.end) and (after := SUBGROUP_AFTER.match(folded, d.end)) \
                and i and drafts[i - 1].kind == "discipline_party_members" and drafts[i - 1].total is None:
            group = after["what"]
        # "Có 13 trường hợp là cấp ủy viên": cases are those the sentences before counted, even without pointing back
        # (and the members inspected or supervised who sit on committees: "Số đảng viên được giám sát là cấp ủy viên
        # 7 đồng chí")
        # (the cue of this count's own, not of another before it in the sentence)
        elif d.kind in ("inspection", "supervision") and d.subject_class in ("đảng viên", "cấp ủy viên"):
            cue = COMMITTEE_CUE.search(folded, base, d.end)
            if d.subject_class != "cấp ủy viên" and not COMMITTEE_AFTER.match(folded, d.end) \
                    and not (cue and not re.search(r"\d", folded[cue.end():d.start])):
                continue
        elif stated:
            pass
        elif d.kind != "discipline_party_members" and not (
                d.kind == "count" and (BACK_REFERENCE.match(folded, base) or d.unit == "trường hợp")
                and COMMITTEE_AFTER.match(folded, d.end)):
            continue
        elif d.subject_class != "cấp ủy viên" and not COMMITTEE_CUE.search(folded, base, d.end) \
                and not COMMITTEE_AFTER.match(folded, d.end):
            # "… kỷ luật 187 đảng viên … Trong số đảng viên bị kỷ luật có 9 đồng chí thuộc diện Ban Thường vụ Thành
            # ủy quản lý", "Có 6 đảng viên bị kỷ luật là cán bộ thuộc diện …": a group the disciplined are sorted by
            # (not a count its own act governs: "đề nghị … thi hành kỷ luật 2 đảng viên thuộc diện Ban Thường vụ quản
            # lý" is a statement of its own)
            named = GROUP_AFTER.match(folded, d.end)
            points = POINTS_TO_DISCIPLINED.match(folded, base)
            if d.breakdown or not (points or named and named["passive"]):
                continue
            group = named["what"] if named else None
            if named and named["form"] and d.value:
                d.breakdown, d.breakdown_complete = {canonical_form(named["form"]): int(d.value)}, True
        act = d.kind if d.kind in ("inspection", "supervision") else "discipline_party_members"
        total = next((t for t in reversed(drafts[:i]) if t.kind == act and t.total is None
                      and t.subject_class in (None, "đảng viên")), None)
        # the part may follow its total in the same sentence ("Trong số 184 đảng viên bị kỷ luật, có 22 trường hợp
        # là cấp ủy viên")
        # (or inside its list of forms, in brackets after a form's count: "Khiển trách 7 đồng chí (trong đó có 2 cấp ủy
        # viên), cảnh cáo 3 đồng chí, tổng cộng 10 đồng chí")
        if total is not None and total.value and total.value > d.value \
                and (total.end <= d.start or total.start < d.start
                     and folded.rfind("(", total.start, d.start) > folded.rfind(")", total.start, d.start)) \
                and d.period in (None, total.period) \
                and 0 <= _sentences_apart(sent_list, total.sentence, d.sentence) <= 3:
            d.kind = total.kind
            d.total = total
            d.part = d.part or group or "cấp ủy viên"


def _forms_of_parts(drafts: list[Draft]) -> None:
    """"kỷ luật 6 đảng viên; trong đó đảng viên giữ chức vụ 2 đồng chí (khiển trách 1, cảnh cáo 1), không giữ chức
    vụ 4 đồng chí (khiển trách 3, khai trừ 1)": a total told without forms whose parts add up to it, each with all
    its forms, has their forms summed."""
    parts: dict[int, list[Draft]] = {}
    for d in drafts:
        if d.total is not None:
            parts.setdefault(id(d.total), []).append(d)
    for total in drafts:
        own = parts.get(id(total))
        if total.breakdown or not total.value or not own or any(
                d.kind != total.kind or not d.breakdown or not d.breakdown_complete for d in own) \
                or sum(d.value or 0 for d in own) != total.value:
            continue
        summed: dict[str, int] = {}
        for d in own:
            for form, n in d.breakdown.items():
                summed[form] = summed.get(form, 0) + n
        total.breakdown, total.breakdown_complete = summed, True


def _sentences_apart(sent_list: list, first: int, last: int) -> int:
    """How many sentences apart two are, not counting the lines between that name a form: a total's forms listed
    one per line ("Trong đó:\n- Khiển trách: 18 đồng chí;\n- Cảnh cáo: …") are the total's, not new statements."""
    between = sum(1 for _, sent in sent_list[first + 1:last] if not FORM_RE.search(sent))
    return last - first if last <= first else between + 1


DRAFT_FIELDS = {f.name for f in fields(Draft)}
_CODE = re.compile(r"\d{1,3}-[A-ZĐ][A-Za-zĐđ]*/[A-ZĐ]+")


def _part_label(text: str, d: Draft, clause_end: int) -> str:
    """A part's label: its unit, and the document it is about when its clause cites one ("… 05-CTr/TU")."""
    label = d.part or d.unit or d.kind
    code = _CODE.search(text, d.end, clause_end)
    return f"{label} — {code.group(0)}" if code else label


def _freeze(text: str, drafts: list[Draft], published: date | None) -> list[Figure]:
    ids = {id(d): f"f{n}" for n, d in enumerate(drafts, 1)}
    labels: dict[tuple[str, str], int] = {}
    out = []
    for n, d in enumerate(drafts):
        part_of = ids[id(d.total)] if d.total is not None else None
        part = None
        if part_of:
            nxt = next((x.start for x in drafts[n + 1:] if x.start > d.end), len(text))
            clause_end = min(nxt, len(text))
            semi = text.find(";", d.end, clause_end)
            part = _part_label(text, d, semi if semi > 0 else clause_end)
            seen = labels.get((part_of, part), 0)
            labels[(part_of, part)] = seen + 1
            if seen:
                part = f"{part} ({seen + 1})"
        # every field a draft shares with the figure is copied; the rest is decided here
        shared = {f.name: getattr(d, f.name) for f in fields(Figure) if f.name in DRAFT_FIELDS}
        out.append(Figure(**{**shared, "id": ids[id(d)], "quote": text[d.start:d.end], "part_of": part_of,
                             "part": part, "period_key": period_key(d.period, published),
                             "category_key": category_key(d.category) if d.category else None}))
    return out
