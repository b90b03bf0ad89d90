"""Statements governed by a predicate: kỷ luật, kiểm tra, giám sát, kết luận vi phạm, khen thưởng, đình chỉ, tố cáo.

Every count with a unit in the sentence is read once, in order: the act that governs it is the passive verb right
after it ("14 đảng viên bị kỷ luật"), else the predicate nearest before it — however far, so coordinated objects
("kiểm tra 6.240 tổ chức đảng và 18.305 đảng viên; giám sát 3.912 …") each belong to their own verb. A discipline
total then tries each breakdown strategy; a "trong đó có N cấp ủy viên" after any total is a part of it.
"""

from __future__ import annotations

import re

from scrapers.extract.model import Draft
from scrapers.extract.numbers import DIGITS, NUMBER, QUALIFIER, count_of, parse_number, qualifier_of
from scrapers.extract.patterns import (
    ABBREVIATION,
    ABBREVIATIONS,
    APPLIED_TO,
    AWARD,
    BULLET,
    COMMEND_UNIT,
    COMPLAINT_COUNT,
    COMRADE,
    COUNTS_IN_ORDER,
    DEGREE,
    FORM,
    FORM_RE,
    FORM_TAIL,
    INCLUDES,
    LIST_SHARE_RE,
    NUM_START,
    ORG_SUBJECT,
    PAIR,
    PASSIVE,
    PERIOD_AFTER,
    QNUM,
    RATIO,
    RATIO_WORDS,
    RESPECTIVELY,
    SHARE_RE,
    SUBJECT,
    SUBJECT_COUNT,
    SUBJECT_LABEL,
    SUBJECT_WORD,
    TRIGGER,
    WITHIN_MARK,
)
from scrapers.extract.rules import rule
from scrapers.extract.rules.breakdowns import (
    FORM_LIST,
    INNER_GROUP,
    TOTAL_AFTER,
    bracketed,
    read_breakdown,
)
from scrapers.extract.scope import DISTRICT_ABBREVIATED, LOCAL_UNIT, PHRASE_CHAR, locality_in
from scrapers.extract.sentence import Sentence
from scrapers.text import UPPER
from scrapers.vocabulary import COUNT_KINDS, DISCIPLINE_KINDS

# "24 cuộc kiểm tra", "3 đợt giám sát", "42 lượt giám sát": the acts themselves counted
# — or after the act that names them: "giám sát chuyên đề 8 cuộc đối với 10 tổ chức đảng"
# ("đã 3 lần giám sát Chi bộ …": the times an act was done on one body, told before the act)
WORK_COUNT = re.compile(rf"{NUM_START}{QNUM}\s+(?:(?P<unit>cuộc|đợt|lượt|lần)(?=\s+(?:kiểm tra|giám sát))"
                        r"|(?P<unit2>cuộc|đợt)(?=\s*(?:[,;.)]|$)|\s+(?:đối với|tại|ở|với)\s))", re.I)
# "phát hiện 37 vụ vi phạm": cases, counted by the act that found them
# — and "kết luận tố cáo đúng và đúng một phần 41 vụ": cases that end the clause, the act's objects
CASE_COUNT = re.compile(rf"{NUM_START}{QNUM}\s+(?P<unit>vụ(?:\s+việc)?)(?=\s+(?:có\s+)?(?:dấu hiệu\s+)?vi phạm|\s*(?:[.,;)]|$)"
                        # (or the period after it: "… tố cáo đúng 3 vụ trong năm 2025")
                        rf"|{PERIOD_AFTER})",
                        re.I)
# "Số đảng viên bị kỷ luật là 33", "số tổ chức đảng được kiểm tra: 120", "Số đơn thư tiếp nhận năm 2023 là 120"
LETTERS = r"đơn(?:,?\s*thư)?(?!\s+vị)"
# "Số <what is counted>" opening a stated total — also those commended: "Tổng số tập thể, cá nhân được khen thưởng …"
NUMBER_OF = rf"(?<!\w)[Ss]ố(?:\s+lượng)?\s+(?P<subj>tập thể(?:,\s*|\s+và\s+)cá nhân|{SUBJECT}|{LETTERS}|tập thể)"
STATED = re.compile(
    # (the period may stand in it, "Số đảng viên bị kỷ luật trong quý III/2026 là 6", "… trong tháng 10/2026 là 14")
    # (and a place abbreviated, "… ở H. Sóc Sơn là 21")
    rf"{NUMBER_OF}(?P<mid>(?:[^,.;:\d]|(?<=[\s/])(?:19|20)\d\d(?!\d)|(?:(?<=tháng )|(?<=quý ))\d{{1,2}}(?=/(?:19|20)\d\d)"
    # (and both, "… trong năm 2026 của Đảng bộ phường Việt Hưng là 17": the label may run to 70 characters)
    rf"|(?<=\s)(?-i:{DISTRICT_ABBREVIATED})){{0,70}}?)"
    # ("Số đảng viên bị kỷ luật qua các năm: năm 2023 là 312, năm 2024 là 287 …": a series of periods after a colon)
    # (or a cell's border: "Tổng số đảng viên bị kỷ luật | 15", a two-column table of labels and counts)
    rf"(?:\s*(?:là|đạt|có|:(?:\s*(?P<first>(?:năm|quý|tháng)\s+[\w/]+)\s+(?:là|có))?)\s+|[ \t]*\|[ \t]*){QNUM}"
    # (a word may follow only to set the figure against another: "là 612 chứ không phải 621", "là 45, tăng 3")
    rf"(?!\d)(?:\s+(?:{SUBJECT}|{LETTERS})(?!\w))?(?![\d.,]\d)(?!\s*[%/])"
    # (or the period it is of: "… khen thưởng là 86 trong năm 2026")
    rf"(?!(?!{PERIOD_AFTER})\s+(?!(?:chứ|nhưng|song|trong khi|so với|so|tăng|giảm)(?!\w))[a-zà-ỹđ])", re.I)
# "số tổ chức đảng được giám sát 48; số đảng viên bị kỷ luật 6 (khiển trách 4, …)": a label saying its act, the count
# right after it with no "là" (a stated total only when the count ends the label's clause)
# (no word of a move or a link stands in the label: "… giảm còn 12", "… là cấp ủy viên 36 đồng chí" are read elsewhere)
STATED_BARE = re.compile(rf"{NUMBER_OF}(?P<mid>\s+(?:đã\s+)?(?:được|bị|phải)"
                         r"(?:\s+(?!(?:tăng|giảm|là|có|từ|còn|lên|xuống|so)(?!\w))[^\s,.;:\d()]+){1,8}?)"
                         rf"\s+{QNUM}(?![\d.,]\d)"
                         rf"(?:\s+(?:{SUBJECT}|{LETTERS})(?!\w))?(?=\s*(?:[,;.(]|$))", re.I)
PASSIVE_LABEL = re.compile(r"[Ss]ố(?:\s+lượng)?\s+[^,.;:\d]{1,60}?\s(?:được|bị|phải)\s")
# "tổ chức đảng được kiểm tra (42), đảng viên bị kỷ luật (9)": the subject and its act as a label, the count in
# brackets after it
STATED_BRACKETED = re.compile(rf"(?<!\w)(?:[Ss]ố(?:\s+lượng)?\s+)?(?P<subj>{SUBJECT}|{LETTERS})"
                              rf"(?P<mid>\s+(?:đã\s+)?(?:được|bị|phải)\s+[^,;.:()\d]{{1,40}}?)\s*\(\s*{QNUM}\s*\)", re.I)
BRACKETED_COUNT = re.compile(r"\(\s*\d")
YEAR_IN_LABEL = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# a form's or an infographic's field, its label and a colon and its number on a line of their own, with no "Số"
# ("Đơn thư tiếp nhận: 64", "- Đảng viên bị kỷ luật: 27") — or with no subject under a field that said it ("Đơn thư
# tiếp nhận: 64\nĐã giải quyết: 61")
# (a field's label and its count on one line, a colon between — or a cell's border: a two-column table of labels and
# counts, "Tổng số đảng viên bị kỷ luật | 15", tabs read as borders)
_FIELD_COUNT = rf"[ \t]*[:|][ \t]*{QNUM}(?![\d.,]\d)(?!\s*[%/])(?:[ \t]+(?:{SUBJECT}|{LETTERS})(?!\w))?[ \t]*[.;]?\s*"
FIELD_LABEL = re.compile(rf"[ \t]*(?:{BULLET}[ \t]*)?(?P<subj>{SUBJECT}|{LETTERS})(?P<mid>[^,.;:\d\n]{{0,50}}?){_FIELD_COUNT}",
                         re.I)
FIELD_ACT_ONLY = re.compile(rf"[ \t]*(?:{BULLET}[ \t]*)?(?P<mid>(?:đã\s+|được\s+|bị\s+)?[^,.;:\d\n]{{2,40}}?){_FIELD_COUNT}", re.I)
NAMES_WHAT = re.compile(rf"{SUBJECT}|{LETTERS}", re.I)  # (a field that names its subject is a field of its own)
SHARE_FIELD = re.compile(r"tỷ lệ|%", re.I)
# an infographic's label line, then its number on a line of its own ("Đảng viên được kiểm tra\n1.284"): "Số … là …"
LABEL_THEN_NUMBER = re.compile(rf"\s*(?:[Ss]ố(?:\s+lượng)?\s+)?(?P<subj>{SUBJECT}|{LETTERS})(?P<mid>[^\n\d]{{0,50}}?)\s*:?[ \t]*\n"
                               rf"\s*{QNUM}[ \t]*", re.I)  # (a blank line may stand between the label and its number)
# "Số đảng viên bị xử lý kỷ luật giảm từ 312 (năm 2022) xuống còn 274 (năm 2023)": both ends are figures of the
# stated subject and act
# — or only the end it came to ("… giảm còn 12 trường hợp (năm 2024 là 19 trường hợp)"), the year before's value in
# brackets being the other end, a figure of its period (but "(cùng kỳ: 19)" is a comparison's base)
STATED_FROM_TO = re.compile(
    # ("Đơn thư khiếu nại, tố cáo giảm từ 52 đơn năm 2025 xuống còn 38 đơn năm 2026": the subject may open the
    # sentence without "Số")
    rf"(?:(?<!\w)[Ss]ố(?:\s+lượng)?\s+|^\s*(?:{BULLET}\s*)?)(?P<subj>{SUBJECT}|{LETTERS})"
    # ("Số đơn khiếu nại, tố cáo giảm …": the letters' kinds may be listed)
    # (and the year it is of: "Số đảng viên bị kỷ luật năm 2026 giảm còn 14")
    rf"(?P<mid>(?:[^,.;:\d]|,(?=\s*(?:tố cáo|khiếu nại|phản ánh|kiến nghị)\b)|(?<=[\s/])(?:19|20)\d\d(?!\d)){{0,50}}?)"
    rf"\s+(?:tăng|giảm)"
    # ("tăng mạnh, từ …": how much it moved, told in words)
    rf"(?:\s+{DEGREE}\s*,?)?\s+"
    # ("từ 12 người năm 2024 lên 19 người năm 2025": each end may say its year)
    rf"(?:từ\s+{QNUM}(?:\s+(?:{SUBJECT}|{LETTERS})(?!\w))?(?:\s*\([^()]{{0,30}}\)|\s+(?:năm|quý|tháng)\s+[\dIVX/]+)?"
    rf"\s+(?:xuống|lên)\s+(?:còn\s+)?"
    rf"|(?:xuống|lên)\s+(?:còn\s+)?|còn\s+)"
    rf"(?:(?P<q2>{QUALIFIER})\s+)?(?P<n2>{NUMBER})(?!\d)(?P<u2>\s+(?:{SUBJECT}|{LETTERS})(?!\w))?(?![\d.,]\d)(?!\s*[%/])"
    rf"(?P<was>\s*\((?P<label>năm|cùng kỳ|quý|tháng)[^()]{{0,40}}?(?:là|:)\s*(?P<n0>[\d.,]+)"
    rf"(?P<u0>\s+(?:{SUBJECT}|{LETTERS})(?!\w))?[^()]{{0,20}}\))?", re.I)
# "…, nâng tổng số tổ chức đảng được giám sát từ đầu năm lên 31": a running total raised to its new value, the
# subject and act told between (as in a stated move, with no first end)
RAISED_TO = re.compile(
    rf"(?<!\w)(?:nâng|đưa)\s+(?:tổng\s+)?số(?:\s+lượng)?\s+(?P<subj>{SUBJECT}|{LETTERS})"
    rf"(?P<mid>[^,.;:\d]{{0,50}}?)\s+lên\s+(?:(?P<q2>{QUALIFIER})\s+)?(?P<n2>{NUMBER})(?!\d)"
    rf"(?P<u2>\s+(?:{SUBJECT}|{LETTERS})(?!\w))?(?![\d.,]\d)(?!\s*[%/])(?P<n>(?!))?(?P<q>(?!))?(?P<was>(?!))?", re.I)
