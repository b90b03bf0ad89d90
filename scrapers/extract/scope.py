"""Where and when a figure applies: its locality (scope), the body that acted, and its period as a sortable key.

Computed here, where the text and the offsets are; dbt only reads the results.
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from collections.abc import Iterator
from datetime import date
from functools import lru_cache

from scrapers.extract.dates import MONTH_NAMES, MONTH_WORDS, MONTHS_IN_WORDS
from scrapers.extract.gazetteer import HANOI_PLACES
from scrapers.extract.officials import SURNAMES, named_like_a_person
from scrapers.extract.patterns import BULLET
from scrapers.text import LOWER, UPPER

# (a word of one capital letter may open a name, "phường Ô Chợ Dừa"; a name may join two with a spaced hyphen,
# "phường Văn Miếu - Quốc Tử Giám")
_WORD = rf"[{UPPER}][{LOWER}]+"
# (a name never runs over a line break: "Tỉnh ủy Hải Dương\nTừ ngày 20 …")
_SP = r"[^\S\n]+"
_NAME = rf"(?:[{UPPER}]{_SP})?{_WORD}(?:{_SP}{_WORD}){{0,2}}"
_PLACE = rf"{_NAME}(?:{_SP}-{_SP}{_WORD}(?:{_SP}{_WORD}){{0,2}})?"
PLACE_NAME = _PLACE  # a place's proper name, case-sensitive: "Long Biên", "Ô Chợ Dừa", "Văn Miếu - Quốc Tử Giám"
DISTRICT_ABBREVIATED = r"(?:Q|P|H|TX)\.(?=\s?[A-ZĐ])"
# the nouns of the units below a province or city: districts and towns, wards and communes (lowercase, as prose
# writes them before a name; wrap in "(?i:…)" where a heading capitalises them)
LOCAL_UNIT = r"(?:thị xã|thị trấn|quận|huyện|phường|xã)"
# the words of a phrase up to its clause's end, where the only stop may be an abbreviated place's ("ở Q. Ba Đình")
PHRASE_CHAR = rf"(?:[^,.;:\d()]|(?<=\s)(?-i:{DISTRICT_ABBREVIATED}))"
# "Quận ủy Long Biên", "quận Hoàn Kiếm", "Đảng bộ huyện Sóc Sơn", "Tỉnh ủy Nghệ An", "Thành ủy Hà Nội"
LOCALITY = re.compile(
    # (wards and communes are the local level since the 2025 reorganisation: "Đảng ủy phường Hoàn Kiếm", "xã Sóc Sơn")
    # (abbreviated as short items and headlines do, the name right after the stop: "Q.Hoàn Kiếm", "P. Cửa Nam", "H.Sóc
    # Sơn", "TX. Sơn Tây", "TP.Vinh")
    rf"(?<!\w)(?:(?P<district>(?:Quận|Huyện|Thị) ủy|quận|huyện|thị xã|Quận|Huyện|Thị xã|phường|xã|Phường|Xã|thị trấn"
    rf"|Thị trấn|{DISTRICT_ABBREVIATED})"
    rf"|(?P<province>Tỉnh ủy|tỉnh|Tỉnh|Thành ủy|thành phố|Thành phố|TP\.?))(?:\s+|(?<=\.))(?P<place>{_PLACE})"
)
_NOT_PLACES = {"Ủy", "Ban", "Đảng", "Thường", "Kiểm", "Hội", "Đoàn", "Chủ", "Bí", "Phó", "Trưởng", "Trong", "Về", "Cụ",
               "Theo", "Qua", "Năm", "Tại", "Sau", "Đến", "Các", "Với", "Khối", "Ủy Ban"}
# The body that acted, when the text names one single body ("Ủy ban Kiểm tra Thành ủy", "Ban Thường vụ Quận ủy");
# "các cấp" is every level, which is the default grain, so it names no body.
BODY = re.compile(
    r"(?P<body>(?:Ủy ban Kiểm tra|UBKT|Ban Thường vụ|BTV|Ban Chấp hành)\s+(?P<of>(?:Thành|Tỉnh|Quận|Huyện|Thị|Đảng) ủy"
    r"(?:\s+Khối)?))(?!\s+và\s)",
)
_BODY_NAMES = {"UBKT": "Ủy ban Kiểm tra", "BTV": "Ban Thường vụ"}
# after "Thành ủy"/"thành phố" only a city; its name is what follows, never the official named next
CITIES = ("Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế", "Hồ Chí Minh")
_SURNAMES = set(SURNAMES)
MIDDLE_NAMES = {"Văn", "Thị", "Đức", "Hữu", "Đình", "Công", "Quốc", "Trọng", "Bá", "Xuân", "Thu", "Ngọc", "Minh", "Thanh"}


def locality_in(text: str, end: int | None = None) -> tuple[str, str] | None:
    """The last locality named in `text[:end]`: ("district" | "province", name)."""
    end = len(text) if end is None else end
    found, at = _named_locality(text, end)
    # a city or province named bare ("Hà Nội thi hành kỷ luật …", "trong khi TP.HCM …") after the last one named with
    # its noun
    bare = _bare_province(text, at, end)
    return bare or found


def districts_in(text: str) -> set[str]:
    """Every district, ward or commune `text` names (read as `locality_in` reads the last one)."""
    return {name for (rank, name), _ in _localities(text, len(text)) if rank == "district"}


def _bare_province(text: str, start: int, end: int) -> tuple[str, str] | None:
    found = None
    for at, stop, name in _bare_provinces(text):
        if at >= start and stop <= end:
            found = ("province", name)
    return found


@lru_cache(maxsize=512)
def _bare_provinces(text: str) -> tuple[tuple[int, int, str], ...]:
    """Every city or province a text names bare, with its span: found once per sentence, which is asked many times
    (once per figure in it)."""
    return tuple((m.start(), m.end(), "Hồ Chí Minh" if m["hcm"] else m["place"]) for m in _bare_mentions(text))


def _bare_mentions(text: str, end: int | None = None) -> Iterator[re.Match]:
    """The bare mentions of a city or province in `text[:end]`: "TP.HCM", or a name not inside a longer name."""
    for m in BARE_PROVINCE.finditer(text, 0, len(text) if end is None else end):
        if m["hcm"] or not NAME_WORD_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            yield m


# a former head of a state body, before the body's place: the place is part of a person's past office, not where
# the figure is (a sitting one speaks for the place: "Chủ tịch UBND xã Sóc Sơn … cho biết xã đã …")
OFFICE_BEFORE = re.compile(r"(?<!\w)(?:nguyên|cựu)\s+(?:phó\s+)?(?:chủ tịch|giám đốc)"
                           r"(?:\s+(?:UBND|HĐND|Ủy ban nhân dân|Hội đồng nhân dân))?\s+$", re.I)
# a person named, then the office they hold, up to a place: after the body that acted was named, that place is only
# the person's (a speaker's own unit, named first, is where the figures are)
PERSON_TITLED = re.compile(rf"(?<!\w)(?:ông|bà|đồng chí|đ/c)\s+(?:[{UPPER}][{LOWER}]*\s+){{1,4}}[{UPPER}][{LOWER}]*\s*,"
                           r"[^,;.()“”\"]{1,70}$")
FORMER = re.compile(r"[^\S\n]*(?:,[^\S\n]*[A-ZĐ][^\s,()]*(?:[^\S\n]+[A-ZĐ][^\s,()]*)*[^\S\n]*)*\(?[^\S\n]*cũ(?!\w)")


# an office of a ward's or a commune's body, right before the unit's noun, naming its holder next — not after the
# holder's name ("ông Phạm Văn Hải, Phó Bí thư Thường trực Đảng ủy xã Vũ Thư": the commune is named)
_OFFICE = (r"(?:Phó\s+)?(?:Bí thư|Chủ tịch|Chủ nhiệm|Trưởng ban)(?:\s+Thường trực)?\s+"
           r"(?:Đảng ủy|UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân|Ủy ban Kiểm tra Đảng ủy|Ủy ban MTTQ"
           r"|Ủy ban Mặt trận Tổ quốc)\s+$")
OFFICE_OF_UNIT = re.compile(rf"(?<![,\w])(?<!,\s)(?<!Phó\s){_OFFICE}")
NAME_FOLLOWS = re.compile(rf"[^\S\n]+[{UPPER}]")
# an act, then the body it was about, right before the body's place
OBJECT_BODY = re.compile(r"(?:kỷ luật|khiển trách|cảnh cáo|giải tán|kiểm tra|giám sát|kết luận)\s+(?:đối với\s+)?(?:tập thể\s+)?"
                         r"(?:(?:Ban Thường vụ|Ban Chấp hành|Ủy ban Kiểm tra)\s+)?(?:Đảng ủy|Chi bộ|Đảng bộ|Chi ủy)\s+$")


def _named_locality(text: str, end: int) -> tuple[tuple[str, str] | None, int]:
    """The last locality named with its noun before `end`, and where its mention ends (0 when none)."""
    last = deque(_localities(text, end), maxlen=1)
    return last[0] if last else (None, 0)


def _place_words(place: str) -> list[str]:
    """The words of a place's name read with its noun, without the capitalised words after it that are not."""
    words = place.split()
    # a capitalised word that starts another phrase ("quận Long Biên Ủy ban …") is not part of the place
    while words and (words[-1] in _NOT_PLACES or words[-1] in ("-", "Từ")):
        words.pop()  # ("Từ" opens a phrase after a name, "quận Hoàng Mai - Từ đầu nhiệm kỳ"; it may open one)
    # a person named right after the place ("Đảng ủy phường Láng Trần Thị Ngọc"): a family name and a middle name
    words = words[:next((i for i in range(1, len(words) - 1)
                         if words[i] in _SURNAMES and words[i + 1] in MIDDLE_NAMES), len(words))]
    # (or a known place then a family name: "Chủ tịch UBND phường Láng Đỗ Mạnh Hùng")
    if " ".join(words) not in _KNOWN_NAMES:
        words = words[:next((i for i in range(1, len(words)) if words[i] in _SURNAMES
                             and " ".join(words[:i]) in _KNOWN_NAMES), len(words))]
    return words


