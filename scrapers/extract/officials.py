"""Officials named with their title: `Bí thư Thành ủy Hoàng Trung Hải`, `đồng chí Vũ Đức Bảo - Ủy viên …`."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from scrapers.extract.gazetteer import HANOI_PLACES
from scrapers.text import LOWER, UPPER

SYL = rf"[{UPPER}][{LOWER}]+"
# Vietnamese personal names start with one of a small set of family names; requiring one keeps place names
# ("Hà Nội", "Long Biên") out of the name when the title runs into it.
SURNAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đào Đoàn Trịnh Mai Trương Lưu Cao "
    "Hà Tạ Lương Lâm Chu Đàm Kiều Tô Quách Triệu Thái Nghiêm Phùng La Tăng Vương Khuất Lại Hứa Mạc Thân Lò Tống "
    "Doãn Châu Khổng Âu Giang Kim Nông Ninh Bạch Vi Phí Diệp Từ Chử Hầu Lục Tôn Quan Đồng Hàn Tiêu Viên Lã Nhữ Văn "
    # (not family names that also start places' names here: Khương Đình, Hạ Đình, Giáp Bát, Ứng Hòa, Sầm Sơn)
    "Đỗ Trịnh Lều Ông Cù Đậu Bế Hoàng Mẫn Thạch Lạc Mã Đường Yên Phó Tòng Khúc Cấn Quản Nhâm Thiều Sái Kha Biện Chế"
    " Dư Ân"
    # the Central Highlands' peoples put a given-name marker or a clan name first ("Y Biêr Niê", "Ksor Phước Hà")
    " Y Ksor Nay Siu Rơ Rmah Kpă Êban Mlô Niê Byă"
).split()
# (a name withheld in a report keeps its first letter: "ông Nguyễn Văn A", "bà Trần Thị B")
NAME = rf"(?P<name>(?:{'|'.join(SURNAMES)})(?:(?:\s+{SYL}){{1,3}}|(?:\s+{SYL}){{0,2}}\s+[{UPPER}](?!\w)))"
# (an acting office holds its title: "Quyền Chủ tịch UBND phường", "Quyền Giám đốc Sở")
TITLE_HEAD = (
    r"(?:Quyền\s+)?(?:Thường trực Ban Bí thư|Tổng Bí thư|Phó Bí thư Thường trực|Phó Bí thư|Bí thư|Phó Chủ tịch Thường trực|Chủ tịch|Phó Chủ tịch"
    r"|Phó Chủ nhiệm Thường trực|Phó Chủ nhiệm|Chủ nhiệm|Trưởng [Bb]an|Phó Trưởng [Bb]an|Ủy viên|Uỷ viên|Chánh Văn phòng"
    r"|Phó Chánh Văn phòng|Giám đốc|Phó Giám đốc|Thủ tướng|Phó Thủ tướng|Bộ trưởng|Thứ trưởng|Tổng Thanh tra"
    r"|(?:Thành|Tỉnh|Quận|Huyện|Thị) ủy viên|Trưởng phòng|Phó Trưởng phòng|Chủ tịch UBND"
    # the offices party-work news quotes besides the party's own: courts, procuracy, inspectorates, ministries'
    # departments, newsrooms, schools, police, the National Assembly
    r"|(?:Phó )?Chánh án|(?:Phó )?Viện trưởng|(?:Phó )?Chánh Thanh tra|(?:Phó )?Vụ trưởng|(?:Phó )?Tổng cục trưởng"
    r"|(?:Phó )?Cục trưởng|(?:Phó )?Tổng Biên tập|(?:Phó )?Hiệu trưởng|(?:Phó )?Trưởng Công an|(?:Phó )?Tổng Giám đốc"
    r"|(?:Phó )?Trưởng [Đđ]oàn|Đại biểu Quốc hội"
    # the offices under a department or a commune that discipline notices name: "Kế toán trưởng Sở Y tế"
    r"|Kế toán trưởng|(?:Phó )?Đội trưởng|(?:Phó )?Tổ trưởng|(?:Phó )?Trưởng thôn|(?:Phó )?Trưởng khoa"
    r"|(?:Phó )?Chi cục trưởng|(?:Phó )?Trưởng trạm|Chuyên viên|Thư ký|Kiểm soát viên"
    # the armed forces' own offices
    r"|(?:Phó )?Chính ủy|(?:Phó )?Tư lệnh|(?:Phó )?Chính trị viên"
    # ward portals abbreviate a committee membership: "TUV" (Thành/Tỉnh ủy viên), "HUV", "QUV", "UV BTV"
    r"|TUV|HUV|QUV|UV\s?BTV)"
)
# "và" joins two offices of one organisation ("Ban Tuyên giáo và Dân vận"), not an office and a name; a full stop
# belongs to an abbreviation ("Tp.", "Q.") only: after a word it ends the sentence
# (an honorific or an act is no word of an office: "Ban Bí thư quyết định khai trừ ra khỏi Đảng ông Nguyễn Văn A")
ORG_WORD = (rf"(?!và\s+(?![{UPPER}])|và\s+(?:{'|'.join(SURNAMES)})\s|với\s|cùng\s"
            r"|(?:ông|bà|quyết định|đề nghị|thi hành|kỷ luật|khai trừ|cảnh cáo|khiển trách|cách chức)(?!\w))"
            # (a unit numbered after "số": "Bí thư Chi bộ khu dân cư số 5 Lê Thị Hương")
            rf"(?:[{UPPER}][{LOWER}]?\.|[{UPPER}][{LOWER}]*|T\.Ư|TƯ|UBND|HĐND|UBMTTQ|MTTQ|UBKT|TP\.?|[{LOWER}]+|(?<=số )\d{{1,3}}(?![\d,/]|\.\d)"
            # a dash joining two parts of one body's name ("Ban Kinh tế - Ngân sách HĐND thành phố")
            rf"|[-–](?=\s+[{UPPER}][{LOWER}]*\s+[{LOWER}{UPPER}]))")
# "Bí thư Thành ủy Hà Nội Hoàng Trung Hải": title, then its organisation, then the name. The organisation is the
# shortest run of words that leaves a 2-4 syllable name at the end.
# every title starts with a capital: other positions fail at once (these patterns run over whole articles)
TITLE_THEN_NAME = re.compile(
    # (a caption's position may follow the name in brackets: "… Nguyễn Văn Phong (thứ 2 từ trái) trao …")
    # ("Ban Bí thư" is the Secretariat, not a secretary)
    # (a former office keeps its "nguyên" or "cựu": "… khai trừ nguyên Phó Chủ tịch UBND huyện Thanh Oai Nguyễn Văn Sơn")
    rf"(?P<title>(?:(?<!\w)(?:[Nn]guyên|[Cc]ựu)[^\S\n]+)?(?=[{UPPER}])(?<!Ban ){TITLE_HEAD}(?:[^\S\n]+{ORG_WORD}){{0,10}}?)\s+{NAME}(?=\s*(?:[,.;:()\n]|[-–]\s|$)|\s+[{LOWER}])"
)
# "đồng chí Nguyễn Lan Hương - Ủy viên Ban Thường vụ Thành ủy, Chủ tịch UBMTTQ …"
# a title ends where the clause's verb begins: speech and action verbs, and the auxiliaries and copulas that come
# before any verb ("…, Phó Bí thư Thành ủy làm Trưởng đoàn", "…, Chủ tịch UBND quận đã trao …")
VERB_STOP = (r"chủ trì|trao|phát biểu|cho biết|nhấn mạnh|đề nghị|yêu cầu|đánh giá|làm việc|kết luận|dự(?! án| thảo| toán| báo)|tham dự|lưu ý"
             r"|chỉ đạo|làm|đã|đang|sẽ|vừa|cũng|cùng|là|được|thông tin|thông báo|khẳng định|ghi nhận|chia sẻ|cho rằng"
             r"|nêu rõ|chỉ rõ|báo cáo|trình bày|gửi|tặng|ký|giới thiệu|thay mặt|chúc mừng|biểu dương|công bố|nhận|thăm"
             # the other verbs reporters put after a speaker
             r"|đề xuất|kiến nghị|cho hay|bày tỏ|mong muốn|trả lời|giải thích|thừa nhận|cam kết|đọc|điều hành"
             r"|phân tích|quán triệt|tham luận|hướng dẫn|động viên|kêu gọi|thông qua|nói|dẫn đầu|đồng chủ trì")
# what may stand before a name as "ông" does: academic ranks and degrees ("PGS.TS Lê Văn Lợi, Phó Giám đốc …"),
# military and police ranks
# — and the forms of ward and mass-organisation news: "Đ/c", "anh", "chị" (youth and women's unions), "nhà báo"; the
# court's ("bị cáo Lê Văn Quang, nguyên Giám đốc …", "bị can")
HONORIFIC = (r"(?:đồng chí|Đồng chí|[Đđ]/c|ông|Ông|bà|Bà|[Aa]nh|[Cc]hị|[Nn]hà báo|[Bb]ị (?:cáo|can)"
             r"|(?:GS|PGS|TS|ThS|BS)(?:\.\s?(?:TS|ThS|BS))?\.?"
             r"|(?:Đại|Thượng|Trung|Thiếu) (?:tướng|tá|úy))")
# the name first: after "đồng chí / ông / bà" or a rank, or opening its sentence ("Nguyễn Văn Phong, Phó Bí thư
# Thành ủy, nhấn mạnh …"); the title after a dash, a comma or in brackets, a former one with "nguyên" or "cựu"
AGE = r"(?:\s*,\s*(?:\d{1,3}\s+tuổi|sinh năm \d{4})|\s*\(\s*(?:\d{1,3}\s+tuổi|sinh năm \d{4})\s*\))"
NAME_THEN_TITLE = re.compile(
    # (a sentence's start may follow its stop with no space, "… lúc 11 giờ.Trần Đình Cảnh, …", as sloppy portals write)
    rf"(?=[{UPPER}đôbacn])(?:{HONORIFIC}(?:[^\S\n]+|(?<=\.)(?=[{UPPER}]))|(?:^|(?<=[.!?…]\s)|(?<=\n)|(?<=[{LOWER})]\.))(?=[{UPPER}][{LOWER}]+\s+[{UPPER}]))"
    # (a person's age or year of birth may stand between: "Ông Lê Văn Thành, 58 tuổi, cựu Bí thư …", "(sinh năm 1968)")
    rf"{NAME}{AGE}?\s*(?:[-–,]|\()\s*(?P<title>(?:(?:nguyên|cựu)\s+)?{TITLE_HEAD}(?:,?[^\S\n]+[^;:.(),\s]+){{0,16}}?)"
    # … or where "và" brings in the next person ("…, Phó Chủ tịch HĐND thành phố và ông Nguyễn Lan Hương, …"), or
    # where a clause opens on a number: what the speaker reports, not an office ("…, Chủ nhiệm …, 9 tháng năm 2026, …")
    # (a title ends with its line: "… Chủ nhiệm Ủy ban Kiểm tra Quận ủy Đống Đa\nPV: …", a line left without its stop)
    # (or where a bracket says when it was held: "…, Phó Bí thư Thường trực Thành ủy (nhiệm kỳ 2020-2025), …")
    rf"(?=[;:.()]|[^\S\n]+\(|\s+(?:{VERB_STOP})\b|,\s+[{LOWER}\d]|,?\s*$|,?[^\S\n]*\n|\s+và\s+{HONORIFIC}\s)"
)
# "Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội, đồng chí Bùi Thị Minh Hoài": the title, then the name after a comma
# and an honorific or a rank ("Thứ trưởng Bộ Công an, Trung tướng …"); the last title is the office
TITLE_COMMA_NAME = re.compile(
    rf"(?=[{UPPER}])(?P<title>{TITLE_HEAD}(?:[^\S\n]+{ORG_WORD}){{0,8}}?)\s*,\s*{HONORIFIC}(?:[^\S\n]+|(?<=\.)(?=[{UPPER}])){NAME}"
    rf"(?=\s*(?:[,.;:)\n]|[-–]\s|$)|\s+[{LOWER}])"
)
# "Đồng chí Nguyễn Văn A từng giữ chức Phó Bí thư Thành ủy nhiệm kỳ …", "… được bầu làm Bí thư Đảng ủy phường"
NAME_HOLDS_TITLE = re.compile(
    # (an age or a year of birth may stand between, and "vẫn" before: "ông Trần Văn Lục (sinh năm 1954) vẫn là Bí thư …")
    rf"(?:đồng chí|Đồng chí|[Đđ]/c|ông|Ông|bà|Bà)[^\S\n]+{NAME}{AGE}?\s*,?\s+(?:(?:từng|hiện|đang|nguyên|vẫn)\s+)?"
    # "… được bầu làm / được bổ nhiệm giữ chức Bí thư …": elected or appointed to it
    rf"(?:(?:được\s+(?:bầu|bầu giữ|bổ nhiệm|bổ nhiệm giữ|phân công giữ|chỉ định)\s+)?(?:giữ chức(?: vụ)?|làm)|là)\s+"
    # the office's body runs to the clause's end or to what says when or how ("với 100% số phiếu", "từ ngày 1/12")
    rf"(?P<title>{TITLE_HEAD}(?:[^\S\n]+{ORG_WORD}){{0,10}}?)"
    rf"(?=\s*(?:[,.;:()\n]|$)|\s+(?:với|từ|kể từ|nhiệm kỳ|khóa|thay|(?:{VERB_STOP}))(?!\w))"
)
# "Tham dự có các đồng chí: Hoàng Trung Hải, Bí thư Thành ủy Hà Nội; Ngô Thị Thanh Hằng, Phó Bí thư …; …"
# … also with who they are before the colon: "các đồng chí Thành ủy viên: …", "các đồng chí lãnh đạo quận: …"
LIST_HEAD = re.compile(r"(?:các|Các)\s+(?:đồng chí|[Đđ]/c|vị đại biểu|đại biểu)(?:\s+[^:;.\n]{1,40}?)?\s*:\s*")
ANY_NAME = NAME.replace("?P<name>", "?:")
# (a stop glued to the next sentence ends it too: "… Chánh Văn phòng Thành ủy.Hội nghị …")
GLUED_END = rf"(?<=[{LOWER}][{LOWER}])\.(?=[{UPPER}][{LOWER}])"
LIST_END = re.compile(rf"\.(?=\s+[{UPPER}]|\s*$)|{GLUED_END}|\n")
LIST_ITEM = re.compile(rf"\s*(?:và\s+)?{NAME}\s*[,-–]\s*(?P<title>(?:(?:nguyên|cựu)\s+)?{TITLE_HEAD}[^;]*?)\s*(?=;|\.(?:\s|$)|{GLUED_END}|$|\s+và\s+{ANY_NAME}\s*[,-–]"
                       rf"|\s+(?:{VERB_STOP})\b)")
NOT_NAMES = re.compile(r"^(?:Hà Nội|Thành|Thành Ủy|Ban|Ủy|Đảng|Quận|Huyện|Trung|Chính|Nhà|Mặt|Hội|Thường|Tổ|Văn)"
                       # historical leaders whose names end institutions' names ("Học viện Chính trị quốc gia Hồ
                       # Chí Minh", "Trường Chính trị Tô Hiệu"): part of an organisation after a title, not a person
                       r"|^(?:Hồ Chí Minh|Nguyễn Ái Quốc|Tôn Đức Thắng|Lê Hồng Phong|Tô Hiệu)$", re.I)


# a title's last place unit and the capitalised words after it ("Bí thư Quận ủy Hoàng", "Chủ tịch UBND phường Cửa")
PLACE_AFTER_UNIT = re.compile(
    rf"^(?P<unit>.*(?:[ủỦ]y|[uU]ỷ|[Qq]uận|[Hh]uyện|[Tt]ỉnh|[Pp]hường|[Xx]ã|[Tt]hị trấn|[Tt]hành phố))"
    rf"(?P<place>(?:\s+[{UPPER}][{LOWER}]*)*)$"
)
PLACE_NOUN_END = re.compile(r"(?:[Qq]uận|[Hh]uyện|[Tt]ỉnh|[Pp]hường|[Xx]ã|[Tt]hị trấn|[Tt]hành phố)$")
SURNAME_SET = frozenset(SURNAMES)
MAX_QUOTE = 400  # no official's quote (title and name) is longer


def named_like_a_person(words: list[str]) -> bool:
    """Two words after an office's ward or commune ("Phó Bí thư Đảng ủy phường Lê Hùng"), opening on a family name and
    naming no ward or commune of the capital: the office's holder, its ward left unsaid."""
    return len(words) == 2 and words[0] in SURNAME_SET and " ".join(words) not in HANOI_PLACES