# (not a year labelling another value: "… còn 31 trường hợp (năm 2025: 45 trường hợp)")
END_PERIOD = re.compile(rf"(?:\s+(?:{SUBJECT}|{LETTERS})(?!\w))?\s*\(?\s*(?:năm|quý|tháng)\s+[\dIVX/]+(?![\dIVX/])(?!\s*(?::|là\s))", re.I)
# "…, trong đó có 7 cấp ủy viên", "… (7 cấp ủy viên)", "… (trong đó có 4 cấp ủy viên), gồm: …"
_WITHIN = rf"(?:{WITHIN_MARK}\s*[,:]?\s*)"
# ("… 9 đảng viên, gồm 3 đảng viên là cán bộ (…) và 6 …": the members a total is made of, each told with its forms)
SUBGROUP_MARK = re.compile(rf"\s*(?:,\s*|;\s*)?(?:\(\s*{_WITHIN}?|{_WITHIN}|{INCLUDES}\s*:?\s*(?=\d))(?:có\s+)?", re.I)
# (not what it came to: "giảm còn 17 đơn", "tăng lên 52 đảng viên" state the value)
CHANGE_BEFORE = re.compile(r"(?:tăng|giảm)(?:\s+(?:thêm|được))?\s+(?!(?:còn|xuống|lên)\s)(?:\S+\s+)?$", re.I)
# the form before its count: "khai trừ ra khỏi Đảng 5", "cách chức tất cả các chức vụ trong Đảng đối với 3",
# "cảnh cáo chiếm 40% (4 trường hợp)"
LEAD_FORM = re.compile(rf"({FORM})(?:\s+(?:ra\s+)?khỏi đảng|\s+(?:tất cả\s+)?(?:các\s+)?chức vụ(?:\s+trong đảng)?)?{FORM_TAIL}"
                       # ("khiển trách cả 3 đồng chí": all of those counted)
                       rf"\s*(?::|đối với|với|là|{APPLIED_TO})?\s*(?:(?:cả|tất cả|toàn bộ)\s+)?(?:\(\s*)?$", re.I)
# one form's pair joined to the next in a list: ", cảnh cáo 2", ";\n- Khai trừ: 3", ", và đề nghị khai trừ 1". Two
# pairs joined by "và" alone are two figures ("cách chức hai đồng chí và khiển trách bốn đồng chí").
# "…; đề nghị Ban Thường vụ Quận ủy khai trừ 1 đảng viên": the body asked may stand between the verb and the form
# (a line break alone joins the lines of a list: "cụ thể:\nKhiển trách 3 …\nCảnh cáo 1 …")
# (or ranked: "khai trừ chiếm nhiều nhất với 9 đảng viên, tiếp theo là cảnh cáo 6 và …")
JOIN = (rf"(?:\s*[,;]\s*|[ \t]*\n\s*)(?:{BULLET}\s*)?"
        r"(?:và\s+|còn lại là\s+|(?:tiếp\s+(?:theo|đến|sau)|kế\s+(?:tiếp|đến|sau)|sau\s+đó)(?:\s+là)?\s+)?"
        rf"(?:(?:(?:đề nghị|quyết định|tiếp tục)(?:\s+[{UPPER}]\w*(?:\s+\w+){{0,5}}?)?|bị)\s+)?"
        # "…, bằng hình thức cảnh cáo đối với 2 đảng viên", "…, mức cảnh cáo 3 đồng chí"
        r"(?:(?:bằng\s+|với\s+)?hình thức\s+|(?:ở\s+)?mức\s+)?")
# (a few words may end the counted's noun first: "khiển trách 1 chánh văn phòng Huyện ủy, cảnh cáo 1 trưởng công an xã")
# (and a subgroup in brackets after the pair's count: "Khiển trách 7 đồng chí (trong đó có 2 cấp ủy viên), cảnh cáo …")
UNIT_TAIL = r"(?:\s+[^\W\d]+){0,6}?(?:\s*\((?:trong (?:đó|số đó)|gồm|kể cả)[^()\n]{1,60}\))?"
PAIR_NEXT = re.compile(rf"{UNIT_TAIL}{JOIN}(?:{PAIR.pattern})", re.I)
PAIR_BEFORE = re.compile(rf"(?:{PAIR.pattern}){UNIT_TAIL}{JOIN}$", re.I)
# "khiển trách 33 đồng chí, cảnh cáo 15 đồng chí, cách chức 2 đồng chí và khai trừ 7 đồng chí": after two or more
# comma-joined pairs, "và" closes the same list; two pairs joined by "và" alone stay two statements
VA_END = re.compile(r"\s+và\s+(?:(?:đề nghị|quyết định|tiếp tục)\s+)?$", re.I)
PAIR_END = re.compile(rf"(?:{PAIR.pattern})$", re.I)
LABEL_END = re.compile(r"[^,;.()]*?(?=\s*(?:[,;.()]|\s+và\s+\d|$))")
SHARE_AFTER = re.compile(rf"(?:\s+[^\s(),;.]+){{0,4}}?{SHARE_RE.pattern}")
PASSIVE_FORM = re.compile(rf"\bbị\s+(?:hình thức\s+)?{FORM}", re.I)
LATER_MARK = re.compile(r"[^;.]{0,80}?(?=[,;]\s*trong (?:đó|số đó)\b)", re.I)
COMPLAINT_NOUN = re.compile(r"\s+(?:tố cáo|khiếu nại)(?!\w)", re.I)
# (any count of things: "tiếp 146 lượt công dân, nhận 392 đơn thư; trong đó 251 đơn …" are the letters' parts)
COUNT_ON_THE_WAY = re.compile(r"\d[\d.,]*\s+[a-zà-ỹđ]", re.I)
JOINED = re.compile(r"\s*(?:,|và|;)\s*(?:có\s+)?")
FINDING_AFTER = re.compile(
    r"\s*(?:(?:(?:đã\s+)?có\s+(?P<signs>dấu hiệu\s+)?|đã\s+)?vi phạm(?!\s+(?:về|nguyên tắc|quy định|chính sách|luật))"
    r"|có\s+(?:thiếu sót|khuyết điểm|sai phạm))", re.I)
ACTIVE_AFTER = re.compile(r"\s*(?:(?:đã|đều|cũng)\s+)*", re.I)
QUALIFIER_ONLY = re.compile(rf"\s*(?:{QUALIFIER}\s*)?")
OWN_VERB = re.compile(r"\s+(?:(?:đã|đều|cũng|đang)\s+)?(?:tham gia|tham dự|học tập|đạt|hoàn thành|đăng ký|cam kết|đóng góp"
                      r"|nghỉ hưu|chuyển sinh hoạt)(?!\w)", re.I)
OTHER_PASSIVE = re.compile(r"\s*(?:đã\s+)?(?:được|bị)\s+\w", re.I)
# ("có 17 đảng viên vi phạm phải xử lý kỷ luật": the finding's degree said without "đến mức")
DEGREE_AFTER = re.compile(r"\s*(?:(?:khác|còn lại|này|nói trên)\s+)?(?:có\s+)?vi phạm\s+(?:(?:nhưng\s+)?(?:chưa\s+)?đến mức"
                          r"|phải\s+(?:bị\s+)?(?:xử lý|thi hành)\s+kỷ luật)", re.I)
# "3 đảng viên bị khai trừ": a form after its count is one part of a breakdown, not a total
PASSIVE_FORM_ONLY = re.compile(rf"\s*(?:(?:đều|cùng|cũng)\s+)?(?:đã\s+)?bị\s+(?:hình thức\s+)?{FORM}", re.I)


# ("41 lượt tổ chức đảng và 96 lượt đảng viên được kiểm tra": counted in visits)
COORDINATED = re.compile(rf"\s*(?:,|và)\s*{QNUM}\s+(?:lượt\s+)?(?:{SUBJECT}|tập thể|cá nhân|đơn vị)(?!\w)", re.I)
# "… cá nhân tiêu biểu được nhận Giấy khen": a few describing words may sit between the counts and the verb
# ("có thành tích xuất sắc được …"); not a finding ("7 đảng viên vi phạm đến mức phải xử lý kỷ luật")
# (or where they are, a place abbreviated: "3 tổ chức đảng và 8 đảng viên ở Q. Ba Đình bị kỷ luật")
LOOSE_PASSIVE = re.compile(rf"(?:\s+(?:(?!(?:vi|đến|mức|phải|bị|được)(?!\w))[a-zà-ỹđ]+|(?-i:{DISTRICT_ABBREVIATED})))"
                           rf"{{0,5}}?(?:{PASSIVE.pattern})",
                           re.I)
# "kỷ luật khiển trách Ban Thường vụ Đảng ủy Công ty và 2 chi bộ": the form an act names governs the objects
# coordinated after it, as long as no clause break or other number comes between
ACT_FORM = re.compile(rf"(?:kỷ luật|hình thức)\s+({FORM})\s+(?!và\b)[^\d,;.:()]{{3,70}}?\s+và\s*$", re.I)
# "… Khai trừ: 1. Tổng: 18": a total written after its forms


# (not "…; trong đó có 7 cấp ủy viên", a part of what was done)
# "286 tổ chức cơ sở đảng được công nhận hoàn thành xuất sắc nhiệm vụ, được … khen thưởng": a passive clause that
# names no act, then the one that does
# — and "2 đảng viên bị khởi tố đã bị đình chỉ sinh hoạt đảng": a passive that is no act, then the one that is
PASSIVE_CHAIN = re.compile(r"\s*(?:đã\s+)?(?:được|bị)\s+[^,.;()\d]{1,60}?(?:,\s*(?:và\s+)?|\s+)(?=(?:đã\s+)?(?:được|bị)\s)",
                           re.I)
HAS = re.compile(r"(?<!\w)(?<!trong đó )(?<!trong số đó )(?:hiện\s+)?có\s+"
                 rf"(?:{QUALIFIER}\s+)?(?=\d|{NUMBER}(?!\w)|$)", re.I)  # "có" then a count: what it has
CONSEQUENCE = re.compile(r",\s*(?:để\s+(?:xảy ra|ra|lại)|gây(?:\s+ra)?|dẫn (?:đến|tới)|làm\s+(?:thất thoát|mất|hư hỏng))\s", re.I)

EXAMPLE = re.compile(r"\s*,?\s*như(?:\s+là)?\s", re.I)

# "6 đảng viên của Đảng bộ tỉnh Hà Tĩnh bị kỷ luật": whose they are, between the count and its passive verb
# (or where they are: "14 đảng viên ở huyện Thanh Trì bị kỷ luật")
# (or the place's noun right after the counted: "5 cán bộ phường Yên Sở bị kỷ luật")
WHOSE = re.compile(rf"\s+(?:(?:của|thuộc|ở|tại)\s+|(?=(?:{LOCAL_UNIT}|tỉnh)\s+(?-i:[{UPPER}])))"
                   # (places listed by name: "… ở các xã Hòa Xá, Phương Tú bị kỷ luật")
                   rf"(?:{PHRASE_CHAR}|,\s*(?=(?-i:[{UPPER}])[^\W\d]))"
                   rf"{{3,60}}?(?=\s+(?:đã\s+)?(?:bị|được)\s)", re.I)
# "quán triệt Quy định về công tác kiểm tra, giám sát và kỷ luật của Đảng tới hơn 600 cán bộ": the acts are the
# topic of what was taught or told, the count after "cho / tới / đến" is its audience
TAUGHT_TOPIC = re.compile(r"(?<!\w)(?:quán triệt|phổ biến|tuyên truyền|tập huấn|bồi dưỡng|triển khai|giới thiệu|học tập)"
                          r"(?!\w)[^;]*?(?<!\w)(?:về|công tác|nghiệp vụ)(?!\w)[^;]*$", re.I)
AUDIENCE = re.compile(rf"(?<!\w)(?:cho|tới|đến)\s+(?:(?:tất cả|toàn thể|các)\s+)?(?:{QUALIFIER}\s+)?$", re.I)
# ("Tính trung bình, mỗi tháng có khoảng 4 đảng viên … bị kỷ luật": reckoned as an average)
AVERAGE_OPENING = re.compile(r"\s*(?:tính\s+)?(?:bình quân|trung bình)(?!\w)", re.I)
THROUGH_THAT = re.compile(rf"\s*(?:{BULLET}\s*)?(?:qua|thông qua|từ|trên cơ sở) (?:đó|kết quả (?:đó|này|trên))\s*,", re.I)


HANDLED_TO_THE_END = re.compile(r"xử lý (?:dứt điểm|triệt để)\s*$", re.I)
REMINDED = re.compile(r"(?:yêu cầu|nhắc nhở|chấn chỉnh)[^.;\d]{0,20}$", re.I)


