"""Regex building blocks the rules share, compiled once at import (never per call). All run on `matchable` text."""

from __future__ import annotations

import re

from scrapers.extract.numbers import NUMBER, QUALIFIER, WORDS
from scrapers.text import UPPER
from scrapers.vocabulary import FORM_SPELLINGS, FORMS

FORM = "(?:" + "|".join((*FORMS, *FORM_SPELLINGS)) + ")"
# "cấp ủy viên" before "cấp ủy": a member of a committee is a party member, the committee is an organisation
# portals in a hurry abbreviate them: "12 TCĐ", "3 TCCSĐ", "35 ĐV", "58 CB, ĐV" (case-sensitive: "đv" is no word)
# "12 chi, đảng bộ", "8 chi bộ, đảng bộ": branches and committees counted together
ORG_SUBJECT = (r"(?:tổ chức (?:cơ sở )?đảng|tổ chức|tập thể (?:chi bộ|chi ủy|đảng ủy|ban thường vụ|cấp ủy|ban cán sự|đảng đoàn)"
               r"|chi(?: bộ)?,\s*đảng bộ"
               # "kiểm tra 18 Ủy ban Kiểm tra cấp dưới": the commissions of lower levels are party organisations too
               r"|(?:đảng bộ|đảng ủy) bộ phận|chi bộ|đảng bộ|đảng ủy(?! viên)|(?:ủy ban kiểm tra|UBKT)(?= cấp dưới)"
               # (a cell's committee too: "khiển trách 2 chi ủy")
               # (a party group of a cell, "5 tổ đảng"; a cell's committee as a board, "2 ban chi ủy")
               r"|ban cán sự đảng|đảng đoàn|cấp ủy(?! viên)|(?:ban\s+)?chi ủy(?! viên)|ban thường vụ|tổ đảng"
               r"|(?-i:TCCSĐ|TCĐ)"
               # (a group disciplined is an organisation: "kỷ luật 3 tập thể và 12 cá nhân")
               r"|tập thể(?!\s*(?:,|và)\s*cá nhân))")
# a comrade, written out or as ward portals abbreviate it: "9 đ/c" is "9 đồng chí"
COMRADE = r"(?:đồng chí|đ/c)"
# "6 cán bộ diện Ban Thường vụ Tỉnh ủy quản lý": cadres named by who manages them
# former office-holders counted: "3 cựu lãnh đạo tỉnh", "2 nguyên cán bộ", "hai cựu chủ tịch huyện"; committee
# members: "32 Ủy viên, nguyên Ủy viên Trung ương"
MEMBER_SUBJECT = (r"(?:cán bộ,\s*đảng viên|(?-i:CB,\s*ĐV|ĐV)|(?:cựu|nguyên)\s+(?:lãnh đạo|cán bộ|đảng viên|(?:phó\s+)?chủ tịch"
                  r"|(?:phó\s+)?bí thư|(?:phó\s+)?giám đốc|(?:phó\s+)?trưởng ban|(?:phó\s+)?chủ nhiệm|(?:thứ|bộ) trưởng)"
                  # ("1 Thành ủy viên", "2 huyện ủy viên": members of a city's or a district's committee)
                  r"|trường hợp(?:\s+đảng viên)?|đảng viên|cấp ủy viên|(?:đảng|chi|thành|tỉnh|quận|huyện|thị) ủy viên|ủy viên"
                  # members counted by the office they hold: "3 bí thư chi bộ", "2 phó bí thư đảng ủy phường",
                  # "4 trưởng thôn", "2 phó chủ tịch UBND xã", "14 thủ trưởng cơ quan", "1 phó giám đốc sở",
                  # "3 hiệu trưởng"
                  r"|(?:phó\s+)?(?:bí thư(?:\s+(?:chi bộ|đảng ủy|chi ủy|cấp ủy))?|thủ trưởng|giám đốc|hiệu trưởng"
                  r"|chánh văn phòng|chánh thanh tra|chủ tịch(?:\s+(?:UBND|HĐND|ủy ban nhân dân))?"
                  r"|trưởng\s+(?:phòng|ban|công an|thôn|tổ dân phố|khu phố))|hiệu phó"
                  # … or by their occupation in the state's service: "4 viên chức", "3 sĩ quan", "2 thẩm phán"
                  r"|viên chức|sĩ quan|quân nhân(?:\s+chuyên nghiệp)?|thẩm phán|kiểm sát viên|điều tra viên"
                  r"|thư ký tòa án"
                  # (… or in schools, hospitals, newsrooms and works: "3 giáo viên", "2 bác sĩ", "4 phóng viên")
                  r"|giáo viên|giảng viên|bác sĩ|y sĩ|dược sĩ|điều dưỡng|nhân viên|công nhân|kỹ sư|phóng viên"
                  r"|biên tập viên"
                  r"|cán bộ\s+(?:thuộc\s+)?diện\s+[^,.;:\d]{3,60}?\s+quản lý"
                  # ("3 cán bộ lãnh đạo, quản lý bị kỷ luật")
                  r"|cán bộ\s+(?:lãnh đạo(?:,?\s*(?:và\s+)?quản lý)?|quản lý|chủ chốt)|cán bộ|người|"
                  rf"{COMRADE}|công chức|lãnh đạo|cá nhân)")