def _place_then_name(title: str, name: str) -> tuple[str, str]:
    """Split the capitalised words after a title's place unit into the place and the name. Place names often end
    in a family name ("Hoàng Mai", "Gia Lâm", "Tây Hồ", "Bắc Giang", "Quảng Ninh"), so the shortest place that
    leaves a name is not the answer: most places have two syllables (some three) and most names three (some four),
    so the place takes two or three words when a name of three or four opening with a family name is left."""
    m = PLACE_AFTER_UNIT.match(title)
    if not m:
        return title, name
    run = m["place"].split() + name.split()
    # "Chủ tịch UBND phường Yên Hòa": after a place's own noun come its name's words first; two words are the place
    # alone, no one is named
    if len(run) <= 2 and PLACE_NOUN_END.search(m["unit"]):
        return (m["unit"], " ".join(run)) if named_like_a_person(run) else (title, "")
    for size in (2, 3):
        rest = run[size:]
        if 3 <= len(rest) <= 4 and rest[0] in SURNAME_SET:
            return " ".join([m["unit"], *run[:size]]), " ".join(rest)
    return title, name


# "… Thành" before "ủy"/"phố" is the start of a body's name ("Thành ủy", "Thành phố"), not the end of a person's
# ("Nguyễn Văn Thành" is a common name)
BODY_AFTER = re.compile(r"\s+(?:ủy|uỷ|phố|Ủy|Uỷ|Phố)(?!\w)")