def _kind_of(ctx: Sentence, start: int, end: int) -> tuple[str | None, int]:
    """The act governing the count at [start, end): (kind, end of a passive phrase after it or `end`)."""
    passive = PASSIVE.match(ctx.s, end)
    if not passive and (chain := PASSIVE_CHAIN.match(ctx.s, end)):
        passive = PASSIVE.match(ctx.s, chain.end())
    if not passive and (whose := WHOSE.match(ctx.s, end)):
        passive = PASSIVE.match(ctx.s, whose.end())
    if passive:
        return passive.lastgroup, passive.end()
    # "…; 12.500 đảng viên được học tập nghị quyết": a clause of its own, whose passive verb is no act — not the
    # object of the act before the ";"
    clause = ctx.s.rfind(";", 0, start) + 1  # where the count's clause starts
    # (— or a verb of its own that is no act: "…; ngót 2.000 đảng viên tham gia học tập")
    if clause and QUALIFIER_ONLY.fullmatch(ctx.s, clause, start) is not None and (
            OTHER_PASSIVE.match(ctx.s, end) or OWN_VERB.match(ctx.s, end)):
        # (but what they reached may be the merit of an act after it: "…; 36 đảng viên hoàn thành xuất sắc nhiệm vụ
        # được khen thưởng")
        merit = MERIT.match(ctx.s, end)
        passive = merit and PASSIVE.match(ctx.s, merit.end())
        return (passive.lastgroup, end) if passive else ("count", end)
    # "45 tập thể và 60 cá nhân tiêu biểu được tặng Bằng khen": a passive verb after coordinated counts (and a few
    # describing words) governs them all
    before = [(e, k) for s, e, k in ctx.triggers if s < start]
    nearest = before[-1][1] if before else None
    if _no_act_on(ctx, clause, start, before) or _own_passive_after_anothers(ctx, start, end):
        return "count", end
    if not before and (said := _act_said_before(ctx) or _label_above(ctx, start, end)):
        nearest = said
    # "vi phạm trong quản lý đất đai, để xảy ra 27 trường hợp xây dựng trái phép": a clause of consequence between
    # the act and the count governs the count itself
    # (— or an example of what the act's noun names: "Những vi phạm như để 2 chi bộ không sinh hoạt …")
    if before and (CONSEQUENCE.search(ctx.s, before[-1][0], start) or EXAMPLE.match(ctx.s, before[-1][0])):
        nearest = None
    # "… kiểm tra 12 đảng viên; chi bộ có 45 đảng viên (với 1.450 …)": a new clause that says what something has,
    # not what was done
    elif before and (semi := ctx.s.rfind(";", before[-1][0], start)) >= 0 and HAS.search(ctx.s, semi, start):
        nearest = "count"
    # "Qua kiểm tra, kết luận 2 đảng viên có khuyết điểm; yêu cầu 1 đồng chí kiểm điểm": those reminded or asked
    # to review themselves are the inspection's or the supervision's, not a finding
    if nearest == "violation_found" and REMINDED.search(ctx.s, max(0, start - 30), start):
        nearest = next((k for s, _, k in ctx.triggers if s < start and k in ("inspection", "supervision")), nearest)
    # "4 đảng viên vi phạm nhưng chưa đến mức phải kỷ luật": how serious a finding was, whatever act is near
    if DEGREE_AFTER.match(ctx.s, end):
        return "violation_found", end
    probe = end
    for _ in range(4):
        if passive_kind := _passive_after(ctx, probe):
            return passive_kind, end
        # "9 tổ chức đảng và 45 đảng viên có khuyết điểm, vi phạm": a finding after the coordinated counts
        # — but those "có dấu hiệu vi phạm" that an inspection or a supervision looked into are its objects
        # ("(1) kiểm tra 12 tổ chức đảng có dấu hiệu vi phạm")
        # (not the cases a verb of plain counts handled: "xử lý dứt điểm 14 trường hợp vi phạm trật tự xây dựng")
        if nearest != "discipline" and not HANDLED_TO_THE_END.search(ctx.s, max(0, start - 30), start) \
                and (found := FINDING_AFTER.match(ctx.s, probe, probe + 40)) \
                and not (found["signs"] and nearest in ("inspection", "supervision")):
            return "violation_found", end
        more = COORDINATED.match(ctx.s, probe)
        if not more:
            break
        probe = more.end()
    return nearest, end


# "46 tập thể và 73 cá nhân có thành tích xuất sắc trong thực hiện Chương trình 03-CTr/TU được khen thưởng": what
# those commended did, however long, up to the passive verb (in the same clause)
# (or what they reached: "… đạt tiêu chuẩn “Hoàn thành tốt nhiệm vụ” 5 năm liền (2021-2025) được …", "… hoàn thành
# xuất sắc nhiệm vụ tiêu biểu được khen thưởng"; a title in quotes or a bracket of years inside)
MERIT = re.compile(r"\s+(?:đã\s+)?(?:có\s+thành\s+tích|đạt\s+(?:tiêu chuẩn|danh hiệu)|(?:hoàn thành|hoàn thành\s+(?:xuất sắc|tốt))"
                   r"\s+nhiệm vụ)(?!\w)(?:“[^”\n]{0,80}”|\"[^\"\n]{0,80}\"|[^,;.()]|\([^()]{0,40}\)){0,120}?(?=\s+(?:đã\s+)?được\s)", re.I)


def _act_said_before(ctx: Sentence) -> str | None:
    """The act of the sentence before that a sentence with no act of its own before its count goes on with: "… giám
    sát 25 đảng viên. Qua đó, đã nhắc nhở 3 đồng chí" (it opens by pointing back to what was done, and counts what came
    of it); "Bao nhiêu đảng viên bị kỷ luật trong năm 2026? Câu trả lời là 17 đồng chí." (an answer counts what the
    question asked about)."""
    if THROUGH_THAT.match(ctx.s) and ctx.previous_act in ("inspection", "supervision"):
        return ctx.previous_act
    # (not a question that tells its count itself, a headline's "Vì sao 5 cán bộ phường Yên Sở bị kỷ luật?")
    if ctx.previous and ctx.previous.rstrip().endswith("?") and not SUBJECT_COUNT.search(ctx.previous) \
            and (asked := [t.lastgroup for t in TRIGGER.finditer(ctx.previous)]):
        return asked[-1]
    return None


def _label_above(ctx: Sentence, start: int, end: int) -> str | None:
    """An infographic's act on a line of its own above a count that is its line's whole, past the counts of the same
    act on the lines between: "Kiểm tra\n126 tổ chức đảng\n348 đảng viên" (however the lines are spaced)."""
    text, a, b = ctx.folded, ctx.base + start, ctx.base + end
    line_start = text.rfind("\n", 0, a) + 1
    line_end = text.find("\n", b) % (len(text) + 1)
    if text[line_start:a].strip() or text[b:line_end].strip(" \t.;,"):
        return None
    pos = line_start - 1
    for _ in range(LABEL_REACH):
        if pos <= 0:
            return None
        above = text.rfind("\n", 0, pos) + 1
        line, pos = text[above:pos].strip(), above - 1
        if not line or _count_line(line):
            continue  # (another count under the same label; a page may set each line apart by a blank one)
        # (the label, or the label and its first count read as one wrapped line: "Kiểm tra 126 tổ chức đảng")
        digit = DIGIT.search(line)
        label = line[:digit.start()].rstrip() if digit and _count_line(line[digit.start():]) else line
        act = TRIGGER.search(label) if label and len(label) <= LABEL_LENGTH and not DIGIT.search(label) \
            and not label.endswith((".", "?", "!")) else None
        return act.lastgroup if act and act.lastgroup != "count" else None
    return None


LABEL_REACH, LABEL_LENGTH = 12, 40


def _count_line(line: str) -> bool:
    return bool(SUBJECT_COUNT.fullmatch(line) or COMPLAINT_COUNT.fullmatch(line))


def _passive_after(ctx: Sentence, pos: int) -> str | None:
    """The act of a passive verb a few words after `pos` ("… đảng viên vi phạm đã bị kỷ luật"), past whose the
    counted are ("… 7 đảng viên thuộc Đảng bộ huyện Ba Vì đã bị kiểm tra"), or past their merit ("… có thành tích
    xuất sắc trong … được khen thưởng")."""
    if loose := LOOSE_PASSIVE.match(ctx.s, pos):
        return loose.lastgroup
    for lead in (WHOSE, MERIT, ASIDE):
        if (said := lead.match(ctx.s, pos)) and (passive := PASSIVE.match(ctx.s, said.end())):
            return passive.lastgroup
    # (a count inside such an aside has the verb after it too: "17 tổ chức đảng (gồm 12 chi bộ và 5 đảng bộ bộ
    # phận) được giám sát")
    if (closed := ASIDE_CLOSE.match(ctx.s, pos)) and _inside_an_aside(ctx.s, pos, closed) \
            and (passive := PASSIVE.match(ctx.s, closed.end())):
        return passive.lastgroup
    return None


# what may stand between the counted and their verb, said aside: who they were between commas ("Có 12 đảng viên,
# chủ yếu là cán bộ cơ sở, bị kỷ luật"), their kinds in brackets ("17 tổ chức đảng (gồm 12 chi bộ và …) được
# giám sát") or between dashes ("9 đảng viên – trong đó có 2 cấp ủy viên – bị khiển trách")
# (between commas, a count inside only after the words that open its kinds: "…, gồm 2 chi bộ và 1 đảng ủy, …" —
# "…, kết luận 39 đảng viên có vi phạm, …" is a clause of its own)
ASIDE = re.compile(r"\s*,\s*(?:(?:(?:bao\s+)?gồm|trong (?:số )?đó|kể cả|tức(?: là)?|chiếm|tương đương)\s"
                   r"(?:[^,;.:()\n]|(?<=\d)[,.](?=\d)){2,60}?"
                   r"|(?=[^\W\d])[^,;.:()\n\d]{2,60}?),|\s*\([^()\n]{2,80}\)|\s+[–—-]\s+(?=[^\W\d])[^–—;.:()\n]{2,60}?\s+[–—-](?=\s)")
ASIDE_CLOSE = re.compile(r"\s*\)|\s+[–—-](?=\s)|\s*,")
ASIDE_OPEN = re.compile(r"\(|\s[–—-]\s|,\s*(?:(?:bao\s+)?gồm|trong (?:số )?đó(?:\s+có)?|kể cả)\s", re.I)


# "9 đảng viên – trong đó có 2 cấp ủy viên – bị khiển trách", "Ba tổ chức đảng, gồm …, bị kỷ luật khiển trách"
FORM_PAST_ASIDE = re.compile(rf"\s*(?:(?:đều|cùng|cũng)\s+)?(?:đã\s+)?bị\s+(?:(?:thi hành\s+|xử lý\s+)?kỷ luật\s+(?:bằng\s+)?)?"
                             rf"(?:hình thức\s+)?(?P<form>{FORM})", re.I)


def _form_past_an_aside(ctx: Sentence, end: int) -> str | None:
    """The one form of those counted, said past an aside after their count: all of theirs."""
    if (aside := ASIDE.match(ctx.s, end)) and (said := FORM_PAST_ASIDE.match(ctx.s, aside.end())):
        return said["form"].lower()
    return None


def _inside_an_aside(sentence: str, pos: int, closed: re.Match) -> bool:
    """Whether the count before `pos` stands in an aside that `closed` ends: opened in the same clause, by the mark
    that closes it."""
    opened = [m for m in ASIDE_OPEN.finditer(sentence, max(0, pos - 80), pos)]
    if not opened:
        return False
    mark = opened[-1].group(0).strip()[:1]
    close = closed.group(0).strip()
    return (mark == "(") == (close == ")") and (mark in "-–—") == (close in "-–—") \
        and not re.search(r"[;.]", sentence[opened[-1].end():pos])


JOINED_ONLY = re.compile(r"[\s,]*(?:và|còn)?\s*(?:có\s+)?")
PASSIVE_MARK = re.compile(r"(?:được|bị)\s+(?:(?:đề nghị|tặng|nhận)\s+)?$", re.I)


def _own_passive_after_anothers(ctx: Sentence, start: int, end: int) -> bool:
    """"400 đảng viên được khen thưởng và 2.000 lượt đảng viên được bồi dưỡng": a count joined right after another
    count's passive act, with a passive verb of its own that is no act, is not that act's object."""
    last = next((t for t in reversed(ctx.triggers) if t[0] < start), None)
    return bool(last and JOINED_ONLY.fullmatch(ctx.s, last[1], start) and OTHER_PASSIVE.match(ctx.s, end)
                and PASSIVE_MARK.search(ctx.s, max(0, last[0] - 20), last[0]))


def _no_act_on(ctx: Sentence, clause: int, start: int, before: list[tuple[int, str]]) -> bool:
    """Whether the count at `start` is plain whatever act its clause names: an average ("Bình quân mỗi năm, quận kỷ
    luật khoảng 25 đảng viên"), or the audience of a talk about the acts."""
    return bool(AVERAGE_OPENING.match(ctx.s, clause)) or bool(
        before and AUDIENCE.search(ctx.s, max(0, start - 30), start) and TAUGHT_TOPIC.search(ctx.s, clause, before[-1][0]))


FAMILIES = (("subject", SUBJECT_COUNT), ("commend", COMMEND_UNIT), ("complaint", COMPLAINT_COUNT),
            ("work", WORK_COUNT), ("case", CASE_COUNT))
# where a count can start (a qualifier or a number): every family pattern starts with one, so the families are
# tried at these few positions instead of each scanning the whole sentence
COUNT_START = re.compile(rf"{NUM_START}{QNUM}", re.I)


def _candidates(ctx: Sentence):
    """Counts with a unit, each number once (the longest unit wins), in order."""
    starts = set()
    for m in COUNT_START.finditer(ctx.s):
        starts.add(m.start())
        starts.add(m.start("n"))
    seen: dict[int, tuple] = {}
    for family, rx in FAMILIES:
        reached = 0  # like finditer: no match starts inside the family's previous match
        for pos in sorted(starts):
            if pos < reached or not (m := rx.match(ctx.s, pos)):
                continue
            reached = m.end()
            key = m.start("n")
            if key not in seen or m.end() > seen[key][1].end():
                seen[key] = (family, m)
    return [seen[k] for k in sorted(seen)]


def _unit(m) -> str:
    unit = m.groupdict().get("subj") or m.groupdict().get("unit") or m.groupdict().get("unit2") or ""
    unit = ABBREVIATION.sub(lambda a: ABBREVIATIONS[a.group(0)], unit)  # "CB, ĐV" is "cán bộ, đảng viên"
    return re.sub(r"\s+", " ", unit).lower()