SUBJECT = rf"(?:{ORG_SUBJECT}|{MEMBER_SUBJECT})"
SUBJECT_WORD = re.compile(rf"(?<!\w){SUBJECT}(?!\w)", re.I)  # a subject said as a whole word
# things named first, their counts after "lần lượt / tương ứng (là)" in the same order: "… lần lượt là 11, 7 và 5"
RESPECTIVELY = r"\s*,?\s+(?:lần lượt|tương ứng)\s+(?:là\s+)?"
COUNTS_IN_ORDER = rf"(?P<counts>{NUMBER}(?:\s*(?:,|và)\s*{NUMBER})+)"
# a subject standing as the label of what follows: "Về tổ chức đảng:", "Đối với đảng viên,", "- Tổ chức đảng:"
# a list item's mark (every other glyph is folded to "•" by `text.matchable`)
BULLET = r"[-+•*–]"
# the number or letter that numbers a list's item: "(1)", "2.", "2.1.", "3)", "a)"
ITEM_NUMBER = r"(?:\(\d{1,2}\)|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\))"
# a line that is an item of a list: a bullet or an item's number, then its text
ITEM_LINE = re.compile(rf"\s*(?:{BULLET}|{ITEM_NUMBER})\s")
SUBJECT_LABEL = (rf"(?:{BULLET}\s*)?(?:(?:Về|Đối với|Với)\s+(?:(?P<org>{ORG_SUBJECT})|{MEMBER_SUBJECT})\s*[:,]"
                 rf"|(?:(?P<org2>{ORG_SUBJECT})|{MEMBER_SUBJECT})\s*:)")
QNUM = rf"(?:(?P<q>{QUALIFIER})\s+)?(?P<n>{NUMBER})"
# every number or qualifier starts with a digit or one of these letters: the lookahead lets the regex engine skip
# other positions at once (these patterns run over every sentence; ~8% faster on the seed texts)
NUM_START = r"(?=[\dhgtkcxbnsmíHGTKCXBNSMÍ])(?<![\w.,/])"