def _localities(text: str, end: int) -> Iterator[tuple[tuple[str, str], int]]:
    """Each locality named with its noun before `end`, in order, and where its mention ends."""
    found = None
    for m in LOCALITY.finditer(text, 0, end):
        words = _place_words(m["place"])
        # ("Thường Tín" is a place although "Thường" opens "Thường vụ")
        if not words or words[0] in _NOT_PLACES and " ".join(words[:2]) not in HANOI_PLACES \
                or words[0] in _SURNAMES and words[1:2] in (["Văn"], ["Thị"]):
            continue  # ("Bí thư Đảng ủy xã Nguyễn Văn Tâm": a person, the commune left unnamed)
        if m["district"] and named_like_a_person(words) and OFFICE_OF_UNIT.search(text, max(0, m.start() - 50), m.start()) \
                and not NAME_FOLLOWS.match(text, m.end()):
            continue  # ("Phó Bí thư Đảng ủy phường Lê Hùng và bà …": the office's holder, the ward unsaid)
        if m["district"] and OBJECT_BODY.search(text, max(0, m.start() - 80), m.start()):
            continue  # ("… kiểm tra đối với Ban Thường vụ Đảng ủy xã Cổ Đô và 4 đảng viên": the body the act was about)
        if FORMER.match(text, m.end()):
            continue  # ("trên cơ sở phường Việt Hưng, Giang Biên (cũ)": a unit merged away is no place of figures)
        if OFFICE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # ("… hai đảng viên là nguyên chủ tịch UBND huyện Nga Sơn": an office's, not where the act was)
        if found and PERSON_TITLED.search(text, max(0, m.start() - 100), m.start()):
            continue  # ("Quận ủy Thanh Xuân … cảnh cáo ông Đặng Quốc Việt, Phó Chủ tịch UBND phường Khương Đình, …")
        if m["province"] and m["province"].lower().startswith(("th", "tp")):
            city = next((c for c in CITIES if " ".join(words).startswith(c)), None)
            if not city:
                # a province's own city ("Thành ủy Vinh", "thành phố Thủ Dầu Một") is of a district's rank; three
                # words that open with a family name are a person ("Bí thư Thành ủy Đinh Tiến Dũng")
                if len(words) > 3 or len(words) == 3 and words[0] in _SURNAMES \
                        or len(words) > 1 and words[-1] in _SURNAMES and NAME_GOES_ON.match(text, m.end()):
                    continue
                found = ("district", " ".join(words))
                yield found, m.end()
                continue
            words = city.split()
        elif m["province"]:
            # a province is one of the known ones ("Phó Bí thư Tỉnh ủy Ksor Phước Hà" names a person, not a province)
            known = next((n for n in PROVINCES if " ".join(words).startswith(n)), None)
            if not known:
                continue
            words = known.split()
        elif len(words) > 1 and words[-1] in _SURNAMES and NAME_GOES_ON.match(text, m.end()) \
                and " ".join(words) not in _KNOWN_NAMES:
            words.pop()  # "phường Định Công Nguyễn Hữu Tuấn", "Quận ủy Cầu Giấy Lê Thị …": the place ran into a name
        found = ("district" if m["district"] else "province", " ".join(words))
        yield found, m.end()