def _member_class(unit: str) -> str:
    return "cấp ủy viên" if unit.startswith("cấp ủy viên") else "đảng viên"


# "kiểm tra và giám sát lần lượt 24 và 36 tổ chức đảng": the acts named first, their counts after "lần lượt /
# tương ứng" in the same order, of one subject
_ACT = r"(?:thi hành\s+)?kỷ luật|kiểm tra|giám sát|khen thưởng|đình chỉ sinh hoạt"
RESPECTIVE_ACTS = re.compile(rf"(?<!\w)(?P<acts>(?:{_ACT})(?:\s*(?:,|và)\s*(?:{_ACT}))+){RESPECTIVELY}{COUNTS_IN_ORDER}"
                             rf"\s+(?P<subj>{SUBJECT})(?!\w)", re.I)


@rule(29)
def respective_acts(ctx: Sentence) -> None:
    if "lần lượt" not in ctx.s and "tương ứng" not in ctx.s:
        return
    for m in RESPECTIVE_ACTS.finditer(ctx.s):
        # (each act alone: "kiểm tra và giám sát" together would read as one inspection)
        kinds = [t.lastgroup if (t := TRIGGER.search(act)) else None for act in re.split(r"\s*(?:,|\svà\s)\s*", m["acts"])]
        _in_order(ctx, m, [(kind, None) for kind in kinds], _unit(m), to_subject=True)


# "kỷ luật khiển trách, cảnh cáo, cách chức lần lượt 4, 2 và 1 đảng viên": forms named after the act with no total,
# their counts after "lần lượt" in the same order (or the forms named as such: "Các hình thức khiển trách, cảnh cáo,
# khai trừ lần lượt là 10, 4 và 2 đảng viên")
FORMS_IN_ORDER = re.compile(rf"(?:kỷ luật\s+(?:(?:bằng|với)\s+)?(?:các\s+)?(?:hình thức\s+)?"
                            rf"|(?<!\w)(?<!bằng )(?<!với )(?:các|những)\s+hình thức(?:\s+kỷ luật)?\s*:?\s*"
                            # (or the forms opening the clause: "Cảnh cáo và khai trừ lần lượt 2 và 1 đảng viên")
                            rf"|(?:^|(?<=[;:\n]))\s*(?:{BULLET}\s*)?){FORM_LIST}\s*,?\s*"
                            rf"(?:lần lượt|tương ứng)\s+(?:là\s+)?(?:với\s+)?{COUNTS_IN_ORDER}"
                            rf"(?:\s+(?P<subj>{SUBJECT})(?!\w))?", re.I)


@rule(28)
def forms_in_order(ctx: Sentence) -> None:
    if "lần lượt" not in ctx.s and "tương ứng" not in ctx.s:
        return
    for m in FORMS_IN_ORDER.finditer(ctx.s):
        forms = [f.lower() for f in re.findall(FORM, m["forms"], re.I)]
        counts = [_number(n) for n in re.findall(NUMBER, m["counts"], re.I)]
        if len(forms) != len(counts) or len(set(forms)) != len(forms) \
                or any(c is None or not float(c).is_integer() for c in counts) \
                or not ctx.free(m.start("counts"), m.end("counts")):
            continue
        org = m["subj"] is not None and bool(re.fullmatch(ORG_SUBJECT, m["subj"], re.I))
        subject = "tổ chức đảng" if org else "đảng viên"
        ctx.emit("discipline_party_orgs" if org else "discipline_party_members", m.start("forms"), m.end(), None,
                 subject=subject, subject_class=subject, breakdown=dict(zip(forms, map(int, counts), strict=True)))


# "số tổ chức đảng và đảng viên bị kỷ luật lần lượt là 6 và 73": the subjects named first, under one act, their counts
# after "lần lượt / tương ứng" in the same order
RESPECTIVE_SUBJECTS = re.compile(
    rf"(?<!\w)[Ss]ố(?:\s+lượng)?\s+(?P<subjs>(?:{SUBJECT})(?:\s*(?:,|và)\s*(?:{SUBJECT}))+)(?P<mid>[^,.;:\d]{{0,50}}?)"
    rf"{RESPECTIVELY}{COUNTS_IN_ORDER}(?![\d.,]\d)(?!\s*[%/])", re.I)


@rule(29)
def respective_subjects(ctx: Sentence) -> None:
    if "lần lượt" not in ctx.s and "tương ứng" not in ctx.s:
        return
    for m in RESPECTIVE_SUBJECTS.finditer(ctx.s):
        act = TRIGGER.search(m["mid"])
        subjects = re.split(r"\s*(?:,|\svà\s)\s*", m["subjs"])
        counts = list(re.finditer(NUMBER, m["counts"], re.I))
        if act is None or act.lastgroup not in COUNT_KINDS and act.lastgroup != "discipline" \
                or len(subjects) != len(counts) or not ctx.free(m.start("counts"), m.end("counts")):
            continue
        for subject, n in zip(subjects, counts, strict=True):
            unit = subject.lower()
            kind = act.lastgroup
            if kind == "discipline":
                kind = "discipline_party_orgs" if re.fullmatch(ORG_SUBJECT, unit, re.I) else "discipline_party_members"
            if (value := _number(n.group(0), count=True)) is not None:
                start = m.start("counts") + n.start()
                ctx.emit(kind, start, start + len(n.group(0)), value, unit=unit, subject=unit,
                         subject_class=_subject_class(kind, unit))


def _in_order(ctx: Sentence, m: re.Match, statements: list[tuple[str | None, str | None]], unit: str,
              to_subject: bool = False) -> None:
    """The counts of `m`'s "counts" group, one per (kind, period) in the same order ("… lần lượt 24 và 36 …"); the
    last quote runs on to the subject when `to_subject`."""
    counts = list(re.finditer(NUMBER, m["counts"], re.I))
    if len(statements) != len(counts) or not ctx.free(m.start("counts"), m.end("counts")):
        return
    for (kind, period), n in zip(statements, counts, strict=True):
        value = _number(n.group(0), count=True)
        if kind == "discipline":
            kind = "discipline_party_orgs" if re.fullmatch(ORG_SUBJECT, unit, re.I) else "discipline_party_members"
        if value is None or kind not in COUNT_KINDS:
            continue
        start = m.start("counts") + n.start()
        end = m.end() if to_subject and n is counts[-1] else start + len(n.group(0))
        ctx.emit(kind, start, end, value, unit=unit, subject=unit, subject_class=_subject_class(kind, unit),
                 period=period)


@rule(30)
def stated_totals(ctx: Sentence) -> None:
    """"Số đảng viên bị kỷ luật là 33": the subject and act come first, the number last."""
    labelled = LABEL_THEN_NUMBER.fullmatch(ctx.s) if "\n" in ctx.s else None
    if not labelled and (":" in ctx.s or "|" in ctx.s):
        labelled = _field(ctx)
        if labelled is None:
            _field_under_a_field(ctx)
            _total_under_a_heading(ctx)
    stated = [labelled] if labelled else [*STATED.finditer(ctx.s)] + (
        [*STATED_BRACKETED.finditer(ctx.s)] if BRACKETED_COUNT.search(ctx.s) else []) + (
        [m for m in STATED_BARE.finditer(ctx.s) if TRIGGER.search(m["mid"]) or re.fullmatch(LETTERS, m["subj"], re.I)]
        if PASSIVE_LABEL.search(ctx.s) else [])
    for m in stated:
        letters = re.fullmatch(LETTERS, m["subj"], re.I)
        found = TRIGGER.search(m["mid"])
        if not ctx.free(m.start("n"), m.end("n")):
            continue
        value = _number(m["n"])
        if value is None:
            continue
        # "Số đảng viên mới kết nạp đạt 6.540", "Số đảng viên không hoàn thành nhiệm vụ năm 2025 là 42": no act, a count
        if not letters and (not found or found.lastgroup == "count"):
            label = f"{m['mid'].strip()} {_unit(m)}" if m.start("mid") < m.start("subj") else f"{_unit(m)}{m['mid']}"
            ctx.emit("count", m.start("n"), m.end(), value, unit=label.strip(),
                     qualifier=qualifier_of(m["q"]))
            continue
        subj = _unit(m)
        kind = found.lastgroup if found else None
        if letters:  # letters counted are complaints, whatever was done with them
            total = ctx.emit("complaints", m.start(), m.end(), value, unit="đơn", subject="đơn thư",
                             subject_class="đơn thư", qualifier=qualifier_of(m["q"]))
        elif kind == "discipline":
            total = _discipline(ctx, m, subj, value, qualifier_of(m["q"]), m.end())
        else:
            # (those commended are classed as every commendation is: "tập thể, cá nhân", "tập thể" …)
            cls = _subject_class(kind, subj) if kind == "commendation" else (
                "tổ chức đảng" if re.fullmatch(ORG_SUBJECT, subj, re.I) else "đảng viên")
            total = ctx.emit(kind, m.start(), m.end(), value, unit=subj, subject=subj, subject_class=cls,
                             qualifier=qualifier_of(m["q"]))
        if total is not None:
            if m.groupdict().get("first"):
                total.period = ctx.period_at(m.end("first"))
            # "…, năm 2025 là 49; số đảng viên được giám sát năm 2026 là 132": a period inside the label is its own
            elif m.start("mid") < m.end("mid") and YEAR_IN_LABEL.search(m["mid"]):
                total.period = ctx.period_at(m.start("n"))
            _stated_by_period(ctx, total, m.end())


# (its count bare: "Kiểm tra tổ chức đảng: 45 tổ chức đảng" is read as any act and its count)
ACT_FIRST_FIELD = re.compile(rf"[ \t]*(?:{BULLET}[ \t]*)?(?P<mid>[^\W\d][^,.;:\d\n()]{{1,30}}?)[ \t]+(?P<subj>{SUBJECT})"
                             rf"(?:[ \t]+mới)?[ \t]*:[ \t]*{QNUM}(?![\d.,]\d)(?!\s*[%/])[ \t]*[.;]?\s*", re.I)
TRAILING_BRACKET = re.compile(r"[ \t]*\([^()\n]*\)[ \t]*[.;]?\s*$")


def _field(ctx: Sentence) -> re.Match | None:
    """The field a sentence is, when it is one line of a label with an act (or letters) and its number."""
    # ("Đảng viên bị kỷ luật: 17 (+5 so với năm 2025)": a bracket after the count tells something else of it)
    end = len(ctx.s)
    if ctx.s.rstrip(" \t\n.;").endswith(")") and (tail := TRAILING_BRACKET.search(ctx.s)):
        end = tail.start()
    # (from the line's first word: a caption blanked above it is no part of the field's quote)
    first = len(ctx.s) - len(ctx.s.lstrip())
    m = FIELD_LABEL.fullmatch(ctx.s, first, end) or (FIELD_LABEL.fullmatch(ctx.s, first) if end < len(ctx.s) else None)
    if m is None:
        # (the act first, then what it counts: "Kỷ luật tổ chức đảng: 0", "Kết nạp đảng viên mới: 132")
        m = ACT_FIRST_FIELD.fullmatch(ctx.s, first, end)
        return m if m and not NAMES_WHAT.search(m["mid"]) else None
    return m if TRIGGER.search(m["mid"]) or re.fullmatch(LETTERS, m["subj"], re.I) else None


# "III. THI HÀNH KỶ LUẬT\nTổng số: 5 đảng viên (khiển trách 3, cảnh cáo 2)": a total's field under a heading that
# names its act (a line of its own, numbered or not, with no count)
# (or the subject as the field's label under its act's heading: "Kết quả thi hành kỷ luật năm 2026:\nTổ chức đảng: 3
# (khiển trách 2, cảnh cáo 1)\nĐảng viên: 28 (…)")
TOTAL_FIELD = re.compile(rf"[ \t]*(?:{BULLET}[ \t]*)?(?:[Tt]ổng số|[Tt]ổng cộng|[Tt]ổng|(?P<unit2>(?i:{SUBJECT})))[ \t]*:[ \t]*{QNUM}"
                         rf"(?:[ \t]+(?P<subj>{SUBJECT})(?!\w))?")
# (a heading may say its year: "Kết quả thi hành kỷ luật năm 2026:")
HEADING_LINE = re.compile(r"[ \t]*(?:(?:[IVX]{1,4}|\d{1,2}|[a-zđ])[.)][ \t]*)?(?P<words>(?:[^\d\n:]|(?<=năm )(?:19|20)\d\d){3,80}?)"
                          r"[ \t]*:?[ \t]*")

WORK_NAME = re.compile(r"(?<!\w)công tác\s+", re.I)
DATE_OR_TIME = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|\d{1,2}:\d{2}|GMT", re.I)
WHO_DID = re.compile(r"(?<!\w)(?:danh sách|thành phần|thành viên|đoàn|tổ công tác)(?!\w)", re.I)
LETTERS_AFTER = re.compile(rf"[ \t]+{LETTERS}(?!\w)", re.I)