# "1.487 lượt đảng viên": counted in visits, still the act's objects
SUBJECT_COUNT = re.compile(rf"{NUM_START}{QNUM}\s+(?:lượt\s+)?(?P<subj>{SUBJECT})(?!\w)", re.I)
# a share in brackets after a part: "(chiếm 55%)", "(25%)", "(17,3%)"
SHARE = rf"\s*\((?:chiếm\s+|bằng\s+)?(?P<share>{NUMBER})\s*%\)"
SHARE_RE = re.compile(SHARE)
# in a list of forms, a share may follow its part after a comma: "khiển trách 8 trường hợp, chiếm 61,5%; …"
LIST_SHARE = rf"\s*,\s*chiếm\s+(?:tỷ lệ\s+)?(?P<share>{NUMBER})\s*%(?=\s*[;.]|\s*$)"
LIST_SHARE_RE = re.compile(LIST_SHARE, re.I)
# One discipline form and its count, in either order (the count may sit in brackets: "khiển trách (15)"):
#   "khiển trách 22", "Khiển trách: 7", "khai trừ ra khỏi Đảng 5 đảng viên", "cảnh cáo 10 (25%)"
#   "17 khiển trách", "2 trường hợp cảnh cáo", "3 bị khai trừ", "40 trường hợp khiển trách"
# between a form and its count: an abbreviation ("khiển trách (KT) 12"), the form's rank among the others
# ("khiển trách chiếm đa số với 15 trường hợp"), or its share before the count in brackets ("khiển trách chiếm 60%
# (9 đảng viên)")
FORM_TAIL = (r"(?:\s*\([A-ZĐ][A-Za-zĐđ]{0,4}\))?"
             r"(?:\s+chiếm\s+(?:đa số|phần lớn|nhiều nhất|tỷ lệ cao nhất)\s+(?:với\s+)?"
             rf"|\s+chiếm\s+(?:tỷ lệ\s+)?{NUMBER}\s*%(?=\s*\(\s*(?:\d|$)))?")  # "$": a search that ends at the count
# "hình thức khiển trách được áp dụng với 21 đảng viên": a form applied to its count
APPLIED_TO = r"(?:được\s+)?áp dụng\s+(?:đối\s+)?(?:với|cho)"
PAIR = re.compile(
    rf"(?P<f1>{FORM})(?:\s+(?:ra\s+)?khỏi đảng|\s+(?:tất cả\s+)?(?:các\s+)?chức vụ(?:\s+trong đảng)?)?{FORM_TAIL}"
    # spoken: "khiển trách thì có 9 trường hợp", "riêng khai trừ có 2 đồng chí"
    # ranked: "nhiều nhất là khiển trách với 25 trường hợp"
    rf"\s*(?::|bằng|(?:thì\s+)?(?:là|có|với)|thì|đối với|{APPLIED_TO}|\((?=\s*\d+(?:\s+{SUBJECT})?\s*\)))?\s*(?P<n1>{NUMBER})(?!\w)(?!\s*[/%\d])(?![.,]\d)\)?"
    rf"(?:\s+(?:{SUBJECT})(?!\w))?\)?(?:{SHARE.replace('share', 's1')}|{LIST_SHARE.replace('share', 's3')})?"
    # ("năm" left in words before its noun is the year, "trong năm chi bộ khai trừ …": five are read in digits)
    rf"|(?!năm\s)(?P<n2>{NUMBER})(?!\w)\s+(?:(?:{SUBJECT})\s+)?(?:trong số đó\s+)?(?:(?:đều|cùng|cũng)\s+)?"
    # ("2 trường hợp phải khai trừ khỏi Đảng": those the form had to be applied to)
    # ("4 người đã bị khai trừ": the past said)
    rf"(?:(?:đã\s+)?bị\s+|bằng\s+|với\s+|phải\s+(?:bị\s+)?)?(?:(?:hình thức|kỷ luật)\s+)*(?P<f2>{FORM})"
    rf"(?:\s+(?:ra\s+)?khỏi đảng)?(?:{SHARE.replace('share', 's2')}|{LIST_SHARE.replace('share', 's4')})?",
    re.I,
)
# the disciplines of the state and its forces, told next to the Party's: "kỷ luật hành chính", "xử lý kỷ luật theo
# quy định của ngành / theo Điều lệnh" (not "theo quy định của Đảng")
STATE_DISCIPLINE = (r"(?:hành chính|về chính quyền|chính quyền"
                    r"|theo\s+(?:quy định của\s+)?(?:ngành|lực lượng|điều lệnh|bộ|pháp luật|luật)(?!\w))")