# the provinces and centrally run cities (before and after the 2025 merger) that party-work news names bare, as a
# headline's lead ("An Giang: Rà soát …") or in a provincial paper's dateline ("Báo Nghệ An - …", "(Báo Bắc Giang)")
PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre", "Bình Dương",
    "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông",
    "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hải Phòng",
    "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lạng Sơn", "Lào Cai",
    "Lâm Đồng", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình",
    "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình",
    "Thái Nguyên", "Thanh Hóa", "Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)
# a line set in capitals is read for its places as prose would be written: the names known here capitalised, the
# party's bodies ("Thành ủy", "Đảng ủy") and the city's abbreviations as written, a name between a place's noun and a
# stop ("HUYỆN NGHI LỘC: …") capitalised, the rest in lowercase — "ĐẢNG ỦY PHƯỜNG KIM LIÊN THI HÀNH KỶ LUẬT" is
# "Đảng ủy phường Kim Liên thi hành kỷ luật", not a ward named "Kim Liên Thi"
_KNOWN = {n.lower(): n for n in (*HANOI_PLACES, *PROVINCES, *CITIES)}
_KNOWN_NAMES = frozenset(_KNOWN.values())
_KNOWN_RX = re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, _KNOWN), key=len, reverse=True)) + r")(?!\w)")
_BODY_NOUN = re.compile(r"(?<!\w)(?:thành|tỉnh|quận|huyện|thị|đảng) ủy(?!\w)")
# (a document's article or clause before its number is capitalised in prose: "Điều 32 Điều lệ Đảng", "Khoản 2")
_REFERENCE_WORD = re.compile(r"(?<!\w)(?:điều|khoản|chương)(?=\s+\d)")
_ABBREVIATION = re.compile(r"(?<!\w)(?:tp|hcm|tphcm|ubnd|hđnd|ubkt|mttq|pv)(?!\w)")
# (offices and the bodies they are of, as prose writes them: "PHÓ BÍ THƯ" is "Phó Bí thư", "ỦY BAN KIỂM TRA" is "Ủy ban
# Kiểm tra")
_OFFICES = {w.lower(): w for w in (
    "Ủy ban Kiểm tra", "Ủy ban nhân dân", "Hội đồng nhân dân", "Ủy ban Mặt trận Tổ quốc", "Ban Thường vụ",
    "Ban Chấp hành", "Ban Tổ chức", "Ban Tuyên giáo", "Ban Dân vận", "Ban Nội chính", "Văn phòng", "Phó Bí thư",
    "Bí thư", "Phó Chủ nhiệm", "Chủ nhiệm", "Phó Chủ tịch", "Chủ tịch", "Trưởng ban", "Phó Trưởng ban", "Ủy viên",
    "Giám đốc", "Phó Giám đốc", "Chánh Văn phòng")}
_OFFICE_RX = re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, _OFFICES), key=len, reverse=True)) + r")(?!\w)")
_NOUN_THEN_NAME = re.compile(rf"(?<!\w)(?:{LOCAL_UNIT}|tỉnh|thành phố)\s+(?!ủy(?!\w))"
                             r"(?P<name>[^\W\d]+(?:\s+[^\W\d]+){0,2})(?=\s*(?:[:,;(–-]|$))")