def _heading_act(before: str) -> re.Match | None:
    """The act named by the heading line above, past a time or a byline between (a photo's caption is blank by now:
    "II. CÔNG TÁC KIỂM TRA\nQuang cảnh hội nghị. Ảnh: Khánh Huy\nTổng số: …") — not by a heading of who did it
    ("Thành phần đoàn kiểm tra")."""
    for line in [line for line in reversed(before.split("\n")) if line.strip()][:4]:
        if DATE_OR_TIME.search(line) and not TRIGGER.search(line) or TOTAL_FIELD.match(line):
            continue  # (past a time, or a field of the same heading above: "Tổ chức đảng: 3 (…)\nĐảng viên: 28 (…)")
        heading = HEADING_LINE.fullmatch(line)
        if heading is None or line.rstrip().endswith((".", "?", "!")):  # (a sentence of the body ends the search)
            return None
        # (a heading names the work: "II. CÔNG TÁC KIỂM TRA" is the inspections')
        if found := TRIGGER.search(WORK_NAME.sub("", heading["words"])):
            return None if WHO_DID.search(heading["words"]) else found
    return None


def _total_under_a_heading(ctx: Sentence) -> None:
    m = TOTAL_FIELD.match(ctx.s, len(ctx.s) - len(ctx.s.lstrip())) if ":" in ctx.s else None
    if m is None or not ctx.free(m.start("n"), m.end("n")) or (value := _number(m["n"], count=True)) is None:
        return
    found = _heading_act(ctx.folded[max(0, ctx.base - 400):ctx.base])
    if found is None or found.lastgroup == "count":
        return
    kind, subj, end = found.lastgroup, _unit(m), m.end()
    if kind == "complaints":  # letters, whatever the field's unit says
        end = m.end() + len(letters.group(0)) if (letters := LETTERS_AFTER.match(ctx.s, m.end())) else end
        ctx.emit(kind, m.start(), end, value, unit="đơn", subject="đơn thư", subject_class="đơn thư",
                 qualifier=qualifier_of(m["q"]))
    elif kind == "discipline":
        _discipline(ctx, m, subj or "đảng viên", value, qualifier_of(m["q"]), end)
    elif subj:
        cls = _subject_class(kind, subj) if kind == "commendation" else (
            "tổ chức đảng" if re.fullmatch(ORG_SUBJECT, subj, re.I) else "đảng viên")
        ctx.emit(kind, m.start(), end, value, unit=subj, subject=subj, subject_class=cls, qualifier=qualifier_of(m["q"]))


def _field_under_a_field(ctx: Sentence) -> None:
    """"Đơn thư tiếp nhận: 64\nĐã giải quyết: 61": a field that says only what was done counts the subject of the
    field above it — letters, whatever was done with them, or the subject of its act."""
    above = None
    # (up the run of fields, past others that say only what was done: "… \nĐã giải quyết: 20\nCòn tồn: 3")
    lines = [line for line in ctx.folded[max(0, ctx.base - 600):ctx.base].split("\n") if line.strip()]
    for line in reversed(lines[-6:]):
        if above := FIELD_LABEL.fullmatch(line):
            break
        if not FIELD_ACT_ONLY.fullmatch(line):
            return
    m = FIELD_ACT_ONLY.fullmatch(ctx.s) if above else None
    if m is None or NAMES_WHAT.search(m["mid"]) or not ctx.free(m.start("n"), m.end("n")) \
            or (value := _number(m["n"])) is None:
        return
    if re.fullmatch(LETTERS, above["subj"], re.I) and not SHARE_FIELD.search(m["mid"]):
        ctx.emit("complaints", m.start("mid"), m.end("n"), value, unit="đơn", subject="đơn thư", subject_class="đơn thư",
                 qualifier=qualifier_of(m["q"]))
    elif (found := TRIGGER.search(m["mid"])) and found.lastgroup in ("inspection", "supervision", "violation_found"):
        subj = _unit(above)
        cls = "tổ chức đảng" if re.fullmatch(ORG_SUBJECT, subj, re.I) else "đảng viên"
        ctx.emit(found.lastgroup, m.start("mid"), m.end("n"), value, unit=subj, subject=subj, subject_class=cls,
                 qualifier=qualifier_of(m["q"]))


# "Số đảng viên bị kỷ luật năm 2021 là 289, năm 2022 là 301, … và năm 2025 là 247": the same statement, period by
# period
STATED_NEXT = re.compile(rf"(?:\s*[,;]\s*(?:và\s+)?|\s+và\s+)(?P<period>(?:năm|quý|tháng)\s+[\w/]+)\s+(?:là|có)\s+{QNUM}"
                         r"(?![\d.,]\d)(?!\s*[%/])", re.I)


def _stated_by_period(ctx: Sentence, total: Draft, pos: int) -> None:
    while (m := STATED_NEXT.match(ctx.s, pos)) and ctx.free(m.start("n"), m.end("n")):
        value = _number(m["n"])
        if value is None:
            return
        draft = ctx.emit(total.kind, m.start("period"), m.end(), value, unit=total.unit, subject=total.subject,
                         subject_class=total.subject_class, qualifier=qualifier_of(m["q"]))
        draft.period = ctx.period_at(m.end("period"))  # its own period, which opens its quote
        pos = m.end()


# "Số tổ chức đảng được kiểm tra trong các năm 2024, 2025, 2026 lần lượt là 140, 152 và 161": a stated subject and act,
# its years, then their counts in the same order
STATED_YEARS = re.compile(
    rf"{NUMBER_OF}(?P<mid>[^,.;:\d]{{0,50}}?)\s+(?:trong\s+)?(?:các\s+)?năm\s+"
    rf"(?P<years>(?:19|20)\d{{2}}(?:\s*(?:,|và)\s*(?:19|20)\d{{2}})+){RESPECTIVELY}{COUNTS_IN_ORDER}(?!\w)", re.I)


@rule(31)
def stated_years(ctx: Sentence) -> None:
    if "lần lượt" not in ctx.s and "tương ứng" not in ctx.s:
        return
    for m in STATED_YEARS.finditer(ctx.s):
        act = TRIGGER.search(m["mid"])
        letters = re.fullmatch(LETTERS, m["subj"], re.I)  # letters counted are complaints, whatever was done
        if act or letters:
            kind = "complaints" if letters else act.lastgroup
            years = re.findall(r"(?:19|20)\d{2}", m["years"])
            _in_order(ctx, m, [(kind, f"năm {year}") for year in years], "đơn" if letters else _unit(m))


# "Năm 2024, toàn tỉnh kỷ luật 230, năm 2025 kỷ luật 212 và năm 2026 kỷ luật 198 đảng viên": an act's count with no unit,
# when a later count of the same act in the sentence has one, is a count of that unit
ACT_RUN = re.compile(rf"\s*(?:,\s*(?:và\s+)?|và\s+)(?:đã\s+)?(?:{_ACT})(?:\s+chuyên đề)?\s+", re.I)
ACT_BARE = re.compile(rf"(?<!\w)(?P<act>kỷ luật|kiểm tra|giám sát|khen thưởng|kết nạp)\s+{QNUM}(?=\s*(?:,|;|và\s))", re.I)


# "…; 656 tổ chức cơ sở đảng (25%) hoàn thành nhiệm vụ; 120 (4,6%) không hoàn thành nhiệm vụ": in a series of counts
# with their shares, a count with only its share is of the unit before it
SHARED_BARE = re.compile(rf"(?<=[;,])\s+(?:và\s+)?{QNUM}(?=\s*\(\s*(?:chiếm\s+)?{NUMBER}\s*%\s*\))", re.I)


@rule(95)  # after the counts with units are read
def elided_units(ctx: Sentence) -> None:
    if not ctx.out:
        return
    for m in SHARED_BARE.finditer(ctx.s):
        before = [d for d in ctx.out if d.end <= ctx.base + m.start() and d.unit and d.kind in COUNT_KINDS]
        value = _number(m["n"], count=True)
        if not before or value is None or not ctx.free(m.start("n"), m.end("n")) \
                or not SHARE_RE.match(ctx.s, before[-1].end - ctx.base):
            continue  # (the count before must be in the same series: a count then its share)
        last = before[-1]
        ctx.emit(last.kind, m.start("n") if not m["q"] else m.start("q"), m.end(), value, unit=last.unit,
                 subject=last.subject, subject_class=last.subject_class, qualifier=qualifier_of(m["q"]))
    for m in ACT_BARE.finditer(ctx.s):
        act = TRIGGER.match(ctx.s, m.start("act"))
        if not act or not ctx.free(m.start("n"), m.end("n")):
            continue
        kind = act.lastgroup
        later = next((d for d in ctx.out if d.start > ctx.base + m.end() and d.unit and (
            d.kind == kind or kind == "discipline" and d.kind in DISCIPLINE_KINDS)), None)
        # (or the next count of another act right after, its unit said once for both: "kiểm tra 9, giám sát 14 tổ
        # chức đảng")
        nxt = next((d for d in ctx.out if d.start > ctx.base + m.end() and d.unit), None)
        if nxt is not None and nxt is not later and kind in ("inspection", "supervision", "commendation") \
                and ACT_RUN.fullmatch(ctx.s, m.end(), nxt.start - ctx.base):
            later, said = nxt, kind
        else:
            said = later.kind if later else None
        value = _number(m["n"], count=True)
        if later is None or value is None:
            continue
        ctx.emit(said, m.start("n") if not m["q"] else m.start("q"), m.end(), value, unit=later.unit,
                 subject=later.subject, subject_class=later.subject_class, qualifier=qualifier_of(m["q"]))


# "… đã giải quyết 7 đơn, kết luận tố cáo đúng 2, đúng một phần 3, sai 2": what denunciations came to, each with a
# bare count — those found true (or partly) are violations found, those found untrue stay complaints
OUTCOMES_OPEN = re.compile(r"(?<!\w)(?:kết luận\s+)?(?:tố cáo|khiếu nại)\s+(?=(?:đúng|sai)\s)", re.I)
OUTCOME_BARE = re.compile(rf"\s*(?:,|và)?\s*(?P<outcome>đúng một phần|đúng|sai)\s+{QNUM}(?![\d.,]\d)(?!\s*[%/])"
                          rf"(?=\s*(?:[,;.)]|và\s|$)|{PERIOD_AFTER})", re.I)


@rule(97)  # after the counts with units are read, and the parts of totals linked
def bare_outcomes(ctx: Sentence) -> None:
    if "tố cáo" not in ctx.s and "khiếu nại" not in ctx.s:
        return
    for opening in OUTCOMES_OPEN.finditer(ctx.s):
        pos = opening.end()
        while (m := OUTCOME_BARE.match(ctx.s, pos)) and ctx.free(m.start("n"), m.end("n")) \
                and (value := _number(m["n"], count=True)) is not None:
            before = [d for d in ctx.out if d.end <= ctx.base + m.start() and d.kind == "complaints" and d.unit]
            kind = "complaints" if m["outcome"].lower() == "sai" else "violation_found"
            ctx.emit(kind, m.start("outcome"), m.end(), value, unit=before[-1].unit if before else "trường hợp",
                     qualifier=qualifier_of(m["q"]))
            pos = m.end()


# "Qua giải quyết khiếu nại, … đã chuẩn y 3 quyết định kỷ luật …", "… giải quyết khiếu nại và hủy bỏ 1 quyết định kỷ
# luật": the decisions an appeal upheld, changed or annulled are the complaints it settled (outside an appeal,
# approving or annulling a decision is routine, and a decision is no unit of complaints)
APPEAL_DECISIONS = re.compile(rf"(?<!\w)(?:chuẩn y|hủy bỏ|huỷ bỏ|hủy|huỷ|giữ nguyên|thay đổi|sửa đổi)\s+{QNUM}\s+"
                              r"(?P<unit>quyết định(?:\s+(?:thi hành\s+)?kỷ luật)?)(?!\w)", re.I)
APPEAL = re.compile(r"khiếu nại", re.I)


@rule(37)
def appeal_decisions(ctx: Sentence) -> None:
    if "quyết định" not in ctx.s or not APPEAL.search(ctx.s):
        return
    for m in APPEAL_DECISIONS.finditer(ctx.s):
        value = _number(m["n"], count=True)
        if value is not None and ctx.free(m.start("n"), m.end("n")):
            ctx.emit("complaints", m.start("n"), m.end(), value, unit=m["unit"].lower(), subject_class="đơn thư",
                     qualifier=qualifier_of(m["q"]))


# "Số cuộc giám sát chuyên đề năm nay gấp 2 lần năm trước, với 64 cuộc": the unit of work and its act are stated
# first, the count later in the sentence
STATED_WORK = re.compile(r"(?<!\w)[Ss]ố\s+(?P<unit>cuộc|đợt)\s+(?P<act>kiểm tra|giám sát)", re.I)
WORK_LATER = re.compile(rf"{NUM_START}{QNUM}\s+(?P<unit>cuộc|đợt)(?!\w)(?!\s+(?:kiểm tra|giám sát))", re.I)


@rule(38)
def stated_work(ctx: Sentence) -> None:
    stated = STATED_WORK.search(ctx.s)
    if not stated:
        return
    for m in WORK_LATER.finditer(ctx.s, stated.end()):
        value = _number(m["n"])
        if value is None or m["unit"].lower() != stated["unit"].lower() or not ctx.free(m.start("n"), m.end("n")):
            continue
        kind = "supervision" if stated["act"].lower() == "giám sát" else "inspection"
        ctx.emit(kind, m.start(), m.end(), value, unit=m["unit"].lower(), subject_class="cuộc",
                 qualifier=qualifier_of(m["q"]))