APPEAL_OUTCOME = r"(?:giữ nguyên|thay đổi|giảm|hủy bỏ|hủy)\s+(?:quyết định\s+|hình thức\s+)?kỷ luật"
TRIGGERS = [  # (kind, pattern) — the trigger nearest before a count decides its kind
    # a form is itself the act ("Thanh Oai khai trừ 2 đảng viên"); a list of forms is read as a breakdown
    # "12 đảng viên bị xử lý": handled as a sanction (not "xử lý hành chính/hình sự", counted apart)
    # "kiểm tra việc thực hiện nhiệm vụ kiểm tra, thi hành kỷ luật trong Đảng đối với 9 tổ chức đảng": the name of
    # a task under inspection, not a discipline act
    # ("giải tán 2 tổ chức đảng": the organisations' own form is an act too)
    ("discipline", r"(?<!kiểm tra, thi hành )(?<!giám sát, thi hành )(?<!giám sát và thi hành )(?<!kiểm tra và thi hành )"
                   r"(?<!kiểm tra, xử lý )(?<!giám sát, xử lý )(?<!giám sát và xử lý )(?<!kiểm tra và xử lý )"
                   rf"kỷ luật(?!\s+{STATE_DISCIPLINE})|khiển trách|cảnh cáo|cách chức|khai trừ|"
                   + "|".join(FORM_SPELLINGS) +
                   r"|giải tán|(?<=bị )xử lý(?! hành chính| hình sự)"
                   # ward portals' shorthand for the acts, right before a count: "thi hành KL 2 ĐV", "KT 5 TCĐ"
                   r"|(?-i:KL)(?=\s+\d)"),
    # "Ủy ban Kiểm tra" is the body, not the act; the act may carry "khi có dấu hiệu vi phạm"
    # "nghiệp vụ kiểm tra", "công tác kiểm tra" name the work, not an act on a count; "kiểm tra, giám sát" together
    # is an inspection
    # ("ủy ban kiểm tra khi có dấu hiệu vi phạm đối với 11 đảng viên", "the commission inspected": the verb when
    # what it does follows at once)
    ("inspection", r"(?:(?<!ban )|(?<=ủy ban )(?=kiểm tra\s+(?:khi|đối với|\d)))(?<!nhiệm vụ )(?<!nghiệp vụ )(?<!công tác )"
                   r"kiểm tra(?:,? (?:và )?giám sát)?"
                   # (an inspection again of what was inspected, "phúc tra 3 tổ chức đảng", is one too)
                   r"(?: (?:khi có )?dấu hiệu vi phạm)?|phúc tra|(?-i:KT)(?=\s+\d)"),
    # ("hội viên tham gia giám sát": taking part in supervision, no act on the counts after it)
    # (the work named, as for an inspection: "tập huấn nghiệp vụ kiểm tra, giám sát", "công tác giám sát")
    ("supervision", r"(?<!nhiệm vụ kiểm tra, )(?<!nghiệp vụ kiểm tra, )(?<!công tác kiểm tra, )(?<!nghiệp vụ kiểm tra và )"
                    r"(?<!công tác kiểm tra và )(?<!nghiệp vụ )(?<!công tác )(?<!tham gia )giám sát|(?-i:GS)(?=\s+\d)"),
    # "kết luận tố cáo đúng và đúng một phần 4 trường hợp": a complaint found true is a violation found
    # "kiểm tra đảng viên khi có dấu hiệu vi phạm: 4 đồng chí" names the kind of inspection, not a finding
    # "kết luận 3 đảng viên kê khai chưa trung thực": what a conclusion counts is a finding, whatever it says of them
    # ("sai phạm", as some reporters say, is "vi phạm")
    ("violation_found", r"(?:phát hiện|kết luận)[^.;]*?(?:vi|sai) phạm|(?<!khi )có (?:vi|sai) phạm|(?<!dấu hiệu )"
                        # (not those a group is referred to as: "kỷ luật đối với các đảng viên vi phạm gồm: …")
                        r"(?<!các đảng viên )(?<!những đảng viên )(?<!các tổ chức đảng )(?<!những tổ chức đảng )"
                        r"(?<!các trường hợp )(?<!những trường hợp )(?:vi|sai) phạm"
                        r"|phát hiện"
                        # (lowercase: "Kết luận 21 về …" cites a conclusion of the Central Committee)
                        # (or in words before what it counts: "kết luận hai đồng chí có vi phạm")
                        rf"|(?-i:kết luận)(?=\s+\d|\s+(?i:{WORDS})\s+(?i:{SUBJECT}))(?!\s+\d+\s*[-/])"
                        r"|(?:tố cáo|kết luận) đúng(?:\s+một phần)?(?:\s*(?:,|và)\s*(?:tố cáo\s+)?đúng một phần)?"),
    # "… đúng 5 trường hợp, sai 13 trường hợp": complaints found untrue stay complaints
    # (what an appeal against a discipline came to, "giữ nguyên hình thức kỷ luật 4 trường hợp", decides the appeal,
    # not a new discipline)
    ("complaints", rf"đơn thư|tố cáo|khiếu nại|phản ánh, kiến nghị|sai(?=\s+\d)|{APPEAL_OUTCOME}"),
    # (the state's "tạm đình chỉ công tác / chức vụ" sends no one out of party life: a count)
    ("suspension", r"đình chỉ(?!\s+(?:công tác|chức vụ|công việc))"),
    ("commendation", r"bằng khen|giấy khen|khen thưởng|tặng thưởng|biểu dương|tuyên dương|vinh danh|tôn vinh|huân chương"
                     r"|huy hiệu|kỷ niệm chương|cờ thi đua"
                     # (gifts are no commendation: "thăm, tặng quà 14 đảng viên cao tuổi")
                     r"|được tặng(?!\s+quà)|trao tặng(?!\s+quà)|tặng(?!\s+quà)"),
    # verbs whose objects are plain counts: they end the reach of the triggers before them
    # and averages are not reported statistics
    # "xóa tên", "cho ra khỏi Đảng": removal from the rolls, not a discipline form
    # "tổ chức 9 hội nghị": the verb (before its number), not the noun of "tổ chức đảng"
    # cases handed to the police or prosecuted are counts of their own, not findings of the party's inspectors
    # (and the cases a ward or a force "xử lý dứt điểm": handled to the end, as the state handles breaches of its orders)
    ("count", r"kết nạp|ban hành|mở|tổ chức được|tổ chức(?=\s+\d)|phát triển|xử lý hành chính|xử lý hình sự|truy cứu|bình quân"
              r"|xử lý (?:dứt điểm|triệt để)"
              # the disciplines of the state and its forces, told next to the Party's (and "tước danh hiệu Công an
              # nhân dân"): not party discipline
              rf"|kỷ luật\s+{STATE_DISCIPLINE}|hạ bậc hàm|giáng chức|giáng cấp|buộc thôi việc|tước danh hiệu"
              r"|chuyển (?:hồ sơ\s+)?(?:sang\s+|cho\s+)?cơ quan (?:điều tra|công an|chức năng|có thẩm quyền)|khởi tố(?=\s+\d)"
              r"|trung bình|xóa tên|cho ra khỏi đảng|(?:tạm\s+)?đình chỉ\s+(?:công tác|chức vụ|công việc)"
              # the verification of declared assets and income is a task of its own, not an inspection
              r"|xác minh(?=\s+tài sản)"
              # "đề nghị cấp có thẩm quyền xem xét, xử lý 2 trường hợp": handling, not a discipline figure
              r"|xem xét,?\s+xử lý(?!\s+kỷ luật)"
              r"|(?:tặng|trao)\s+quà"),
]
FORM_RE = re.compile(FORM, re.I)
TRIGGER = re.compile("|".join(f"(?P<{k}>(?<!\\w)(?:{p})(?!\\w))" for k, p in TRIGGERS), re.I)
# "14 đảng viên bị kỷ luật", "312 tổ chức đảng được kiểm tra", "3 đảng viên bị đình chỉ": the act after its count
# "45 tập thể được Chủ tịch UBND thành phố tặng Bằng khen": the agent between "được" and the act
# a capitalised agent, whatever the flags, or the levels of the system ("được các cấp, các ngành khen thưởng")
# (a body's full name may be the agent: "… đã được Ủy ban Kiểm tra Đảng ủy xã Vạn Thắng kiểm tra")
AGENT = (rf"(?:(?-i:[{UPPER}])[^\s,;.]*(?:\s+[^\s,;.]+){{0,9}}?\s+"
         r"|(?:các cấp|cấp trên|các ngành)(?:,?\s+(?:các ngành|các cấp|đoàn thể))*\s+)?")