# (and a person's name after an office or "ông", "bà", "đồng chí", up to a colon, a comma or the line's end:
# "BÍ THƯ THÀNH ỦY NGUYỄN VĂN TUẤN: KIỂM TRA …" names "Nguyễn Văn Tuấn")
# (or after the place of the office: "CHỦ NHIỆM ỦY BAN KIỂM TRA QUẬN ỦY HOÀN KIẾM LÊ THU TRANG: …")
_NAME_AFTER_TITLE = re.compile(
    r"(?<!\w)(?:bí thư|chủ tịch|chủ nhiệm|giám đốc|trưởng ban|trưởng phòng|thủ tướng|ủy viên|đồng chí|ông|bà"
    r"|thành ủy|tỉnh ủy|quận ủy|huyện ủy|đảng ủy|ubnd|ubkt|" + "|".join(sorted(map(re.escape, _KNOWN), key=len, reverse=True))
    + r")\s+"
    rf"(?P<name>(?:{'|'.join(sorted({n.lower() for n in SURNAMES}, key=len, reverse=True))})(?:\s+[^\W\d]+){{1,3}}?)"
    r"(?=\s*(?:[:,;(–-]|$))")


def capitals_as_prose(line: str) -> str:
    """A line set in capitals, cased for its places and the names of its people as prose (same length: offsets stay
    valid)."""
    low = line.lower()
    if len(low) != len(line):
        return line
    chars = list(low)
    for m in _NOUN_THEN_NAME.finditer(low):
        for w in re.finditer(r"\S+", m["name"]):
            chars[m.start("name") + w.start()] = chars[m.start("name") + w.start()].upper()
    for m in _KNOWN_RX.finditer(low):
        chars[m.start():m.end()] = _KNOWN[m.group(0)]
    for m in (*_BODY_NOUN.finditer(low), *_REFERENCE_WORD.finditer(low)):
        chars[m.start()] = chars[m.start()].upper()
    for m in _ABBREVIATION.finditer(low):
        chars[m.start():m.end()] = m.group(0).upper()
    for m in _OFFICE_RX.finditer(low):
        chars[m.start():m.end()] = _OFFICES[m.group(0)]
    for m in _NAME_AFTER_TITLE.finditer(low):
        for w in re.finditer(r"\S+", m["name"]):
            chars[m.start("name") + w.start()] = chars[m.start("name") + w.start()].upper()
    first = next((i for i, c in enumerate(chars) if not c.isspace()), None)
    if first is not None and chars[first].isalpha():  # (a line opening on a number stays as it is: "5 điểm mới …")
        chars[first] = chars[first].upper()
    return "".join(chars)


# (a dateline may be set in capitals: "NGHỆ AN - …")
OPENING_PROVINCE = re.compile(
    rf"(?:^|\n)\s*\(?(?:Báo\s+)?(?P<place>{'|'.join(map(re.escape, PROVINCES))})\)?\s*(?::|[-–]\s)", re.M | re.I)
PROVINCE_NAMES = {name.lower(): name for name in PROVINCES}


def _slug(name: str) -> str:
    """"Nghệ An" → "nghean", "Bà Rịa - Vũng Tàu" → "bariavungtau": a name as a web address writes it."""
    bare = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in bare if c.isascii() and c.isalnum()).lower()


# a provincial paper signs its sapo with its web address: "(Baonghean.vn) -", "Baohatinh.vn -", "(baothanhhoa.vn)"
# (a few papers' addresses are not their province's name: Điện Biên Phủ, Thừa Thiên Huế, Ấp Bắc, Đồng Khởi)
PAPER_SLUGS = {_slug(name): name for name in PROVINCES} | {
    "dienbienphu": "Điện Biên", "thuathienhue": "Huế", "apbac": "Tiền Giang", "dongkhoi": "Bến Tre",
    "bacninhtv": "Bắc Ninh"}
PAPER_ADDRESS = re.compile(r"(?<![\w.])(?:www\.)?[Bb]ao(?P<slug>[a-z]+)\.(?:com\.|org\.)?vn(?![\w.])")
# … or with its short mark before the sapo ("BNA - …", "(BGĐT) -"): the marks of papers that sign so
PAPER_MARKS = {"BNA": "Nghệ An", "BGĐT": "Bắc Giang", "QNO": "Quảng Nam", "BPO": "Bình Phước", "HBĐT": "Hòa Bình",
               "QTO": "Quảng Trị", "GLO": "Gia Lai"}
PAPER_MARK = re.compile(rf"(?:^|\n)\s*\(?(?P<mark>{'|'.join(PAPER_MARKS)})\)?\s*[-–]", re.M)


# Ho Chi Minh City as the press writes it short ("TP.HCM kỷ luật …", "Thành ủy TP HCM")
HCMC = re.compile(r"(?<!\w)(?:TP\.?\s?HCM|TPHCM)(?!\w)")
# a province or a city named bare, not inside a longer name ("Thái Bình Dương", "Phạm Long An", "Tư tưởng Hồ Chí
# Minh": Hồ Chí Minh is a place only written short or after its noun), nor in brackets after a place it locates
# ("Huyện Nghi Lộc (Nghệ An)")
_BARE_NAMES = "|".join(map(re.escape, (*PROVINCES, "Hà Nội")))
BARE_PROVINCE = re.compile(rf"(?<![\w.(])(?:(?P<hcm>TP\.?\s?HCM|TPHCM)|(?P<place>{_BARE_NAMES}))"
                           rf"(?!\w)(?!\s+[{UPPER}])")