def _runs_into_a_body(text: str, m: re.Match) -> bool:
    return m["name"].split()[-1] == "Thành" and BODY_AFTER.match(text, m.end("name")) is not None


# an interview's answers are led by the speaker's name and a colon ("Ông Nguyễn Văn A: Chúng tôi …"), the title said
# once in the lead or not at all; only where the reporter's questions are labelled too ("PV:", "Phóng viên:"), as a
# name and a colon elsewhere may be anything
INTERVIEWER = re.compile(r"(?:^|(?<=[\n.?!:]))\s*(?:PV|P\.V|Phóng viên)\s*:", re.M)
SPEAKER = re.compile(rf"(?:^|(?<=[\n.?!]))\s*(?:Ông|Bà)\s+{NAME}\s*:(?!\d)")


def find_officials(text: str) -> list[dict]:
    found = _titled(text)
    if INTERVIEWER.search(text):
        names = {o["name"] for o in found.values()}
        for m in SPEAKER.finditer(text):
            if m["name"] not in names:  # (named with a title already: listed once, with it)
                names.add(m["name"])
                start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
                found[m.span("name")] = {"name": m["name"], "title": None, "quote": text[start:m.end("name")],
                                         "start": start, "end": m.end("name")}
    # a person named again (an interview's speaker label before each answer, "đồng chí … nhấn mạnh" after the lead)
    # is one official, listed once with the first mention's title — or a later mention's fuller form of it (a
    # headline's "Bí thư Hoàng Trung Hải" is the body's "Bí thư Thành ủy Hoàng Trung Hải")
    first: dict[str, dict] = {}
    for official in sorted(_not_inside_titles(found).values(), key=lambda o: o["start"]):
        kept = first.setdefault(official["name"], official)
        if kept["title"] and official["title"] and official["title"].startswith(kept["title"] + " "):
            first[official["name"]] = official
    return list(first.values())