PASSIVE = re.compile(
    # (not "17 đảng viên vi phạm phải xử lý kỷ luật": how serious a finding was, DEGREE_AFTER)
    rf"\s*(?:vi phạm\s+(?!phải\s))?(?:đã\s+)?(?:bị|được|phải)\s+{AGENT}(?:xử lý\s+|xem xét,?\s+|thi hành\s+|tiến hành\s+|trao\s+"
    r"|nhận\s+|tạm\s+)*"
    rf"(?:{TRIGGER.pattern})", re.I)
# the awards themselves, counted: "trao 18 Giấy khen", "tặng 45 Bằng khen"
AWARD = r"giấy khen|bằng khen|huy hiệu(?: đảng)?|kỷ niệm chương|huân chương|cờ thi đua"
# (in visits, "tuyên dương 1.250 lượt đảng viên"; or the awards themselves counted, "tặng 320 Giấy khen")
COMMEND_UNIT = re.compile(
    rf"{NUM_START}{QNUM}\s+(?:lượt\s+(?=đảng viên|cá nhân|tập thể|đồng chí|cán bộ))?(?P<unit>tập thể(?:,\s*cá nhân|\s+và\s+cá nhân)?|cá nhân|đảng viên|(?-i:ĐV)|{COMRADE}"
    rf"|{AWARD}|tổ chức cơ sở đảng|(?-i:TCCSĐ|TCĐ)"
    r"|tổ chức(?: đảng)?|đơn vị|cơ quan|chi bộ|đảng bộ|cấp ủy(?! viên)|gia đình|hộ gia đình"
    # people commended outside the party's rolls: "tuyên dương 95 thanh niên tiêu biểu", "50 gương điển hình"
    r"|thanh niên|đoàn viên|hội viên|(?:gương\s+)?điển hình|gương|học sinh|sinh viên|doanh nghiệp|công dân"
    # (or counted in cases, groups and persons alike: "khen thưởng 215 trường hợp")
    r"|cán bộ(?:,\s*chiến sĩ)?|chiến sĩ|người|trường hợp)(?!\w)", re.I)