# a round-up's paragraph led by its province ("Quảng Ninh: Trong năm, toàn Đảng bộ tỉnh …") is about that province
# (the round-up's items may be bulleted: "- Hải Dương: …")
PARAGRAPH_LEAD = re.compile(rf"\s*(?:{BULLET}\s*)?(?P<place>{_BARE_NAMES})\s*:")
NAME_GOES_ON = re.compile(rf"\s+[{UPPER}]")
# (a sentence's opening word is no part of a name: "Riêng Hà Nội, …", "Tại Hà Nội, …")
NAME_WORD_BEFORE = re.compile(rf"(?<!\w)(?!(?:Riêng|Tại|Ở|Còn|Với|Theo|Cả|Toàn|Và|Như|Trong|Từ|Sau|Trước|Về|Đến|Cùng"
                              rf"|Ngoài|Tới|Khắp)\s)[{UPPER}][{LOWER}]*\s+$")


def article_places(text: str, source_locality: str | None) -> tuple[str | None, str]:
    """(the locality an article is about, the province or city "toàn thành phố / toàn tỉnh" means in it). The
    locality is the source's own (a district portal), else a district its title leads with ("Huyện Đông Anh: 32 đảng
    viên bị kỷ luật": its body rarely names it again), else its province."""
    whole = article_province(text, "Hà Nội")
    if source_locality and source_locality != "Hà Nội":
        return source_locality, whole
    head = locality_in(text, _opening_end(text))
    title = _title(text)
    lead = _title_lead(title) or _bare_title_lead(title, text)
    if lead and lead[0] == "district" and not (head and head[0] == "province"):
        return lead[1], whole
    return whole, whole


# a document's type on a line of its own above its title, as a report pasted onto a portal opens ("BÁO CÁO\nKết quả
# công tác kiểm tra … của Đảng ủy phường Yên Hòa")
DOCUMENT_TYPE = re.compile(r"[^\S\n]*(?:BÁO CÁO|THÔNG BÁO|KẾ HOẠCH|NGHỊ QUYẾT|CHƯƠNG TRÌNH|TỜ TRÌNH|KẾT LUẬN|QUYẾT ĐỊNH"
                           r"|CHỈ THỊ|HƯỚNG DẪN|Báo cáo|Thông báo)[^\S\n]*\n\s*")


# a page's breadcrumb on a line of its own above the title ("Trang chủ / Chính trị / Xây dựng Đảng")
# (not a table's header, whose cells "|" parts; no digits: not a headline's ratio or date, "23/23 xã")
BREADCRUMB = re.compile(r"[^\S\n]*(?:[^\n/>»|\d]{1,40}?[^\S\n]*[/>»][^\S\n]*){1,6}[^\n/>»|\d]{1,40}[^\S\n]*\n\s*")


def _title(text: str) -> str:
    """An article's first line (or a pasted document's line after its type, a page's line after its breadcrumb), ""
    when the text has no line break in its first 300 characters."""
    at = m.end() if (m := DOCUMENT_TYPE.match(text) or BREADCRUMB.match(text)) else 0
    end = text.find("\n", at)
    if end < 0 and len(text) - at < 300:
        end = len(text)  # (a headline alone, as a listing shows it: "Đông Anh: 23/23 xã hoàn thành …")
    return text[at:end] if 0 <= end - at < 300 else ""


# (or as the headline's subject: "Sóc Sơn kỷ luật 11 đảng viên trong năm 2026")
BARE_LEAD = re.compile(rf"\s*(?P<place>{_PLACE})(?:\s*:|\s+(?=[{LOWER}]))")


def _bare_title_lead(title: str, text: str) -> tuple[str, str] | None:
    """"Hoàng Mai: Nâng cao chất lượng …", "Sóc Sơn kỷ luật 11 đảng viên": a headline led by a place's name alone, when the text names it with its
    noun as a district, ward or commune ("Quận ủy Hoàng Mai", "phường Hoàng Mai") — or when it is one of Hà Nội's
    ("Đông Anh: 23/23 xã hoàn thành …", a headline as a listing shows it alone)."""
    m = BARE_LEAD.match(title)
    if not m or m["place"] in PROVINCE_NAMES.values() or m["place"] in CITIES:
        return None
    if m["place"] in HANOI_PLACES:
        return "district", m["place"]
    for named in LOCALITY.finditer(text):
        if named["district"] and named["place"].startswith(m["place"]) \
                and locality_in(text, named.end()) == ("district", m["place"]):
            return "district", m["place"]
    return None


OPENING = 400  # an article's opening: its title and sapo
SENTENCE_STOP = re.compile(r"[.;!?](?=\s|$)|\n")


def _opening_end(text: str) -> int:
    """Where an article's opening ends: its first 400 characters, run on to the end of that sentence or line (80
    more at most), so that a place named across the 400th character is read whole."""
    if len(text) <= OPENING:
        return len(text)
    stop = SENTENCE_STOP.search(text, OPENING, OPENING + 80)
    return stop.start() if stop else min(len(text), OPENING + 80)


# the city as reporters shorten it: "toàn TP kỷ luật …", "cả Tp. …"
CITY = r"(?:(?i:thành phố)|TP\.?|Tp\.?)"
WHOLE_FIRST = re.compile(rf"(?<!\w)(?:(?i:(?:toàn|cả)\s+(?:{CITY}|tỉnh)|trong đó)|(?i:thành phố)(?!\s+[A-ZĐ]))(?!\w)")