def _titled(text: str) -> dict[tuple[int, int], dict]:
    """Every official named with a title, by the name's span."""
    found: dict[tuple[int, int], dict] = {}
    for rx in (TITLE_THEN_NAME, TITLE_COMMA_NAME, NAME_THEN_TITLE, NAME_HOLDS_TITLE):
        for m in rx.finditer(text):
            name, title = m["name"], m["title"]
            if rx is TITLE_THEN_NAME:
                title, name = _place_then_name(title, name)
            if not name or NOT_NAMES.match(name) or name.split()[-1] in ("Nội", "Đảng", "Quận", "Ủy", "Uỷ") or _runs_into_a_body(text, m):
                continue
            key = (m.end("name") - len(name), m.end("name"))
            if key in found:
                continue
            found[key] = {"name": name, "title": re.sub(r"\s+", " ", title).strip(" ,-–"),
                          "quote": m.group(0).strip(), "start": m.start(), "end": m.start() + len(m.group(0).rstrip())}
    for head in LIST_HEAD.finditer(text):
        # the list runs to the end of the sentence; items are separated by semicolons
        end = LIST_END.search(text, head.end())
        stop = end.start() if end else len(text)
        pos = head.end()
        while pos < stop:
            m = LIST_ITEM.match(text, pos, stop)
            if not m:
                break
            key = (m.start("name"), m.end("name"))
            if key not in found and not NOT_NAMES.match(m["name"]):
                start = m.start("name")
                found[key] = {"name": m["name"], "title": re.sub(r"\s+", " ", m["title"]).strip(" ,-–"),
                              "quote": text[start:m.end("title")], "start": start, "end": m.end("title")}
            pos = m.end() + 1 if text.startswith(";", m.end()) else m.end()  # past the semicolon
    return found


def _not_inside_titles(found: dict[tuple[int, int], dict]) -> dict[tuple[int, int], dict]:
    """"ông Lê Anh Quân – Phó Chủ tịch UBND quận Hoàng Mai": a "name" read inside another official's title (the
    district "Hoàng Mai") is a place of that title, not a person."""
    keys = sorted(found, key=lambda k: found[k]["start"])
    starts = [found[k]["start"] for k in keys]
    kept = {}
    for key, official in found.items():
        # quotes are short: only officials starting shortly before this name can hold it in their title
        lo = bisect_left(starts, key[0] - MAX_QUOTE)
        hi = bisect_right(starts, key[0])
        holder = next((o for o in keys[lo:hi] if o != key and key[1] <= found[o]["end"]
                       and not (key[0] < o[1] and o[0] < key[1])), None)
        if holder is None:
            kept[key] = official
    return kept