COMPLAINT_COUNT = re.compile(
    rf"{NUM_START}{QNUM}\s+(?P<unit>(?:lá\s+)?đơn(?!\s+vị)(?:(?:,\s*|\s+)thư)?(?:\s+(?:tố cáo|khiếu nại|phản ánh|kiến nghị)"
    rf"(?:,\s*(?:tố cáo|khiếu nại|phản ánh|kiến nghị))*)?|vụ(?:\s+việc)?\s+(?:tố cáo|khiếu nại)|vụ việc|lượt công dân"
    # "giải quyết 23 tố cáo": the complaint itself as the unit (not "tố cáo đúng/sai", a finding)
    r"|(?:tố cáo|khiếu nại)(?!\s+(?:đúng|sai))"
    # "tiếp nhận 312 phản ánh, kiến nghị": citizens' reports counted by themselves
    r"|(?:ý kiến\s+)?(?:phản ánh|kiến nghị)(?:,\s*(?:phản ánh|kiến nghị))*)(?!\w)", re.I)
RATIO = re.compile(r"(?<![\w/.,])(?P<a>\d{1,3}(?:\.\d{3})+|\d{1,6})\s*/\s*(?P<b>\d{1,3}(?:\.\d{3})+|\d{1,6})(?![\w/])")
# "28 trên tổng số 30 quận, huyện", "7 trên 9 xã", "9 trong số 10 xã": a ratio in words (a number before "trên";
# "trên 1.600" alone is a qualifier)
# (the unit may stand after each number, said twice: "45 chi bộ trên tổng số 52 chi bộ")
RATIO_WORDS = re.compile(r"(?<![\w/.,])(?P<a>\d{1,3}(?:\.\d{3})+|\d{1,6})(?:\s+(?P<unit>[a-zà-ỹđ]+(?:\s+[a-zà-ỹđ]+){0,2}?))?"
                         r"\s+(?:trên|trong(?=\s+(?:tổng\s+)?số))\s+(?:tổng\s+)?(?:số\s+)?"
                         r"(?P<b>\d{1,3}(?:\.\d{3})+|\d{1,6})(?![\w/%.,]\d)(?=\s+[a-zà-ỹđ])(?(unit)\s+(?P=unit)(?!\w))", re.I)