FIRST_COUNT = re.compile(r"(?<![\d/.,])\d[\d.,]*\s+[a-zà-ỹđ]")


def _title_lead(title: str) -> tuple[str, str] | None:
    """The last locality a title names within its first 60 characters, read whole ("… Đảng ủy xã Mê Linh" is Mê
    Linh even when the 60th character falls inside the name)."""
    found = None
    # (a district after the city's own count is a part of it: "Năm 2023, thành phố kỷ luật 598 đảng viên, trong đó
    # Quận ủy Long Biên …"; a first line that is a sentence leads with the body that acts in it, before its first
    # count: "Sáng 8/7, Đảng ủy phường Long Biên tổ chức …" — not "Các cấp ủy đã giám sát 1.240 đảng viên, Huyện ủy
    # Mê Linh …")
    whole = WHOLE_FIRST.search(title)
    end = whole.start() if whole else len(title)
    if title.rstrip().endswith(".") and (count := FIRST_COUNT.search(title, 0, end)):
        end = count.start()
    for m in LOCALITY.finditer(title, 0, end):
        if m.start() >= 60:
            # (past that, the body a report or a meeting is of: "Kết quả công tác … năm 2026 của Đảng ủy phường X")
            if not found and OWNER_BEFORE.search(title, max(0, m.start() - 40), m.start()):
                found = locality_in(title, m.end())
            break
        found = locality_in(title, m.end()) or found
    return found


OWNER_BEFORE = re.compile(r"(?<!\w)của(?:\s+(?:Ban Thường vụ|Ban Chấp hành|Ủy ban Kiểm tra|Đảng ủy|Đảng bộ))?\s+$")


def article_province(text: str, default: str) -> str:
    """The province or city an article is about: the first one its opening names (title and sapo: "Tỉnh ủy Nghệ An
    …", "Hà Nội thi hành …", a headline's "An Giang: …", a dateline's "Báo Cần Thơ - …", "TP.HCM"), else the
    default."""
    end = _opening_end(text)
    named = next(((m.start(), n[1]) for m in LOCALITY.finditer(text, 0, end)
                  if (n := locality_in(text, m.end())) and n[0] == "province"), None)
    # (or named bare, "Hà Nội thi hành kỷ luật …", when that comes first)
    bare = next(((m.start(), m["place"]) for m in _bare_mentions(text, end) if m["place"]), None)
    if named or bare:
        return min(p for p in (named, bare) if p)[1]
    opening = OPENING_PROVINCE.search(text, 0, end)
    if opening:
        return PROVINCE_NAMES[opening["place"].lower()]
    paper = next((PAPER_SLUGS[m["slug"].lower()] for m in PAPER_ADDRESS.finditer(text, 0, end)
                  if m["slug"].lower() in PAPER_SLUGS), None)
    if paper:
        return paper
    if mark := PAPER_MARK.search(text, 0, end):
        return PAPER_MARKS[mark["mark"]]
    if HCMC.search(text, 0, end):
        return "Hồ Chí Minh"
    # a province's own paper names its province late, if at all ("Toàn tỉnh có …" in the sapo, "Tỉnh ủy Nghệ An" in the
    # fourth paragraph): a text that speaks of its province as "tỉnh" and names one province only is about that one
    # (not a text about the capital that names a visiting province's committee)
    if PROVINCE_SAID.search(text) and not CAPITAL_SAID.search(text):
        named = {n[1] for m in LOCALITY.finditer(text) if (n := locality_in(text, m.end())) and n[0] == "province"}
        named |= {m["place"] for m in _bare_mentions(text) if m["place"] and m["place"] != "Hà Nội"}
        if len(named) == 1:
            return named.pop()
    return default


CAPITAL_SAID = re.compile(rf"(?<!\w)(?:Hà Nội|Thủ đô|toàn {CITY}|Thành ủy)(?!\w)")
PROVINCE_SAID = re.compile(r"(?<!\w)(?:toàn tỉnh|Tỉnh ủy|tỉnh ủy|Đảng bộ tỉnh|đảng bộ tỉnh|trong tỉnh)(?!\w)")


# (or, since 2025, a ward's or commune's: "Đảng ủy phường Kim Liên")
ACTING_DISTRICT = re.compile(rf"(?:(?:Quận|Huyện|Thị) ủy|Đảng ủy (?:phường|xã|thị trấn|đặc khu))\s+(?P<place>{_PLACE})")


# "…; toàn thành phố kỷ luật 598 đảng viên": the whole city (or province) named after a local figure
WHOLE = re.compile(rf"(?<!\w)(?:toàn|cả)\s+(?:{CITY}|Thủ đô|tỉnh|Đảng bộ (?:thành phố|tỉnh))(?!\w)")


# "Riêng quận Cầu Giấy giám sát 14 …; các quận, huyện còn lại giám sát 203 …": the rest of the places, named after
# a local figure, are the whole's (the article's) less that one
REST = re.compile(rf"(?<!\w)các\s+(?:(?:{LOCAL_UNIT}|đơn vị|địa phương|đảng bộ)(?:\s*,\s*|\s+và\s+|\s+))+"
                  r"(?:còn lại|khác)(?!\w)", re.I)