@rule(39)
def stated_from_to(ctx: Sentence) -> None:
    """"Số đảng viên bị kỷ luật giảm từ 312 … xuống còn 274 …": the subject and act first, then both ends."""
    for m in (*STATED_FROM_TO.finditer(ctx.s), *RAISED_TO.finditer(ctx.s)):
        found = TRIGGER.search(m["mid"])
        letters = re.fullmatch(LETTERS, m["subj"], re.I)
        if not letters and (not found or found.lastgroup == "count"):
            continue
        subj = "đơn" if letters else _unit(m)
        org = re.fullmatch(ORG_SUBJECT, subj, re.I)
        kind = "complaints" if letters else found.lastgroup
        if kind == "discipline":
            kind = "discipline_party_orgs" if org else "discipline_party_members"
        cls = "đơn thư" if letters else "tổ chức đảng" if org else _member_class(subj)
        # ("Số đảng viên bị khiển trách năm qua tăng lên 11 người": the one form of those counted)
        forms = {FORM_RE.search(f.group(0)).group(0).lower() for f in PASSIVE_FORM.finditer(m["mid"])} \
            if kind.startswith("discipline") else set()
        # (a bracket that names the year before by its number, not "cùng kỳ" or "năm trước": a figure of that year)
        was = "n0" if m["was"] and not m["n"] and m["label"].lower() != "cùng kỳ" \
            and YEARS.search(ctx.s, m.start("was"), m.start("n0")) else "n"
        for n, q in ((was, "q"), ("n2", "q2")):
            value = _number(m[n]) if m[n] else None
            if value is None or not ctx.free(m.start(n), m.end(n)):
                continue
            breakdown = {next(iter(forms)): int(value)} if len(forms) == 1 else None
            # (the quote takes the unit said after the end it came to: "… giảm còn 6 đơn")
            end = m.end("u2") if n == "n2" and m["u2"] else m.end("u0") if n == "n0" and m["u0"] else m.end(n)
            told = ctx.emit(kind, m.start(n), end, value, unit=subj, subject=subj, subject_class=cls,
                            qualifier=qualifier_of(m[q]) if n != "n0" else None, breakdown=breakdown,
                            breakdown_complete=True if breakdown else None)
            # ("… từ 52 đơn năm 2025 xuống còn 38 đơn năm 2026": each end is of the period said right after it)
            if told is not None and (own := END_PERIOD.match(ctx.s, m.end(n))):
                told.period = ctx.period_at(own.end())
        if m["was"] and was == "n":
            ctx.claim(m.start("was"), m.end("was"))


def _number(token: str, count: bool = False):
    try:
        return count_of(token) if count else parse_number(token)
    except ValueError:
        return None


def _skipped(ctx: Sentence, family: str, m) -> bool:
    """Counts that are not statements: claimed already, a change's amount, the article "một", a form's part."""
    ns, ne = m.start("n"), m.end("n")
    if not ctx.free(ns, ne) or CHANGE_BEFORE.search(ctx.s, max(0, ns - 30), ns):
        return True
    # ("2 trong số 5 đảng viên bị kỷ luật …", "7 trên 9 xã được kiểm tra": the whole of a ratio in words, read as one)
    # (and its part, when the unit is said twice: "kiểm tra 45 chi bộ trên tổng số 52 chi bộ")
    if any(r.start("b") == ns or r["unit"] and r.start("a") == ns
           for r in RATIO_WORDS.finditer(ctx.s, max(0, ns - 60), ne + 60)):
        return True
    if m["n"].lower() == "một" and family != "work" and not LEAD_FORM.search(ctx.s, max(0, ns - 60), ns) \
            and not _done_to_one(ctx.s, ns):
        return True  # "một" before a noun is an article ("một cán bộ"), unless a form counts it ("cảnh cáo một …")
    return bool(PASSIVE_FORM_ONLY.match(ctx.s, m.end()))


# "đã kỷ luật ba đảng viên, đình chỉ sinh hoạt đảng một đảng viên": an act done, right before "một", counts one —
# not a rule's case ("khi kỷ luật một đảng viên", "nếu đình chỉ sinh hoạt một …")
ACT_BEFORE_ONE = re.compile(rf"(?<!\w)(?:{_ACT})(?:\s+(?:đảng|cấp ủy))?(?:\s+đối với)?\s+$", re.I)
DONE = re.compile(r"(?<!\w)(?:đã|vừa)\s", re.I)
GENERIC = re.compile(r"(?<!\w)(?:khi|nếu|mỗi|bất kỳ|việc|phải|cần|sẽ)\s", re.I)


def _done_to_one(s: str, ns: int) -> bool:
    act = ACT_BEFORE_ONE.search(s, max(0, ns - 40), ns)
    if not act:
        return False
    before = s[max(0, act.start() - 80):act.start()]
    return bool(DONE.search(before)) and not GENERIC.search(before)


COMPLAINT_CONTEXT = re.compile(r"tố cáo|khiếu nại|(?<!\w)đơn(?!\s+vị)|công dân|tiếp dân|phản ánh|kiến nghị", re.I)


def _act(ctx: Sentence, family: str, m) -> tuple[str | None, int]:
    """The act a count is the object of, and where its phrase ends."""
    kind, act_end = _kind_of(ctx, m.start(), m.end())
    if COMPLAINT_NOUN.match(ctx.s, m.end()):
        kind = "complaints"  # "4 trường hợp tố cáo sai": the count names its own act
    if family == "complaint" and _unit(m) == "vụ việc":
        # "vụ việc" alone is any case: a complaint when nothing else governs it and complaints are spoken of
        # ("tiếp 3.120 lượt công dân với 1.011 vụ việc"), else the act's ("phát hiện 6 vụ việc vi phạm", "3 vụ việc
        # phải chuyển cơ quan điều tra": an act after it)
        after = TRIGGER.match(ctx.s, ACTIVE_AFTER.match(ctx.s, m.end()).end())
        if after and after.lastgroup == "count":
            kind = "count"
        elif kind is None or kind == "count" and act_end == m.end():
            kind = "complaints" if COMPLAINT_CONTEXT.search(ctx.s) else kind
    elif family == "complaint":
        kind = "complaints"  # "86 đơn tố cáo" names its own act
    elif family == "commend" and AWARD_UNIT.fullmatch(_unit(m)):
        kind = "commendation"  # "trao 18 Giấy khen": the awards counted name their own act
    elif family == "work" and m["unit"]:
        kind = "supervision" if ctx.s[m.end():m.end() + 12].lower().lstrip().startswith("giám sát") else "inspection"
    elif family == "work" and kind not in ("inspection", "supervision"):
        kind = None  # rounds of something other than an inspection or a supervision
    # "Bình quân mỗi năm, Ủy ban Kiểm tra tiếp nhận khoảng 40 đơn thư": an average is a count, whatever it counts
    # (and so is the rest of a ratio told after it: "18/20 chi bộ thực hiện tốt, 2 chi bộ còn hạn chế")
    if kind and (AVERAGE_OPENING.match(ctx.s, ctx.s.rfind(";", 0, m.start()) + 1) or _rest_of_a_ratio(ctx, m)):
        kind = "count"
    return kind, act_end


def _rest_of_a_ratio(ctx: Sentence, m: re.Match) -> bool:
    """"3/4 chi bộ thực hiện tốt; 1 chi bộ còn hạn chế": a count of the ratio's unit in the next clause, no other
    number between, that makes up its whole is the ratio's rest, told of what the ratio's part was not."""
    ratios = list(RATIO.finditer(ctx.s, max(0, m.start() - 120), m.start()))
    if not ratios:
        return False
    ratio = ratios[-1]
    between = ctx.s[ratio.end():m.start()]
    unit = _unit(m)
    if not unit or DIGIT.search(between) or not CLAUSE_BREAK.search(between) \
            or not between.lstrip().lower().startswith(unit):
        return False
    part, whole, rest = _number(ratio["a"]), _number(ratio["b"]), _number(m["n"])
    return None not in (part, whole, rest) and part + rest == whole


CLAUSE_BREAK = re.compile(r"[,;]")


AWARD_UNIT = re.compile(AWARD, re.I)
# the acts that count the units (offices, companies, schools) they were done in; discipline counts party bodies only
UNITS_OF_WORK_ACTS = ("inspection", "supervision", "violation_found")
# the places work is done in, counted as units: "kiểm tra 16 đơn vị", "giám sát 8 cơ quan", "kiểm tra 6 doanh nghiệp"
WORK_PLACES = ("đơn vị", "doanh nghiệp", "cơ quan")


@rule(40)
def governed(ctx: Sentence) -> None:
    for family, m in _candidates(ctx):
        if _skipped(ctx, family, m):
            continue
        kind, act_end = _act(ctx, family, m)
        value = _number(m["n"], count=True)
        if kind in (None, "count") or value is None:
            continue
        unit = _unit(m)
        # "kiểm tra tài chính đảng tại 24 đơn vị", "phát hiện 7 đơn vị có vi phạm"
        if family == "commend" and kind != "commendation" and not (unit in WORK_PLACES and kind in UNITS_OF_WORK_ACTS):
            if not SUBJECT_COUNT.match(m.group(0)):
                continue
            m = SUBJECT_COUNT.match(ctx.s, m.start())
            unit = _unit(m)
        elif kind == "commendation" and family == "subject" and not COMMEND_UNIT.match(m.group(0)):
            continue
        qualifier = qualifier_of(m["q"])
        if kind == "discipline":
            total = _discipline(ctx, m, unit, value, qualifier, act_end)
        elif family == "work":
            total = ctx.emit(kind, m.start(), m.end(), value, unit=unit,
                             subject_class="lượt" if unit == "lượt" else "cuộc", qualifier=qualifier)
        else:
            subject = "khi có dấu hiệu vi phạm" if kind == "inspection" and _on_signs(ctx.s, m) else None
            cls = _subject_class(kind, unit)
            # "kiểm tra từ 5 đến 7 tổ chức đảng": a planned range, no single value
            low = RANGE_BEFORE.search(ctx.s, max(0, m.start() - 25), m.start())
            lo = (low["lo"] or low["lo2"]) if low else None
            if low and not m["q"] and ctx.free(low.start(), low.end()) and _number(lo) is not None:
                total = ctx.emit(kind, low.start(), m.end(), None, unit=unit, subject=subject, subject_class=cls,
                                 range=(_number(lo), value))
            else:
                total = ctx.emit(kind, m.start(), m.end(), value, unit=unit, subject=subject, subject_class=cls,
                                 qualifier=qualifier)
        if total is not None:
            _placed_by_whose(ctx, total, m.end())
            after = max(act_end, total.end - ctx.base)
            # "38 trường hợp là cấp ủy viên (chiếm 22,4%)": a bracketed share is the figure's, not a figure
            share = SHARE_AFTER.match(ctx.s, after)
            if share:
                total.share = _number(share["share"])
                ctx.claim(share.start(), share.end())
            _subgroups(ctx, total, after)
            if kind == "discipline" and total.breakdown:
                _groups_inside_forms(ctx, total)
            if kind == "violation_found":
                _disciplined_after(ctx, total, after)
            _shared_subject(ctx, total, m.start())


def _placed_by_whose(ctx: Sentence, total: Draft, end: int) -> None:
    """"14 đảng viên ở huyện Thanh Trì bị kỷ luật", "6 đảng viên của Đảng bộ tỉnh Hà Tĩnh bị kỷ luật": where the counted
    are (or the district of the body that acted), said between the count and its passive verb, is the figure's place (and the place of the counts coordinated
    before it: "3 tổ chức đảng và 8 đảng viên ở quận Ba Đình bị kỷ luật")."""
    while more := COORDINATED.match(ctx.s, end):
        end = more.end()
    whose = WHOSE.match(ctx.s, end)
    if whose and (named := locality_in(ctx.s, whose.end())) and named[1].lower() in whose.group(0).lower():
        total.scope = named[1]
    # (or the body that acted, named between "được" and its act: "23 đảng viên đã được Ủy ban Kiểm tra Đảng ủy xã Vạn
    # Thắng kiểm tra")
    elif (passive := PASSIVE.match(ctx.s, end)) and (named := locality_in(ctx.s, passive.end())) \
            and named[0] == "district" and named[1].lower() in passive.group(0).lower():
        total.scope = named[1]


ON_SIGNS = re.compile(r"khi có dấu hiệu vi phạm", re.I)


def _on_signs(s: str, m: re.Match) -> bool:
    """Whether the inspection counted by `m` is one "khi có dấu hiệu vi phạm": said in its own clause (a sentence
    may list a regular inspection before one on signs: "BTV kiểm tra 12 chi bộ; UBKT kiểm tra 4 đảng viên khi có
    dấu hiệu vi phạm")."""
    start = s.rfind(";", 0, m.start()) + 1
    end = s.find(";", m.end())
    return ON_SIGNS.search(s, start, end if end >= 0 else len(s)) is not None


def _subject_class(kind: str, unit: str) -> str | None:
    if kind == "commendation":
        return unit if unit in ("tập thể", "cá nhân", "đơn vị") else (
            "tập thể, cá nhân" if unit.startswith("tập thể") or unit == "trường hợp" else
            "tổ chức đảng" if unit.startswith(("tổ chức", "chi bộ", "đảng bộ")) else
            "đơn vị" if unit in WORK_PLACES else
            _member_class(unit) if unit in ("đảng viên", "đồng chí", "cấp ủy viên") else "cá nhân")
    if kind == "complaints" and "đơn" in unit:
        return "đơn thư"
    if kind == "complaints" and unit.startswith("lượt"):
        return "lượt"  # citizens received, counted in visits
    if unit in WORK_PLACES:
        return "đơn vị"
    if re.fullmatch(ORG_SUBJECT, unit, re.I):
        return "tổ chức đảng"
    return _member_class(unit)