RANGE_DASH = r"\s*(?:[-–—]|đến|tới)\s*"
# ("96.5%": an English-style decimal point, a share never has a thousands separator before one or two digits)
# (the sign written out: "đạt 92 phần trăm")
PERCENT = re.compile(rf"{NUM_START}(?:(?P<q>{QUALIFIER})\s+)?(?P<n>\d{{1,3}}\.\d{{1,2}}(?=\s*%)|{NUMBER})"
                     # ("từ 85% đến 90%": the sign may follow each end)
                     rf"(?:(?:\s*%)?{RANGE_DASH}(?P<n_hi>{NUMBER}))?(?:\s*%|\s+phần trăm(?!\w))(?P<after>\s+trở lên)?")
# how much a figure moved, told in words: "tăng mạnh", "giảm đáng kể"
DEGREE = r"(?:mạnh|nhẹ|nhanh|đáng kể|rõ rệt|đột biến)"
CHANGE = re.compile(
    # ("ước tăng 7,6%": an estimate said before its direction; "giảm mạnh 18,2%")
    # ("vượt 2 trường hợp so với kế hoạch": what exceeded its base, said with it)
    rf"(?<!\w)(?:(?P<q0>ước(?:\s+tính)?)\s+)?(?P<dir>tăng|giảm|cao hơn|thấp hơn|nhiều hơn|ít hơn"
    rf"|vượt(?=\s+[^,;.()]{{1,40}}?\s+so(?:\s+với)?\s))(?:\s+(?:thêm|được|{DEGREE}))?\s+(?:(?P<q>{QUALIFIER})\s+)?(?P<n>{NUMBER})(?P<pct>\s*%|\s+(?:điểm\s+)?phần trăm|\s+điểm\s*%)?(?!\w)",
    re.I)
# what opens a list of parts: "gồm", "bao gồm", "gồm có"
INCLUDES = r"(?:bao\s+)?gồm(?:\s+có)?"
# what opens the parts of a total said before it: "trong đó", "trong số đó" (one home for the markers every rule reads)
WITHIN_MARK = r"trong (?:số )?đó"
PARTS_MARK = rf"(?:{WITHIN_MARK}|{INCLUDES}|cụ thể)"
# "so với cùng kỳ", or "so" alone before what is compared with ("tăng 5% so cùng kỳ", "so năm trước")
# the period told after a count, closing its clause: "… tố cáo đúng 3 vụ trong năm 2025", "đảng viên: 74 trong năm"
PERIOD_AFTER = r"\s+trong\s+(?:năm|quý|tháng|\d+\s+tháng|nhiệm kỳ|giai đoạn)(?!\w)"
COMPARED = (r"(?<!\w)so(?:\s+với|(?=\s+(?:cùng kỳ|năm|kỳ|quý|tháng|nhiệm kỳ|giai đoạn|thời điểm|đầu năm|trước|kế hoạch|chỉ tiêu)"
            r"(?!\w)))")
# (the compared period's period may follow: "giảm 18,2% so với năm 2025 trong năm 2026")
BASE = re.compile(rf"{COMPARED}\s+(?P<base>[^,.;()]+?)(?=\s*(?:[,.;()]|$|\s+(?:là|và|thì)\s)|{PERIOD_AFTER})", re.I)
# "3 tỷ 200 triệu đồng": an amount may add a smaller scale's count after its first
# (abbreviated: "150 tr.đồng", "1,2 tỷ đ", "500.000 VNĐ" — never the "đ" of "đ/c")
MONEY = re.compile(rf"{NUM_START}{QNUM}\s+(?P<scale>nghìn tỷ|tỷ|triệu|tr\.|tr(?=\s)|nghìn|ngàn)?"
                   rf"(?:\s+(?P<n2>\d{{1,3}})\s+(?P<scale2>triệu|nghìn|ngàn))?\s*(?:đồng(?!\w)(?!\s+chí)|đ(?![\w/])|VNĐ|VND)",
                   re.I)