def _whole_named_after(sentence: str, pos: int, whole: str | None, article: str | None) -> str | None:
    """The whole city or province (or the rest of its places) when named after the last place before `pos`."""
    said = [m.end() for m in WHOLE.finditer(sentence, 0, pos)]
    if said and whole and not locality_in(sentence[said[-1]:pos]):
        return whole
    rest = [m.end() for m in REST.finditer(sentence, 0, pos)]
    if rest and not locality_in(sentence[rest[-1]:pos]):
        return whole or article
    return None


def figure_scope(sentence: str, pos: int, article: str | None, whole: str | None = None) -> str | None:
    """A district named in the figure's own sentence before it wins over the article's locality — unless the
    whole city or province is named after it ("…; toàn thành phố kỷ luật 598 đảng viên": `whole`); failing that, a
    district committee named after it as the acting body ("… được tặng Giấy khen của Ban Thường vụ Huyện ủy Sóc
    Sơn")."""
    near = locality_in(sentence, pos)
    # (an aside in brackets names places of its own: "Đảng ủy xã Phúc Thịnh (được thành lập trên cơ sở sáp nhập xã
    # Kim Nỗ và xã Đại Mạch) đã kết nạp 15 đảng viên" is the commune's, named before it)
    if near and any(c in sentence[:pos] for c in "(,–—-") \
            and (outside := locality_in(ASIDE.sub(lambda m: " " * len(m.group(0)), sentence[:pos]))):
        near = outside
    if after := _whole_named_after(sentence, pos, whole, article):
        return after
    # (the capital named near a figure is no news on a page about it, where its districts' bodies answer to "Thành ủy
    # Hà Nội", but is on a page about another province: "Trong khi đó, Hà Nội thi hành kỷ luật 642 đảng viên")
    if near and (near[0] == "district" or near[1] != "Hà Nội" or article != "Hà Nội" and article == whole):
        return near[1]
    # (only within the figure's own clause, and not a body that goes on to a count of its own: "kỷ luật 598 đảng
    # viên, trong đó Quận ủy Long Biên kỷ luật 12 …" names the body of the part, not of the total)
    clause_end = CLAUSE_END.search(sentence, pos + 1)
    acting = ACTING_DISTRICT.search(sentence, pos, clause_end.start() if clause_end else len(sentence))
    if acting and (not OWN_COUNT_AFTER.match(sentence, acting.end()) or _subject_after_fronted(sentence, pos, acting)):
        named = locality_in(sentence, acting.end())
        if named:
            return named[1]
    # "“Năm qua, chúng tôi đã kỷ luật 12 đảng viên …”, Bí thư Đảng ủy phường Định Công … chia sẻ": a figure in a
    # quotation is the speaker's unit's
    # (the marks may be straight: '"Năm qua, chúng tôi …", Bí thư …')
    closing = min((c for c in (sentence.find("”", pos), sentence.find('"', pos)) if c >= 0), default=-1)
    if closing >= 0 and (sentence.rfind("“", 0, pos) >= 0 or sentence.count('"', 0, pos) % 2) \
            and (speaker := SPEAKER_UNIT.match(sentence, closing + 1)):
        named = locality_in(sentence, speaker.end())
        if named and named[0] == "district":
            return named[1]
    return article


# "Qua kiểm tra tài chính đảng tại 14 tổ chức đảng, Ủy ban Kiểm tra Huyện ủy Ba Vì phát hiện …": a clause opening the
# sentence, then its subject — the body that acted in both, whatever it goes on to count
# (its counts may be a comma's list: "Qua phúc tra 2 tổ chức đảng, 5 đảng viên, Ủy ban Kiểm tra Huyện ủy …")
FRONTED = re.compile(r"\s*(?:Qua|Thông qua|Sau khi|Sau|Từ kết quả|Trên cơ sở)\s(?:[^,;.]|,(?=\s*(?:\d|$)))*$")
SUBJECT_LEAD = re.compile(r",\s*[^\d,;.]{0,30}$")
COUNTS_LIST = re.compile(r"(?:[^,;.]|,(?=\s*\d))*")


def _subject_after_fronted(sentence: str, pos: int, acting: re.Match) -> bool:
    comma = sentence.rfind(",", pos, acting.start())
    return bool(comma >= 0 and FRONTED.match(sentence, 0, pos) and COUNTS_LIST.fullmatch(sentence, pos, comma)
                and SUBJECT_LEAD.match(sentence, comma, acting.start()))


# (or between commas or dashes, describing the place: "Xã Minh Quang, một xã miền núi của huyện Ba Vì, có 12 …",
# "Đảng ủy phường Hoàn Kiếm, đơn vị được hợp nhất từ phường Hàng Trống và …, đã kiểm tra …")
ASIDE = re.compile(r"\((?:được|là|trước đây|trước là|gồm|trên cơ sở)\s[^()]*\)"
                   rf"|,\s*(?:một|là|nơi|đơn vị|địa phương|được)\s(?:[^,;.()\n]|(?-i:{DISTRICT_ABBREVIATED}))*,"
                   rf"|\s[–—-]\s(?:một|là|nơi|đơn vị|địa phương|được)\s(?:[^–—;.()\n]|(?-i:{DISTRICT_ABBREVIATED}))*?\s[–—-](?=\s)",
                   re.I)
# where a figure's clause ends: a "trong đó" that opens its parts, or a semicolon
CLAUSE_END = re.compile(r";|trong (?:đó|số đó)", re.I)
OWN_COUNT_AFTER = re.compile(r"[^.;,\d]{0,40}\d")
# the speaker after a closing quotation mark, up to the unit their title names
SPEAKER_UNIT = re.compile(rf"\s*,\s*(?:(?:ông|bà|đồng chí)\s+)?[^.;“”]{{0,100}}?(?:Đảng ủy|Ủy ban nhân dân|UBND)\s+"
                          rf"{LOCAL_UNIT}\s+{_PLACE}")