SHARED_LEAD_FORM = re.compile(rf"(?<!\w)({FORM})\s+\d[\d.]*\s+(?P<subj>{SUBJECT})(?:\s+và|\s*,)\s+$", re.I)
FORM_SAID_AFTER_COUNT = re.compile(r"\s*,?\s*(?:bằng|với)\s+(?:các\s+)?hình thức", re.I)


def _discipline(ctx: Sentence, m, unit: str, value, qualifier, act_end: int) -> Draft | None:
    # "Công an thành phố đã xử lý kỷ luật 48 cán bộ, chiến sĩ …, trong đó có 6 đảng viên bị xử lý kỷ luật đảng": a
    # total whose part alone is said to be the Party's discipline is the force's or the state's own, a count
    if PARTY_PART_ONLY.match(ctx.s, m.end()):
        return ctx.emit("count", m.start(), m.end(), value, unit=unit, qualifier=qualifier)
    return _party_discipline(ctx, m, unit, value, qualifier, act_end)


def _party_discipline(ctx: Sentence, m, unit: str, value, qualifier, act_end: int) -> Draft | None:
    org = re.fullmatch(ORG_SUBJECT, unit, re.I)
    kind = "discipline_party_orgs" if org else "discipline_party_members"
    start, end = m.start(), m.end()
    # the form may come right before the number, after the subject in a stated total ("… khai trừ là 42 …")
    number_start = m.start("q") if m["q"] else m.start("n")
    lead = LEAD_FORM.search(ctx.s, max(0, number_start - 60), number_start)
    forms = None
    if lead:
        # "khiển trách 254 trường hợp, cảnh cáo 61 trường hợp": a list of forms with no total, read elsewhere —
        # unless the neighbouring pair counts the other subject ("cảnh cáo 2 đảng viên; khiển trách 1 tổ chức
        # đảng": two statements)
        # "khiển trách 8 trường hợp, chiếm 61,5%; cảnh cáo 4 …", "khiển trách: 9 đồng chí (chiếm 64,3%); …"
        shared = LIST_SHARE_RE.match(ctx.s, end) or SHARE_RE.match(ctx.s, end)
        after = shared.end() if shared else end
        if lead.group(0).rstrip().endswith("(") and ctx.s.startswith(")", after):
            after += 1  # "cảnh cáo chiếm 40% (4 trường hợp), …"
        nxt = PAIR.match(ctx.s, after) or PAIR_NEXT.match(ctx.s, after)
        # (the pair itself, not the words ending the noun before it: "… 3 đảng viên chi bộ khu dân cư, cảnh cáo …")
        if nxt and _same_subject(PAIR.search(nxt.group(0)).group(0), bool(org)):
            return None
        lead_start = lead.start(1)
        before = PAIR_BEFORE.search(ctx.s, max(0, lead_start - 80), lead_start)
        paired = PAIR.match(before.group(0)).group(0) if before else ""
        # (a pair closing a bracket it did not open was a total's forms: "… (khiển trách 2, cách chức 1); đề nghị …
        # khai trừ 1 đảng viên" starts a statement of its own)
        if before and not (paired.endswith(")") and "(" not in paired) and _same_subject(paired, bool(org)) \
                or _closes_a_list(ctx, lead_start, bool(org)):
            return None
        forms = {lead.group(1).lower(): int(value)}
        start = min(start, lead_start)
        share = SHARE_RE.match(ctx.s, end)
        if share:
            end = share.end()
    elif (act := ACT_FORM.search(ctx.s, max(0, number_start - 90), number_start)) and value is not None:
        forms = {act.group(1).lower(): int(value)}
    elif value is not None and (shared := SHARED_LEAD_FORM.search(ctx.s, max(0, number_start - 80), number_start)) \
            and bool(re.fullmatch(ORG_SUBJECT, shared["subj"], re.I)) != bool(org) \
            and not FORM_SAID_AFTER_COUNT.match(ctx.s, act_end):
        # "khiển trách 2 tổ chức đảng và 11 đảng viên": one form said before two counts of other subjects
        forms = {shared.group(1).lower(): int(value)}
    elif act_end > end and (said := PASSIVE_FORM.search(ctx.s, end, act_end)) and value is not None:
        # "4 cán bộ lãnh đạo và quản lý của Sở Xây dựng bị khiển trách": the passive verb past whose they are is a form
        forms = {FORM_RE.search(said.group(0)).group(0).lower(): int(value)}
        end = act_end
    elif value is not None and (said := _form_past_an_aside(ctx, end) or _passive_form_before(ctx, number_start)):
        forms = {said: int(value)}
    else:
        found = read_breakdown(ctx, act_end, value)
        if found:
            forms = found.forms
            for a, b in found.spans:
                ctx.claims.take(a, b)
            if found.end > 0:
                end = found.end - ctx.base
            if found.listed:
                value = qualifier = None
    complete = None
    if forms:
        complete = value is not None and sum(forms.values()) == value
    return ctx.emit(kind, start, end, value, unit="tổ chức đảng" if org else "đảng viên",
                    subject="tổ chức đảng" if org else "đảng viên",
                    subject_class="tổ chức đảng" if org else _member_class(unit), qualifier=qualifier,
                    breakdown=forms, breakdown_complete=complete)


YEARS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
DIGIT = re.compile(r"\d")


PARTY_PART_ONLY = re.compile(rf"[^.;()]{{0,60}}?[,(]\s*{WITHIN_MARK}\s*[,:]?\s*(?:có\s+)?\d[^.;()]{{0,50}}?"
                             r"kỷ luật\s+(?:về\s+)?đảng(?!\s+viên)(?!\w)", re.I)


def _passive_form_before(ctx: Sentence, pos: int) -> str | None:
    """"Số đảng viên bị khai trừ năm 2026 là 4", "Số đảng viên bị khai trừ năm nay giảm mạnh, chỉ còn 4 trường hợp":
    the one form those counted suffered, said with "bị" earlier in the clause and no other count between."""
    clause = ctx.s[ctx.s.rfind(";", 0, pos) + 1:pos]
    if "bị" not in clause or DIGIT.search(YEARS.sub("", clause)):
        return None
    forms = {FORM_RE.search(m.group(0)).group(0).lower() for m in PASSIVE_FORM.finditer(clause)}
    return forms.pop() if len(forms) == 1 else None


def _closes_a_list(ctx: Sentence, lead_start: int, org: bool) -> bool:
    """Whether the form at `lead_start` is the last of a list "A, B và C" of the same subject."""
    va = VA_END.search(ctx.s, max(0, lead_start - 40), lead_start)
    if not va:
        return False
    last = PAIR_END.search(ctx.s, max(0, va.start() - 80), va.start())
    if not last or not _same_subject(last.group(0), org):
        return False
    before = PAIR_BEFORE.search(ctx.s, max(0, last.start() - 80), last.start())
    return bool(before) and _same_subject(before.group(0), org)


def _same_subject(pair_text: str, org: bool) -> bool:
    """Whether a neighbouring form pair counts the same subject class (organisations or members); a pair with
    no subject of its own is taken as the same."""
    subject = re.search(SUBJECT, pair_text, re.I)
    return subject is None or bool(re.fullmatch(ORG_SUBJECT, subject.group(0), re.I)) == org


def _act_of(kind: str) -> str:
    return "discipline" if kind in DISCIPLINE_KINDS else kind


# ("kiểm tra từ 10 đến 12 tổ chức đảng", "kiểm tra 10-12 tổ chức đảng")
RANGE_BEFORE = re.compile(rf"(?:(?<!\w)từ\s+(?P<lo>{DIGITS})\s*(?:đến|tới|[-–])|(?<![\w.,/-])(?P<lo2>{DIGITS})\s*[-–])\s*$", re.I)
# "lần lượt kỷ luật 274 và 312 đảng viên": a bare number joined to a count shares its subject and its act
# (digits only, joined by "và"/"hoặc": "Mỗi năm, hơn 300 …" and "Tổ 3, 20 đảng viên" are no such pairs)
SHARED_BEFORE = re.compile(rf"(?<![\w.,/])(?:(?P<q>{QUALIFIER})\s+)?(?P<n>{DIGITS})\s+(?:và|hoặc)\s+$", re.I)


def _shared_subject(ctx: Sentence, total: Draft, start: int) -> None:
    if total.breakdown or total.value is None:
        return
    m = SHARED_BEFORE.search(ctx.s, max(0, start - 30), start)
    if not m or not ctx.free(m.start("n"), m.end("n")) or (value := _number(m["n"])) is None:
        return
    ctx.emit(total.kind, m.start(), m.end("n"), value, unit=total.unit, subject=total.subject,
             subject_class=total.subject_class, qualifier=qualifier_of(m["q"]))


# "kết luận 2 đảng viên vi phạm, xử lý kỷ luật bằng hình thức khiển trách": the form with no count of its own
DISCIPLINED_AFTER = re.compile(
    rf"[^\d.;]{{0,40}}?,\s*(?:và\s+)?(?:đã\s+)?(?:(?:xem xét|đề nghị),\s*)?(?P<act>xử lý|thi hành)\s+kỷ luật\s+"
    rf"(?:(?:bằng|với)\s+)?hình thức\s+(?P<form>{FORM})(?![^.;\d]*\d)", re.I)


def _disciplined_after(ctx: Sentence, found: Draft, after: int) -> None:
    """Those found in violation and then disciplined with a form that counts no one itself are that many
    disciplined: a second statement about the same people."""
    m = DISCIPLINED_AFTER.match(ctx.s, after)
    if not m or found.value is None or not ctx.free(m.start("form") - 30, m.end("form")):
        return
    start = m.start("act")
    org = found.subject_class == "tổ chức đảng"
    ctx.emit("discipline_party_orgs" if org else "discipline_party_members", start, m.end(), found.value,
             unit=found.unit, subject=found.unit, subject_class=found.subject_class,
             breakdown={m["form"].lower(): int(found.value)}, breakdown_complete=True)


# "194 đơn, thư; trong đó đơn tố cáo 57, đơn khiếu nại kỷ luật đảng 6": letters' parts written kind first
# — or by what makes them count: "289 đơn thư; trong đó đơn đủ điều kiện giải quyết 93 đơn"
# (read only after a complaints total's "trong đó": whatever kind of letter it names, "đơn nặc danh là 87")
LETTERS_FIRST = re.compile(
    rf"(?P<unit>(?:lá\s+)?đơn(?!\s+vị)(?:\s+thư)?(?:\s+[^\d\s,;.()]+){{1,6}}?)\s*(?::|là|có)?\s+{QNUM}(?:\s+đơn(?!\s+vị))?"
    rf"(?![\d.,]\d)(?!\s*[%/])", re.I)


LABEL_GOES_ON = re.compile(r",\s*[^\W\d][^\d,;.()]{0,30}?(?=\s*\()")
CASES_MARK = re.compile(rf"\s*(?:,\s*|\(\s*)?{INCLUDES}\s*:?\s*", re.I)


def _groups_inside_forms(ctx: Sentence, total: Draft) -> None:
    """"khiển trách 12 (trong đó 2 cấp ủy viên), cảnh cáo 4": a sub-group in a form's brackets, inside the total's
    own quote, is a part of the total."""
    for group in INNER_GROUP.finditer(ctx.s, total.start - ctx.base, total.end - ctx.base):
        if FORM_RE.search(group.group(0)):  # "(trong đó khai trừ 4 trường hợp)": a form, read as the breakdown
            continue
        for m in SUBJECT_COUNT.finditer(group.group(0)):
            value, unit = _number(m["n"]), _unit(m)
            if value is None or re.fullmatch(ORG_SUBJECT, unit, re.I):
                continue
            part = ctx.emit(total.kind, group.start() + m.start(), group.start() + m.end(), value, unit=unit, part=unit,
                            subject_class=_member_class(unit))
            part.total = total