# the subjects' abbreviations that the subject patterns above accept, written out; a count may be followed by one
# as by a lowercase noun ("45 ĐV")
ABBREVIATIONS = {"ĐV": "đảng viên", "TCĐ": "tổ chức đảng", "TCCSĐ": "tổ chức cơ sở đảng", "CB": "cán bộ", "đ/c": "đồng chí"}
SUBJECT_ABBREVIATIONS = tuple(ABBREVIATIONS)
ABBREVIATION = re.compile(rf"(?<!\w)(?:{'|'.join(ABBREVIATIONS)})(?!\w)")
COUNT = re.compile(rf"(?<![\w.,/-]){QNUM}(?!\s*[%/])(?=\s+(?:[a-zà-ỹđ]|(?:{'|'.join(SUBJECT_ABBREVIATIONS)})(?!\w)))")
# spans of time (and generations, decades): "cách đây 30 năm", "3 thế hệ", "hai thập kỷ" count no things
TIME_UNITS = re.compile(r"(?:tháng|năm|ngày|giờ|phút|tuần|quý|thế kỷ|thập kỷ|thập niên|thế hệ|lần|nhiệm kỳ|kỳ|khóa|khoá)\b")
# ("hai cuộc kháng chiến" is history, not work done: "cuộc" counts in words only what was held or carried out)
HELD = r"cuộc (?:kiểm tra|giám sát|thanh tra|họp|làm việc|vận động|thi|tọa đàm|hội thảo)"
WORD_COUNT_NOUNS = re.compile(
    rf"(?:{SUBJECT}|tập thể|cá nhân|đề tài|chuyên đề|đề án|chương trình|nhóm|thành viên|đơn vị|xã|phường"
    rf"|quận|huyện|{HELD}|vụ|đơn|đoàn|tổ|ban|lớp"
    r"|buổi|đợt|hội nghị|nhiệm vụ|giải pháp|chỉ tiêu|kế hoạch|văn bản|lượt"
    # what party documents number in words: "ba khâu đột phá", "bốn trụ cột", "hai mục tiêu", "năm bài học"
    r"|khâu|trụ cột|mục tiêu|quan điểm|nội dung|vấn đề|lĩnh vực|bài học|yêu cầu|tiêu chí|phong trào|mô hình"
    r"|định hướng|trọng tâm|chương|điều|phần|bước|cấp)\b",
    re.I)
# "trong năm phường đã tiếp nhận 46 ý kiến": "năm" after these words is the year, not five
YEAR_BEFORE = re.compile(r"(?<!\w)(?:trong|cả|hằng|hàng|mỗi|cùng|đầu|cuối|giữa|nửa|sang|qua|nhiều|những|các)\s+$", re.I)
# a small count told in words before what the Party's reports count ("khai trừ hai đảng viên", "Khiển trách (năm
# trường hợp)"); never "một" alone, an article ("một đảng viên" is any member), but "một trăm"
# (not glued to a full stop, "… 11 đảng viên.Hai đảng viên …": its capital marks the next sentence)
# where such a count may start: a number's first word, found with a leading letter class (twice as fast as the full
# pattern tried at every position; it is matched only where this finds one)
WORD_COUNT_START = re.compile(r"[hbnstcmHBNSTCM](?<![\w.][hbnstcmHBNSTCM])(?:ai|a|ốn|ảy|ăm|áu|ám|hín|ười|ột(?=\s+trăm))(?!\w)")
WORD_COUNTED = re.compile(rf"(?=[hbnstcmHBNSTCM])(?<![\w.])(?<!mười )(?<!mươi )(?<!trăm )(?<!linh )(?<!lẻ )(?P<n>(?!(?i:một)(?!\w)(?!\s+trăm))(?i:{WORDS}))(?=\s+(?:{SUBJECT}|tập thể|cá nhân|đơn|vụ|{HELD}|lượt)(?!\w))",
                          re.I)
SCALE = {"nghìn tỷ": 10**12, "tỷ": 10**9, "triệu": 10**6, "tr.": 10**6, "tr": 10**6, "nghìn": 10**3, "ngàn": 10**3,
         None: 1}