OBJECT_OF_ACT = re.compile(r"(?:kỷ luật|khiển trách|cảnh cáo|giải tán|kiểm tra|giám sát|kết luận|đối với|tập thể)\s+$",
                           re.I)


def body_in(sentence: str, pos: int) -> str | None:
    """The single body named before the figure in its sentence, normalised ("UBKT Thành ủy" = "Ủy ban Kiểm tra
    Thành ủy"); None when the sentence speaks of every level ("các cấp")."""
    head = sentence[:pos]
    if re.search(r"các cấp", head, re.I):
        return None
    found = None
    for m in BODY.finditer(head):
        if OBJECT_OF_ACT.search(head, max(0, m.start() - 40), m.start()):
            continue  # "… kỷ luật khiển trách Ban Thường vụ Đảng ủy xã …": the body the act was about, not the actor
        name = m["body"].split()[0]
        found = f"{_BODY_NAMES.get(name, m['body'][: -len(m['of'])].strip())} {m['of']}"
    return found


_YEAR = re.compile(r"(?:19|20)\d{2}")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def _first_months(months: int, year: str) -> str | None:
    """The year's first `months` months as one key: the quarter, the half or the year when they are one ("3 tháng đầu
    năm" is the first quarter, as "quý I" is), else "M" and their count."""
    return {3: f"{year}-Q1", 6: f"{year}-H1", 12: year}.get(months) or (f"{year}-M{months:02d}" if 0 < months < 12 else None)


FIRST_MONTHS = re.compile(rf"(?:(\d{{1,2}}|{MONTHS_IN_WORDS}) tháng|(nửa)) (?:(đầu|cuối) )?năm")


NAMED_MONTH = {name.lower(): month for name, month in MONTH_NAMES.items()}
MONTH_OF_YEAR = re.compile(r"tháng\s+(\d{1,2}|" + "|".join(sorted(NAMED_MONTH, key=len, reverse=True)) + r")(?:\s*/\s*|\s+năm\s+)")


def period_key(period: str | None, published: date | None) -> str | None:
    """"6 tháng đầu năm 2022" → 2022-H1, "quý III/2019" → 2019-Q3, "năm 2019" → 2019, "nhiệm kỳ 2015-2020" →
    2015-2020 (and "từ năm 2021 đến năm 2026" → 2021-2026, "từ năm 2021 đến nay" → 2021-<publication year>), "9 tháng đầu năm" → <publication year>-M09 (the first nine months), "tháng 11/2026" → 2026-11 (that
    month alone), "từ đầu năm" → <year>-YTD, "từ tháng 1 đến tháng 9/2026" → 2026-M09, "từ tháng 4 đến tháng 6/2026" → 2026-Q2. None when unknown."""
    if not period:
        return None
    p = period.lower()
    years = _YEAR.findall(p)
    year = years[0] if years else (str(published.year) if published else None)
    # (or "5 năm (2021-2025)": the span in brackets)
    if (re.match(r"(?:nhiệm kỳ|giai đoạn|từ năm)", p) or p.endswith(")")) and len(years) == 2:
        return f"{years[0]}-{years[1]}"
    if p.startswith("từ năm") and p.endswith("nay"):
        return f"{years[0]}-{published.year}" if published else None
    if year is None:
        return None
    # "9 tháng năm 2025" without "đầu" is the first nine months too ("nửa đầu năm" the first six)
    m = FIRST_MONTHS.match(p)
    if m:
        months = 6 if m[2] else MONTH_WORDS.get(m[1]) or int(m[1])
        if m[3] == "cuối":
            return f"{year}-H2" if months == 6 else None
        return _first_months(months, year)
    m = re.match(r"quý\s+(iv|iii|ii|i|\d)", p)
    if m and years:
        q = _ROMAN.get(m[1].upper()) or int(m[1])
        return f"{year}-Q{q}"
    if re.fullmatch(r"năm (?:19|20)\d{2}", p):
        return year
    # "từ ngày 1/1 đến 30/6/2026": the months up to the span's last
    if m := re.match(r"từ\s+(?:ngày\s+)?0?1\s*/\s*0?1.*?(?:đến|tới)\s+(?:ngày\s+)?\d{1,2}\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d{2})", p):
        return _first_months(int(m[1]), m[2])
    # "từ tháng 1 đến tháng 9/2026": the months up to the span's last; a span that is a quarter or the second half
    # ("từ tháng 4 đến tháng 6/2026") is that
    if m := re.match(r"từ\s+tháng\s+(\d{1,2})\s+(?:đến|tới)\s+(?:hết\s+)?tháng\s+(\d{1,2})", p):
        first, last = int(m[1]), int(m[2])
        if first == 1:
            return _first_months(last, year)
        if last - first == 2 and first % 3 == 1:
            return f"{year}-Q{last // 3}"
        return f"{year}-H2" if (first, last) == (7, 12) else None
    m = MONTH_OF_YEAR.match(p)
    if m:
        return f"{year}-{int(m[1]) if m[1].isdigit() else NAMED_MONTH[m[1]]:02d}"
    if p.startswith("từ đầu năm") or re.match(r"từ tháng 0?1\s*/", p):
        return f"{year}-YTD"
    return None