def _subgroups(ctx: Sentence, total: Draft, after: int) -> None:
    """"kỷ luật 23 đảng viên, trong đó có 7 cấp ủy viên": members inside the total, not a new subject. A total of
    cases ("13 trường hợp, gồm 1 tổ chức đảng và 12 đảng viên") splits into both subjects, each with its own kind
    and forms."""
    cases = total.kind in DISCIPLINE_KINDS and "trường hợp" in ctx.s[total.start - ctx.base:total.end - ctx.base]
    mark = SUBGROUP_MARK.match(ctx.s, after)
    # (cases split "(gồm 3 tổ chức đảng, 12 đảng viên)": the bracket opens the split)
    if cases and (split := CASES_MARK.match(ctx.s, after)) and (not mark or split.end() > mark.end()):
        mark = split
    # "… 1.346 người, trong đó khai trừ 152, …, khiển trách 749; có 211 cấp ủy viên": after the forms a "trong đó"
    # opened, the clause it opened goes on
    if (not mark or mark.end() == after) and total.breakdown and WITHIN_SAID.search(
            ctx.s, total.start - ctx.base, after):
        mark = WITHIN_GOES_ON.match(ctx.s, after)
    if not mark or mark.end() == after:
        # "… được trao tặng Huy hiệu Đảng đợt 3/2, trong đó có 12 …": the marker may close the total's clause,
        # provided nothing else is counted on the way
        gap = LATER_MARK.match(ctx.s, after)
        if not gap or SUBJECT_COUNT.search(gap.group(0)) or COMMEND_UNIT.search(gap.group(0)) \
                or COUNT_ON_THE_WAY.search(gap.group(0)):
            return
        mark = SUBGROUP_MARK.match(ctx.s, gap.end())
    pos = mark.end()
    while True:
        m = SUBJECT_COUNT.match(ctx.s, pos) or (COMMEND_UNIT.match(ctx.s, pos) if total.kind == "commendation"
                                                  else (COMPLAINT_COUNT.match(ctx.s, pos)
                                                        or LETTERS_FIRST.match(ctx.s, pos))
                                                  if total.kind == "complaints" else None)
        if not m or not ctx.free(m.start("n"), m.end("n")):
            return
        value = _number(m["n"])
        unit = _unit(m)
        if value is not None and total.value is not None and value > total.value:
            return  # a part never exceeds its total
        # "trong đó 41 trường hợp phải thi hành kỷ luật": a count with an act of its own is its own statement (also a
        # few words on: "trong đó 4 người là đảng viên đã bị kỷ luật về Đảng")
        own = PASSIVE.match(ctx.s, m.end())
        own_kind = own.lastgroup if own else _passive_after(ctx, m.end())
        if value is None or (own_kind and own_kind != _act_of(total.kind)):
            return
        org = bool(re.fullmatch(ORG_SUBJECT, unit, re.I))
        if not cases and total.kind not in ("commendation", "complaints") and (total.subject_class == "tổ chức đảng"
                                                                               or org):
            return
        if m.re is LETTERS_FIRST:  # the label came first: "đơn tố cáo 57"
            end, label = m.end(), re.sub(r"\s+", " ", m["unit"]).strip()
        else:
            label_end = LABEL_END.match(ctx.s, m.end("n"))
            end = label_end.end() if label_end else m.end()
            # (the label may go on past a comma: "3 đảng viên là cán bộ, công chức (khiển trách 2, cảnh cáo 1)")
            if not cases and (more := LABEL_GOES_ON.match(ctx.s, end)) and bracketed(ctx, more.end(), value):
                end = more.end()
            label = re.sub(r"\s+", " ", ctx.s[m.end("n"):end]).strip()
        kind = ("discipline_party_orgs" if org else "discipline_party_members") if cases else total.kind
        part = ctx.emit(kind, m.start(), end, value, unit=unit, part=label,
                        subject_class="tổ chức đảng" if cases and org else _subject_class(total.kind, unit),
                        qualifier=qualifier_of(m["q"]))
        part.total = total
        end = _after_a_part(ctx, part, end, cases)
        joined = JOINED.match(ctx.s, end)
        if not joined:
            return
        pos = joined.end()


def _after_a_part(ctx: Sentence, part: Draft, end: int, cases: bool) -> int:
    """What a part says of itself after its label — a group inside it, its share, its forms — read into it; returns
    where the part ends."""
    end = _group_inside(ctx, part, end)
    # "trong đó 5 đảng viên là cấp ủy viên (chiếm 33,3%)": a share in brackets after a part is the part's
    if share := SHARE_RE.match(ctx.s, end):
        ctx.claim(share.start(), share.end())
        part.share = _number(share["share"])
        end = share.end()
    # "…; trong đó khiển trách 9 đảng viên, …"; a sub-group's own forms in brackets after it, "trong đó 12 cấp ủy
    # viên (khiển trách 8, cảnh cáo 4)"
    if (found := read_breakdown(ctx, end, part.value) if cases else bracketed(ctx, end, part.value)):
        for a, b in found.spans:
            ctx.claims.take(a, b)
        part.breakdown, part.breakdown_complete = found.forms, sum(found.forms.values()) == part.value
        # ("2 tổ chức đảng (khiển trách) và 13 đảng viên (…)": the next part comes after the forms)
        end = max(end, found.end - ctx.base, *(b - ctx.base for _, b in found.spans))
    return end


WITHIN_SAID = re.compile(_WITHIN, re.I)
WITHIN_GOES_ON = re.compile(r"\s*;\s*(?:có\s+)?(?=\d)")
# "… 211 cấp ủy viên (17 cán bộ diện Ban Thường vụ Thành ủy quản lý)": a group inside a part, in brackets after it
GROUP_INSIDE = re.compile(r"\s*\(\s*(?:trong (?:số )?đó\s*)?(?:có\s+)?(?=\d)", re.I)
CLOSE = re.compile(r"\s*\)")


def _group_inside(ctx: Sentence, part: Draft, end: int) -> int:
    """A count of members in brackets right after a part is a part of that part; returns where the part's reading
    ends."""
    inside = GROUP_INSIDE.match(ctx.s, end)
    m = SUBJECT_COUNT.match(ctx.s, inside.end()) if inside else None
    if m is None or not ctx.free(m.start("n"), m.end("n")) or re.fullmatch(ORG_SUBJECT, _unit(m), re.I):
        return end
    close = CLOSE.match(ctx.s, m.end()) or CLOSE.match(ctx.s, (LABEL_END.match(ctx.s, m.end()) or m).end())
    value = _number(m["n"])
    if close is None or value is None or part.value is None or value >= part.value:
        return end
    label_end = LABEL_END.match(ctx.s, m.end("n"))
    stop = label_end.end() if label_end else m.end()
    inner = ctx.emit(part.kind, m.start(), stop, value, unit=_unit(m), part=re.sub(r"\s+", " ", ctx.s[m.end("n"):stop]).strip(),
                     subject_class=_member_class(_unit(m)), qualifier=qualifier_of(m["q"]))
    inner.total = part
    return close.end()


LIST_LABEL = re.compile(rf"(?:(?P<org>{ORG_SUBJECT})|đảng viên|cán bộ)\s+(?:bị\s+)?(?:thi hành\s+|xử lý\s+)?kỷ luật"
                        rf"\s*(?:{INCLUDES}\s*)?:\s*$", re.I)


# (or the bare subject as a label: "Tổ chức đảng: khiển trách 2.")
SUBJECT_OPENING = re.compile(rf"\s*{SUBJECT_LABEL}", re.I)


# "Nhà trường khiển trách 2 học sinh", "trọng tài cảnh cáo 3 cầu thủ": a form's word counting people outside the Party
OTHER_PEOPLE = re.compile(r"\s+(?:học sinh|sinh viên|cầu thủ|vận động viên|công nhân|người lao động|lái xe|tài xế|thí sinh"
                          r"|giáo viên|bệnh nhân|phạm nhân|học viên)(?!\w)", re.I)


# members named anywhere in the sentence ("khiển trách 2 đồng chí, …; đề nghị Ban Thường vụ Quận ủy khai trừ 1 đồng
# chí"): a list of forms there counts members, whatever body it names
MEMBERS_SAID = re.compile(rf"đảng viên|trường hợp|(?<!\w)(?:{COMRADE}|người)(?!\w)", re.I)


def _subjects_listed_apart(ctx: Sentence, pairs: list[re.Match]) -> bool:
    """"Về hình thức, khiển trách 2 tổ chức đảng; khiển trách 12, cảnh cáo 5, khai trừ 2 đảng viên": a list of forms
    whose parts, set apart by semicolons, each say another subject (the unit after a part's last pair is its pairs')
    is one list of forms a subject. Emits them and says so."""
    groups: list[list[re.Match]] = [[pairs[0]]]
    for before, p in zip(pairs, pairs[1:], strict=False):
        if ";" in ctx.s[before.end():p.start()]:
            groups.append([])
        groups[-1].append(p)
    said = [SUBJECT_WORD.search(ctx.s, g[0].start(), g[-1].end()) for g in groups]
    if len(groups) < 2 or not all(said):
        return False
    orgs = [re.fullmatch(ORG_SUBJECT, w.group(0), re.I) is not None for w in said]
    if len(set(orgs)) < 2:
        return False
    for group, org in zip(groups, orgs, strict=True):
        forms: dict[str, int] = {}
        for p in group:
            if (n := _number(p["n1"] or p["n2"])) is not None:
                form = (p["f1"] or p["f2"]).lower()
                forms[form] = forms.get(form, 0) + int(n)
        ctx.emit("discipline_party_orgs" if org else "discipline_party_members", group[0].start(), group[-1].end(), None,
                 subject="tổ chức đảng" if org else "đảng viên", subject_class="tổ chức đảng" if org else "đảng viên",
                 breakdown=forms, breakdown_complete=False)
    return True


@rule(45)
def forms_without_total(ctx: Sentence) -> None:
    """"kỷ luật khiển trách 254 trường hợp, cảnh cáo 61 trường hợp": forms listed with no total."""
    if not FORM_RE.search(ctx.s):  # most sentences name no form: skip the pair scan
        return
    pairs = [p for p in PAIR.finditer(ctx.s) if ctx.free(p.start(), p.end()) and not OTHER_PEOPLE.match(ctx.s, p.end())]
    # a form is a discipline word in itself only when it is passive ("3 đảng viên bị khai trừ"); otherwise
    # ("cảnh cáo" of a traffic warning) the sentence must speak of discipline
    if not pairs or not (any(k == "discipline" for _, _, k in ctx.triggers)
                         or any(PASSIVE_FORM.search(p.group(0)) for p in pairs)):
        return
    # "9 đảng viên bị khiển trách và 2 đảng viên bị cảnh cáo": two pairs of their own counts joined by "và" alone are
    # two statements (CONVENTIONS.md), as "cách chức hai đồng chí và khiển trách bốn đồng chí" are
    if len(pairs) == 2 and ctx.s[pairs[0].end():pairs[1].start()].strip() == "và" \
            and all(PASSIVE_FORM.search(p.group(0)) and re.search(SUBJECT, p.group(0), re.I) for p in pairs):
        for p in pairs:
            if (n := _number(p["n1"] or p["n2"])) is not None and float(n).is_integer():
                org = bool(re.search(ORG_SUBJECT, p.group(0), re.I))
                ctx.emit("discipline_party_orgs" if org else "discipline_party_members", p.start(), p.end(), n,
                         subject="tổ chức đảng" if org else "đảng viên", subject_class="tổ chức đảng" if org else "đảng viên",
                         breakdown={(p["f1"] or p["f2"]).lower(): int(n)}, breakdown_complete=True)
        return
    if _subjects_listed_apart(ctx, pairs):
        return
    s, e = pairs[0].start(), pairs[-1].end()
    forms: dict[str, int] = {}
    for p in pairs:
        n = _number(p["n1"] or p["n2"])
        if n is None:
            continue
        form = (p["f1"] or p["f2"]).lower()
        forms[form] = forms.get(form, 0) + int(n)
    span = ctx.s[s:e]
    # the subject is the list's own ("khiển trách 1 tổ chức đảng, …") or the label that opens it ("Tổ chức đảng
    # bị kỷ luật: khiển trách 1, cảnh cáo 1")
    label = LIST_LABEL.search(ctx.s, 0, s)
    # — or the subject the sentence opens on ("Đối với tổ chức đảng, cả 2 trường hợp đều bị khiển trách")
    opened = SUBJECT_OPENING.match(ctx.s)
    # (the first subject the list counts: "cách chức 3 bí thư chi bộ, …" counts members, the secretaries of cells)
    said = SUBJECT_WORD.search(span)
    # (pairs that each name their subject count it, whatever else the sentence names: "… khai trừ 4 đảng viên và 1
    # tổ chức đảng bị giải tán")
    own = [SUBJECT_WORD.search(p.group(0)) for p in pairs]
    org = (all(own) and all(re.fullmatch(ORG_SUBJECT, w.group(0), re.I) for w in own)
           or said is not None and re.fullmatch(ORG_SUBJECT, said.group(0), re.I) and not MEMBERS_SAID.search(ctx.s)
           or label is not None and label["org"] is not None
           or opened is not None and (opened["org"] or opened["org2"]) is not None)
    total, complete = None, False
    stated, offset = TOTAL_AFTER.match(ctx.s, e), 0
    if stated is None and not ctx.s[e:].strip(" .;") and ctx.following:  # "… Khai trừ: 1. Tổng: 18."
        nbase, nsent = ctx.following[0]
        stated, offset = TOTAL_AFTER.match(nsent), nbase - ctx.base
    # "có 1 đảng viên bị khiển trách": one form of a stated count of people is that count, as "kỷ luật 3 chi bộ bằng
    # hình thức khiển trách" is
    if len(pairs) == 1 and len(forms) == 1 and PASSIVE_FORM.search(pairs[0].group(0)) \
            and re.search(SUBJECT, pairs[0].group(0), re.I):
        total, complete = sum(forms.values()), True
    elif stated and _number(stated["n"]) == sum(forms.values()):
        total, complete, e = _number(stated["n"]), True, offset + stated.end()
        # "…, tổng cộng 17 đảng viên": the total read on its own already is this list's total
        at = ctx.base + offset + stated.start("n")
        ctx.out[:] = [d for d in ctx.out if not (d.kind in DISCIPLINE_KINDS and d.start <= at < d.end)]
    ctx.emit("discipline_party_orgs" if org else "discipline_party_members", s, e, total,
             subject="tổ chức đảng" if org else "đảng viên", subject_class="tổ chức đảng" if org else "đảng viên",
             breakdown=forms, breakdown_complete=complete)
