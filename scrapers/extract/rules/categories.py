"""Violation categories: "vi phạm nguyên tắc tập trung dân chủ 9 trường hợp (17,3%)", "6 trường hợp vi phạm về
đất đai". The category is kept as written; a share in brackets is a share of the violations, kept on the figure."""

from __future__ import annotations

import re

from scrapers.extract.dates import PERIOD_TAIL, period_text, stated_periods
from scrapers.extract.numbers import QUALIFIER, parse_number, qualifier_of
from scrapers.extract.patterns import (
    ABBREVIATIONS,
    BULLET,
    COMPARED,
    COMRADE,
    COUNTS_IN_ORDER,
    FORM,
    FORM_RE,
    INCLUDES,
    ITEM_NUMBER,
    NUMBER,
    ORG_SUBJECT,
    QNUM,
    RESPECTIVELY,
    SHARE,
    SUBJECT,
    TRIGGER,
)
from scrapers.extract.rules import rule
from scrapers.extract.sentence import Sentence

CODE = r"\d{1,4}-[A-ZĐ][A-Za-zĐđ]*/[A-ZĐ]+"
UNIT = rf"(?P<unit>trường hợp|đảng viên|người|tổ chức đảng|tổ chức|vụ(?:\s+việc)?|{COMRADE}|cán bộ|(?-i:ĐV|TCĐ|TCCSĐ))(?!\w)"
CATEGORY_FIRST = re.compile(
    rf"(?<!\w)(?:vi|sai) phạm\s+(?:về\s+|trong\s+)?(?P<cat>[^;:()\d]{{3,80}}?)(?<!,)(?<!\svà)(?<!\shoặc)\s*:?\s+{QNUM}\s+{UNIT}(?:{SHARE})?", re.I)
# "9 đảng viên vi phạm về …", "7 trường hợp liên quan đến quản lý đất đai", "12 trường hợp do vi phạm …" (among
# those disciplined)
# — and "Có 11 đảng viên bị kỷ luật do vi phạm …" after a larger total of those disciplined: a part of it by category
NUMBER_FIRST = re.compile(
    # (its share may stand in brackets before what they violated: "8 trường hợp (chiếm 40%) vi phạm về đất đai")
    rf"(?<![\w.,/]){QNUM}\s+{UNIT}(?:\s*\((?:chiếm\s+)?(?P<share_first>{NUMBER})\s*%\))?"
    rf"\s+(?P<disciplined>bị\s+(?:thi hành\s+)?kỷ luật\s+(?=do\s))?(?:có\s+|do\s+)?"
    rf"(?:(?:vi|sai) phạm\s+(?:về\s+|trong\s+)?|liên quan (?:đến|tới)\s+)"
    # a regulation cited by its number may be what was violated ("vi phạm Quy định số 37-QĐ/TW về …")
    rf"(?P<cat>(?:[^,;.()\d]|{CODE})+(?:,\s*[^,;.()\d\s]+(?:\s+[^,;.()\d\s]+){{0,4}}){{0,3}})"
    # (or the period they are of: "9 trường hợp vi phạm về đất đai trong năm 2025.")
    rf"(?<!\strong)(?=\s*(?:[,;.()]|\s+và\s+\d|$)|{PERIOD_TAIL})(?:{SHARE})?", re.I)
# "trong lĩnh vực quản lý tài chính, ngân sách có 5 trường hợp vi phạm; trong lĩnh vực đầu tư xây dựng có 8 …",
# "…, tiếp đến là lĩnh vực tài chính, ngân sách với 14 trường hợp"
FIELD_FIRST = re.compile(
    # ("…, trong đó lĩnh vực quản lý đất đai có 9 trường hợp")
    rf"(?:(?<!\w)(?:trong|thuộc|ở|là|riêng|Riêng)\s+|(?<=trong đó )|(?<=trong số đó )|(?:^|(?<=[,;:]))\s*)(?:các\s+)?lĩnh vực\s+(?P<cat>[^;:()\d]{{3,80}}?)\s+"
    rf"(?:(?:có|là|với)\s+(?:tới\s+|đến\s+)?)?"
    rf"{QNUM}\s+{UNIT}"
    # (and its share in brackets: "… với 318 trường hợp (28,8%), tiếp đến là …")
    rf"(?:\s+(?:có\s+)?vi phạm)?(?:{SHARE})?", re.I)
# "vi phạm trong lĩnh vực đất đai chiếm 32,2% (46 trường hợp)": the share first, the count in brackets
# — or after "với": "vi phạm về quản lý đất đai chiếm 31,4% với 27 trường hợp"
SHARE_FIRST = re.compile(
    # ("chiếm tỷ lệ cao nhất (38,5%), với 25 trường hợp": the share may be ranked first and bracketed)
    rf"(?<!\w)(?:vi|sai) phạm\s+(?:về\s+|trong\s+)?(?P<cat>[^;:()\d]{{3,80}}?)\s*,?\s+chiếm\s+(?:tỷ lệ\s+)?"
    rf"(?:(?:cao|lớn|nhiều) nhất\s*)?(?P<sopen>\(\s*)?(?P<share>{NUMBER})\s*%(?(sopen)\s*\))"
    # ("chiếm 38,5% (25/65 trường hợp)": the count out of all the violations)
    rf"(?:\s*(?P<open>\()\s*|\s*,?\s+(?:với|tương ứng(?:\s+với)?|bằng)\s+){QNUM}(?:\s*/\s*{NUMBER})?\s+{UNIT}"
    r"(?(open)\s*\))", re.I)
# "chiếm tỷ lệ cao nhất là vi phạm trong quản lý đất đai với 31,5% (17 trường hợp); tiếp theo là vi phạm phẩm chất đạo
# đức, lối sống 22,2% (12 trường hợp)": ranked, each its share, then its count in brackets
RANKED_SHARE = re.compile(
    rf"(?:(?:chiếm\s+)?(?:tỷ lệ\s+)?(?:cao|lớn|nhiều) nhất\s+là|(?:tiếp (?:theo|đến)|sau đó|kế đến|thứ hai)\s+là)\s+"
    rf"(?:(?:vi|sai) phạm\s+(?:về\s+|trong\s+)?)?(?P<cat>[^;:()\d]{{3,80}}?)\s*,?\s+(?:với\s+|chiếm\s+)?"
    rf"(?P<share>{NUMBER})\s*%\s*\(\s*{QNUM}\s+{UNIT}\s*\)", re.I)
# "Nhóm vi phạm nhiều nhất là thực hiện chức trách, nhiệm vụ được giao (74 trường hợp), tiếp đến là …": ranked first,
# its count in brackets
RANKED_COUNT = re.compile(
    rf"(?<!\w)(?:vi|sai) phạm(?:\s+[^\s;:()\d]+){{0,3}}?\s+(?:(?:nhiều|cao|lớn|phổ biến)\s+nhất)\s+là\s+"
    rf"(?P<cat>[^;:()\d]{{3,80}}?)\s*\(\s*{QNUM}\s+{UNIT}\s*\)", re.I)
# — or its share alone: "vi phạm trong lĩnh vực quản lý đất đai, xây dựng chiếm 34,2%" (a category of no stated count)
SHARE_ONLY = re.compile(
    rf"(?<!\w)(?:vi|sai) phạm\s+(?:về\s+|trong\s+)?(?P<cat>[^;:()\d]{{3,80}}?)\s*,?\s+chiếm\s+(?:tỷ lệ\s+)?"
    rf"(?:(?:cao|lớn|nhiều) nhất\s*(?:với\s+)?)?(?P<sopen>\(\s*)?(?:(?:tới|đến)\s+)?"
    rf"(?:{QUALIFIER}\s+)?(?P<only>{NUMBER})\s*%(?(sopen)\s*\))(?P<n>(?!))?(?P<q>(?!))?(?P<unit>(?!))?", re.I)
SHARE_ONLY_MORE = re.compile(
    rf"(?:\s*[,;]\s*(?:và\s+)?|\s+và\s+)(?:(?:vi|sai) phạm\s+)?(?P<cat>(?:về|trong|liên quan (?:đến|tới)|ở|thuộc)\s+[^;:()\d]{{3,80}}?)"
    rf"\s+chiếm\s+(?:tỷ lệ\s+)?(?:{QUALIFIER}\s+)?(?P<only>{NUMBER})\s*%(?P<n>(?!))?(?P<q>(?!))?(?P<unit>(?!))?", re.I)
# "Đất đai là lĩnh vực có nhiều vi phạm nhất (21 trường hợp), sau đó là …": the category is what the sentence is about
FIELD_IS = re.compile(rf"(?:^|(?<=[,;:]))\s*(?P<cat>[^;:()\d,]{{2,60}}?)\s+là\s+(?:lĩnh vực|nội dung)\s+(?:có\s+)?"
                      rf"(?:nhiều\s+)?(?:vi phạm|sai phạm)(?:\s+nhiều)?(?:\s+nhất)?\s*\(\s*{QNUM}\s+{UNIT}\s*\)", re.I)
# a bare count is not the next item's number: "tập trung vào: 1. công tác cán bộ …"
NOT_ITEM_NUMBER = r"(?!\.[ \t]*(?-i:[a-zà-ỹđ]))"
# "Trong đó, vi phạm tiêu chuẩn chính trị: 4; vi phạm công tác cán bộ: 2": each item says "vi phạm", its count bare
# after a colon and ending the item (the unit group never takes part: a bare year is no count, see _emit)
CATEGORY_COLON = re.compile(rf"(?<!\w)(?:vi|sai) phạm\s+(?:về\s+|trong\s+)?(?P<cat>[^;:()\d]{{2,80}}?)\s*:\s*{QNUM}"
                            rf"{NOT_ITEM_NUMBER}(?:\s+(?P<unit>(?!)))?(?=\s*(?:[;.]|$|,\s*(?:tăng|giảm|bằng|so|chiếm)(?!\w)))", re.I)
# words a category never starts with: what follows "vi phạm" in those sentences is not what was violated
NOT_CATEGORY = re.compile(
    r"(?:đến|phải|có|đối|của|là|và|khi|nghiêm|trong số|bị|được|nhưng|nên|cần|thì|tới|dẫn|ở|mức|đã|từ"
    r"|với|chưa|cũng|này|đó|thuộc|tại|kỷ luật|xử lý|quý|năm|tháng|nhiệm kỳ|giai đoạn|đợt"
    r"|như)(?!\w)", re.I)
# "khai trừ 2 đảng viên vi phạm chính sách dân số": the count is the object of a discipline act, which is the
# statistic; what they violated only describes them
# — and "kết luận 9 đảng viên vi phạm về …": the finding is the statistic
# (also the second of two coordinated counts: "kết luận 2 tổ chức đảng và 6 đảng viên có vi phạm trong …")
# — and "đình chỉ sinh hoạt đảng 1 đảng viên do vi phạm …": the suspension is
# (the words a report may set between an act and its count: "kỷ luật đối với 6 trường hợp", "kỷ luật tổng số 40 …")
BEFORE_COUNT = r"(?:\s+(?:đối với|cho))?(?:\s+(?:tổng số|tổng cộng|tất cả))?"
# — and "xử lý dứt điểm 14 trường hợp vi phạm trật tự xây dựng": the cases handled are the statistic
GOVERNED_BEFORE = re.compile(rf"(?:(?:{FORM}|kỷ luật|đình chỉ(?:\s+sinh hoạt)?(?:\s+(?:đảng|cấp ủy))?"
                             r"|xử lý (?:dứt điểm|triệt để))(?:\s+ra khỏi đảng)?"
                             rf"{BEFORE_COUNT}"
                             rf"|(?:kết luận|phát hiện)(?:\s+có)?"
                             rf"(?:\s+[\d.]+\s+{UNIT}(?:\s+và|\s*,))?)\s*$", re.I)
# "Số tổ chức đảng vi phạm về thực hiện quy chế làm việc là 3; số đảng viên vi phạm về đạo đức, lối sống là 14"
STATED_CATEGORY = re.compile(
    rf"(?<!\w)[Ss]ố\s+(?:(?:đảng viên|tổ chức đảng|trường hợp)\s+)?(?:vi|sai) phạm\s+(?:về\s+|trong\s+)?(?P<cat>[^;:()\d]{{3,80}}?)"
    r"(?:\s+(?:năm|quý|tháng)\s+[\dIVX/]+)?"  # "Số vi phạm trong … năm 2025 là 13 trường hợp"
    rf"\s+(?:là|có)\s+{QNUM}(?:\s+{UNIT})?(?![\d.,]\d)(?!\s*[%/])", re.I)
# "…, trong lĩnh vực đầu tư xây dựng là 6": a stated category's list goes on
STATED_MORE = re.compile(
    rf"\s*[,;]\s*(?:và\s+)?(?:về\s+|trong\s+)(?:lĩnh vực\s+)?(?P<cat>[^;:()\d]{{3,80}}?)\s+(?:là|có)\s+{QNUM}"
    rf"(?:\s+{UNIT})?(?![\d.,]\d)(?!\s*[%/])", re.I)
# "Về công tác cán bộ có 3 trường hợp vi phạm; về quản lý tài chính … có 7 trường hợp vi phạm"
ABOUT_FIRST = re.compile(
    rf"(?:^|(?<=[,;:]))\s*[Vv]ề\s+(?P<cat>[^;:()\d]{{3,80}}?)\s+(?:có|là|với)\s+{QNUM}\s+{UNIT}\s+(?:có\s+)?vi phạm"
    r"(?!\s*(?:về|trong)\b)", re.I)
# a category never runs into the clause that splits its count ("vi phạm về kê khai tài sản, thu nhập, trong đó 2 …")
# — nor into a clause of consequence ("vi phạm trong quản lý, sử dụng đất đai, để xảy ra 27 trường hợp …")
SPLIT_CLAUSE = re.compile(r",\s*(?:trong đó|trong số|(?:bao\s+)?gồm|cụ thể|để|gây|dẫn (?:đến|tới)|làm|khiến)\b", re.I)
# "vi phạm chủ yếu về phẩm chất đạo đức, lối sống (21 trường hợp) và quản lý đất đai (14 trường hợp)"
# (or what was violated right after the verb, of those the sentence is about: "Các trường hợp này chủ yếu vi phạm
# chính sách dân số (8 trường hợp)" — not how far, "vi phạm đến mức phải kỷ luật (5 trường hợp)", nor why or where)
BRACKETED_HEAD = re.compile(r"(?:(?:vi|sai) phạm(?:\s+chủ yếu)?\s+(?:về|trong|ở|thuộc)(?:\s+(?:các\s+)?(?:nội dung|lĩnh vực))?"
                            r"|(?<!\w)(?:chủ yếu|phần lớn|đa số|đều)\s+(?:vi|sai) phạm(?=\s+(?!(?:nhưng|chưa|đến|phải|bị|được|có"
                            r"|là|và|của|nên|do|rơi|xảy|nhiều|ít|nghiêm trọng|về|trong|ở|thuộc|tại|với)(?!\w))[^\W\d]))(?:\s*:\s*|\s+)", re.I)
# the count's share may share its brackets: "đất đai (9 trường hợp, chiếm 18,8%)"; under a violations heading the
# unit may be left out: "… ở các nội dung: nguyên tắc tập trung dân chủ (8), …"
# (a count, not a share read in two: "(21,4%)" is no count of 21 with a share of 4)
BRACKETED_ITEM = re.compile(rf"\s*(?:,|;|và)?\s*(?:{BULLET}\s+)?(?P<cat>[^;:()\d]{{3,80}}?)\s*\(\s*{QNUM}(?![.,]\d)(?:\s+{UNIT})?"
                            rf"(?:\s*[,;]\s*(?:chiếm\s+)?(?:tỷ lệ\s+)?(?P<share>{NUMBER})\s*%)?\s*\)", re.I)
# "Lĩnh vực đất đai có số vi phạm nhiều nhất với 12 trường hợp, tiếp đến là tài chính, ngân sách (7 trường hợp)"
CONTINUED = re.compile(r"\s*[,;]\s*(?=(?:tiếp (?:theo|đến)|sau đó|kế đến|thứ hai)\s+là\s)", re.I)


# "Về nội dung vi phạm: nguyên tắc tập trung dân chủ 4 trường hợp; quản lý kinh tế 9 trường hợp; …": after a heading
# that says what follows are violations, each item is a category even without its own "vi phạm" — also "Nội dung
# vi phạm tập trung ở các lĩnh vực: …", "Các vi phạm chủ yếu liên quan đến …: 9 trường hợp; …: 5 trường hợp"
LIST_HEAD = re.compile(
    # "Các lĩnh vực có nhiều vi phạm là đất đai (18 trường hợp), …"
    rf"(?:(?:các\s+)?lĩnh vực có (?:nhiều\s+)?vi phạm(?:\s+nhiều)?(?:\s+nhất)?\s+(?:là|{INCLUDES})\s*:?\s*"
    # "Số đảng viên vi phạm: về đạo đức, lối sống 6; …"
    r"|số (?:đảng viên|trường hợp|tổ chức đảng) vi phạm\s*:\s*"
    # "Các vi phạm được phát hiện như sau:"
    r"|(?:các|những) (?:vi phạm|sai phạm)[^:;.\d]{0,40}?như sau\s*:\s*"
    # "…, trong đó nhiều nhất là vi phạm X (6 trường hợp), kế đến là …"
    r"|(?:(?<=trong đó )|(?<=trong số đó ))(?:nhiều nhất|phổ biến nhất|chiếm nhiều nhất)\s+là\s+"
    # (or right after the total's comma: "… kỷ luật 32 đảng viên, vi phạm chủ yếu về: …")
    r"|(?:(?:nội dung|lĩnh vực|loại|(?:các|những)(?:\s+(?:trường hợp|hành vi|sai phạm))?) |^\s*|(?<=, ))vi phạm(?: chủ yếu)?"
    # "Lĩnh vực vi phạm nhiều nhất là đất đai (15 trường hợp), tiếp theo là …"
    r"(?:\s+(?:nhiều nhất|phổ biến(?: nhất)?)\s+là\s+"
    rf"|\s*(?:{INCLUDES}|là)?\s*:|\s+(?:chủ yếu\s+)?(?:tập trung\s+)?(?:ở|vào|trong|thuộc|về)"
    r"(?:\s+(?:các|\d+|hai|ba|bốn|năm)?\s*(?:lĩnh vực|nội dung|nhóm))?\s*:"  # "… tập trung vào 3 nhóm: …"
    r"|\s+(?:chủ yếu\s+)?(?:liên quan (?:đến|tới)|thuộc (?:các\s+)?lĩnh vực)"
    # "Các vi phạm tập trung ở lĩnh vực đầu tư công: 5 trường hợp; quản lý tài sản công: 3 trường hợp"
    r"|\s+(?:chủ yếu\s+)?tập trung\s+(?:ở|vào|trong)\s+(?:các\s+)?lĩnh vực(?=\s+[^:;]{3,60}:\s*\d))\s*)", re.I)
# (each item may be numbered: "tập trung vào: (1) thực hiện nguyên tắc tập trung dân chủ: 5 trường hợp; (2) …")
LIST_ITEM = re.compile(rf"\s*(?:[;,]\s*)?(?:{BULLET}\s*)?(?:{ITEM_NUMBER}\s*)?(?:(?:vi|sai) phạm\s+(?:về\s+|trong\s+)?)?(?P<cat>[^;:()\d]{{3,80}}?)(?<!,)\s*:?\s+{QNUM}\s+{UNIT}"
                       rf"(?:{SHARE})?\s*[;.,]?", re.I)


VIOLATION_WORDS = ("vi phạm", "sai phạm", "theo nội dung", "theo lĩnh vực")
# "Phân theo nội dung, có 9 trường hợp về …": a heading that sorts the violations, then counts first
BY_CONTENT = re.compile(r"(?:phân|chia|xét)\s+theo\s+(?:nội dung|lĩnh vực)(?:\s+vi phạm)?\s*[,:]\s*", re.I)
COUNT_FIRST_ITEM = re.compile(rf"\s*(?:[;,]\s*)?(?:và\s+)?(?:có\s+)?{QNUM}\s+{UNIT}\s+(?:(?:vi|sai) phạm\s+)?(?:về|trong|liên quan (?:đến|tới))"
                              r"\s+(?P<cat>[^;.()\d]{3,80}?)(?=\s*(?:[;.]|$|,\s*(?:và\s+)?\d))", re.I)
# under a heading, an item's count may stand bare at its end: "Số đảng viên vi phạm: về đạo đức, lối sống 6; …" (the
# unit group never takes part, so a bare year is not read as a count: see _emit)
BARE_ITEM = re.compile(rf"\s*(?:[;,]\s*)?(?:{BULLET}\s*)?(?:{ITEM_NUMBER}\s*)?(?:(?:vi|sai) phạm\s+)?(?P<cat>[^;:()\d]{{3,80}}?)\s*:?\s+{QNUM}"
                       rf"{NOT_ITEM_NUMBER}"
                       r"(?:\s+(?P<unit>(?!)))?(?=\s*(?:[;.]|$))", re.I)


# "Vi phạm của đảng viên chủ yếu là: vi phạm chính sách, pháp luật … (25 trường hợp); …": whose violations, then
# the list
OWNED_HEAD = re.compile(rf"(?<!\w)vi phạm\s+của\s+[^:;.\d]{{1,30}}?\s+(?:chủ yếu\s+)?(?:là|{INCLUDES}|ở)\s*:\s*", re.I)


# "Những vi phạm của đảng viên phần nhiều ở khâu thực hiện quy chế dân chủ ở cơ sở: 10 trường hợp"
OWNED_ONE = re.compile(rf"(?<!\w)vi phạm\s+của\s+[^:;.\d]{{1,30}}?\s+(?:chủ yếu|phần nhiều|phần lớn|đa số)\s+(?:ở|về|trong|là)\s+"
                       rf"(?P<cat>[^;:()\d]{{3,80}}?)\s*:\s*{QNUM}\s+{UNIT}", re.I)


def _list_heads(sentence: str) -> list[re.Match]:
    return sorted([*LIST_HEAD.finditer(sentence), *OWNED_HEAD.finditer(sentence)], key=lambda m: m.start())


def _about_violations(sentence: str) -> bool:
    """What was violated is told after "vi phạm" (or "sai phạm", or a heading that sorts them), or after "liên quan
    đến" among those disciplined."""
    lowered = sentence.lower()
    return any(w in lowered for w in VIOLATION_WORDS) or ("kỷ luật" in lowered and "liên quan" in lowered)


# "… kết luận 27 đảng viên có vi phạm. Trong đó, lĩnh vực quản lý đất đai có 9 trường hợp; …": a sentence that goes
# on with the violations of the one before
GOES_ON_WITH = re.compile(r"[\s\"“]*(?:Trong (?:số )?đó|Cụ thể)\s*[,:]", re.I)


@rule(20)
def violation_categories(ctx: Sentence) -> None:
    # ("Phân loại vi phạm:\n- Tham nhũng, tiêu cực: 4 trường hợp\n- Thiếu trách nhiệm: 11 trường hợp": each line
    # after the first is a sentence of its own, an item of the heading's list)
    listed = _item_of_a_violations_list(ctx)
    if not listed and not _about_violations(ctx.s) and not (
            ctx.previous and GOES_ON_WITH.match(ctx.s) and "lĩnh vực" in ctx.s and _about_violations(ctx.previous)):
        return
    if listed:
        pos = 0
        while (m := _list_item(ctx, pos) or BRACKETED_ITEM.match(ctx.s, pos) or BARE_ITEM.match(ctx.s, pos)) \
                and ctx.free(m.start("n"), m.end("n")):
            pos = _emit(ctx, m)
    for head in _list_heads(ctx.s):
        pos = head.end()
        while (m := _list_item(ctx, pos) or BRACKETED_ITEM.match(ctx.s, pos) or BARE_ITEM.match(ctx.s, pos)) \
                and ctx.free(m.start("n"), m.end("n")):
            pos = _emit(ctx, m)
    # "Phân theo nội dung, có 9 trường hợp về …; 6 trường hợp về …": the counts first, after a heading that sorts
    # the violations by what was violated
    for head in BY_CONTENT.finditer(ctx.s):
        pos = head.end()
        while (m := COUNT_FIRST_ITEM.match(ctx.s, pos)) and ctx.free(m.start("n"), m.end("n")):
            pos = _emit(ctx, m)
    for head in BRACKETED_HEAD.finditer(ctx.s):
        pos = head.end()
        while (m := BRACKETED_ITEM.match(ctx.s, pos)) and ctx.free(m.start("n"), m.end("n")):
            _emit(ctx, m)
            pos = m.end()
    for rx in (STATED_CATEGORY, OWNED_ONE, FIELD_IS, RANKED_SHARE, RANKED_COUNT, SHARE_FIRST, FIELD_FIRST, ABOUT_FIRST, NUMBER_FIRST, CATEGORY_FIRST,
               CATEGORY_COLON):
        for m in rx.finditer(ctx.s):
            if ctx.free(m.start("n"), m.end("n")) and not _a_count_of_its_own(ctx, rx, m):
                end = _emit(ctx, m)
                while item := _continued(ctx, end, plain=rx is not NUMBER_FIRST, stated=rx is STATED_CATEGORY):
                    end = _emit(ctx, item)
    if "chiếm" in ctx.s:
        _shares_only(ctx)


def _item_of_a_violations_list(ctx: Sentence) -> bool:
    """Whether the sentence is a line of a list whose heading says its items are violations."""
    heading = ctx.list_heading
    return heading is not None and any(not heading[h.end():].strip() for h in _list_heads(heading))


def _a_count_of_its_own(ctx: Sentence, rx: re.Pattern, m: re.Match) -> bool:
    """Whether a count read as a category's is an act's own count or a total of those disciplined for a reason."""
    before = max(0, m.start() - 60)
    return rx is NUMBER_FIRST and bool(GOVERNED_BEFORE.search(ctx.s, before, m.start()) and not _disciplined_within(ctx, m)
                                       or m["disciplined"] and not _within_a_larger_total(ctx, m))


def _shares_only(ctx: Sentence) -> None:
    """Categories told with their share alone: "vi phạm trong lĩnh vực quản lý đất đai, xây dựng chiếm 34,2%"."""
    for m in SHARE_ONLY.finditer(ctx.s):
        # (not the share of a count, a rate or a number its clause states first: "58 đảng viên bị kỷ luật do vi phạm
        # …, chiếm 31%", "Tỷ lệ đảng viên vi phạm … chiếm 35,6%", "Số bị kỷ luật do vi phạm … chiếm hơn 60%" are
        # percents)
        clause = re.split(r"[,;:.]", ctx.s[:m.start()])[-1]
        if ctx.free(m.start("only"), m.end("only")) and not re.search(r"\d|tỷ lệ|(?<!\w)số(?!\w)", clause, re.I):
            end = _emit(ctx, m)
            # ("…, liên quan đến công tác cán bộ chiếm 21,4%": the list goes on without "vi phạm" again)
            while (more := SHARE_ONLY_MORE.match(ctx.s, end)) and ctx.free(more.start("only"), more.end("only")):
                end = _emit(ctx, more)


# "Trong số 86 đảng viên bị kỷ luật …", "… đã kỷ luật 86 đảng viên", "kỷ luật về Đảng 12 người": a total of those
# disciplined
DISCIPLINED_TOTAL = re.compile(rf"(?:kỷ luật(?:\s+về\s+đảng)?{BEFORE_COUNT}\s+(?P<a>\d[\d.]*)\s+(?:đảng viên|trường hợp|người|{COMRADE})"
                               rf"|(?P<b>\d[\d.]*)\s+(?:đảng viên|trường hợp|{COMRADE})\s+(?:bị\s+)?(?:thi hành\s+)?kỷ luật)", re.I)
# "Số đảng viên bị kỷ luật do vi phạm đạo đức, lối sống là 2 người": a stated total of those disciplined, for a reason
# — a category only of a larger total told before it
DISCIPLINED_FOR = re.compile(rf"(?<!\w)[Ss]ố(?:\s+lượng)?\s+(?P<subj>{SUBJECT})\s+bị\s+(?:thi hành\s+|xử lý\s+)?kỷ luật\s+"
                             rf"do\s+(?:vi|sai) phạm\s+[^;:()\d]{{3,80}}?\s+(?:là|có)\s+{QNUM}(?:\s+{UNIT})?(?![\d.,]\d)(?!\s*[%/])",
                             re.I)


@rule(18)  # before the categories, which would read the count as one of them
def disciplined_for_a_reason(ctx: Sentence) -> None:
    if "do" not in ctx.s:
        return
    for m in DISCIPLINED_FOR.finditer(ctx.s):
        if not ctx.free(m.start("n"), m.end("n")) or _within_a_larger_total(ctx, m):
            continue
        org = re.fullmatch(ORG_SUBJECT, m["subj"], re.I)
        ctx.emit("discipline_party_orgs" if org else "discipline_party_members", m.start(), m.end(),
                 parse_number(m["n"]), unit=m["subj"].lower(), subject=m["subj"].lower(),
                 subject_class="tổ chức đảng" if org else "đảng viên", qualifier=qualifier_of(m["q"]))
# "…, trong đó xử lý kỷ luật 7 đảng viên vi phạm chính sách dân số": discipline said again, bare of a form, for a part
# of the total by what they violated
WITHIN_DISCIPLINE = re.compile(r"trong (?:số )?đó\s*[,:]?\s*(?:có\s+)?(?:đã\s+)?(?:xử lý\s+|thi hành\s+)?kỷ luật"
                               r"(?:\s+đối với)?\s*$", re.I)


def _disciplined_within(ctx: Sentence, m: re.Match) -> bool:
    return bool(WITHIN_DISCIPLINE.search(ctx.s, max(0, m.start() - 60), m.start())) and _within_a_larger_total(ctx, m)


def _within_a_larger_total(ctx: Sentence, m: re.Match) -> bool:
    """Whether the count of those disciplined for a reason is a part of a larger total told just before it (in the
    sentence before or earlier in its own): then it counts a category, not a discipline of its own."""
    value = parse_number(m["n"])
    # (a part is of its total's period: "… Trong nhiệm kỳ 2020-2025, … kỷ luật 57 đảng viên …" is no total of "Năm 2025,
    # có 12 đảng viên bị kỷ luật do vi phạm …")
    own = {p for at, p in ctx.periods_stated() if at < m.start()}
    said_before = {period_text(p) for p in stated_periods(ctx.previous)} if own and ctx.previous else set()
    # (nor a total that says no period of its own: "Tổng cộng 5 năm qua, … kỷ luật 1.017 đảng viên" holds no "Năm 2025")
    another_period = bool(own and not own & said_before)
    for text in ("" if another_period else ctx.previous or "", ctx.s[:m.start()]):
        for t in DISCIPLINED_TOTAL.finditer(text):
            try:
                if parse_number(t["a"] or t["b"]) > value:
                    return True
            except ValueError:
                continue
    return False


# "…; Ủy ban Kiểm tra đã kỷ luật 6 trường hợp": an act right before the count ends the list, whose items are what was
# violated
# the acts whose count is a statement of its own, not a category's (one list for both ways a list of categories ends)
ACT_WORDS = re.compile(r"kết luận|phát hiện|kiểm tra|giám sát|kỷ luật|xử lý|khen|đình chỉ|tố cáo|khiếu nại|đề nghị", re.I)
ACT_BEFORE_COUNT = re.compile(rf"(?:{ACT_WORDS.pattern})\s*$", re.I)


def _list_item(ctx: Sentence, pos: int) -> re.Match | None:
    item = LIST_ITEM.match(ctx.s, pos)
    return None if item is None or ACT_BEFORE_COUNT.search(item["cat"]) else item


# "…, tài chính - ngân sách 17 trường hợp, đầu tư xây dựng 9 trường hợp" after a first category: the list goes on
# with bare items, so long as an item names no act (", kỷ luật 5 trường hợp" is a statement of its own)
# (an item's reading may have taken the space before "và")
PLAIN_JOIN = re.compile(r"\s*(?:[,;]\s*(?:và\s+)?|(?<!\w)và\s+)")


def _continued(ctx: Sentence, end: int, plain: bool, stated: bool = False) -> re.Match | None:
    more = CONTINUED.match(ctx.s, end)
    if stated and (item := STATED_MORE.match(ctx.s, end)):
        pass
    elif more:
        item = LIST_ITEM.match(ctx.s, more.end()) or BRACKETED_ITEM.match(ctx.s, more.end())
    elif plain and ((more := PLAIN_JOIN.match(ctx.s, end)) or ctx.s[end - 1:end] in (",", ";")):
        item = LIST_ITEM.match(ctx.s, more.end() if more else end)
        if item and (ACT_WORDS.search(item["cat"]) or TRIGGER.search(item["cat"]) or len(item["cat"].split()) > 12):
            return None
    else:
        return None
    return item if item and ctx.free(item.start("n"), item.end("n")) else None


# what a category phrase may carry around the category itself: "(trong) lĩnh vực …", "liên quan đến …" before it,
# and the predicate after it ("… vẫn chiếm tỷ lệ cao nhất với", "… là")
CATEGORY_LEAD = re.compile(r"^(?:(?:tiếp (?:theo|đến)|sau đó|kế đến|thứ hai)\s+là\s+)?"
                           # (whose violations they are: "vi phạm của đảng viên tập trung vào …")
                           r"(?:của\s+(?:các\s+)?(?:cán bộ,\s*đảng viên|đảng viên|tổ chức đảng|cán bộ|tập thể|cá nhân)\s+)?"
                           r"(?:chủ yếu\s+(?:vẫn\s+)?(?:là\s+)?)?"
                           # "vi phạm nhiều nhất là X với 64 trường hợp": a ranking before the category
                           r"(?:(?:chiếm\s+)?(?:nhiều|phổ biến|cao|lớn)(?:\s+nhất)?\s+(?:là|thuộc|ở|về)\s+)?"
                           r"(?:(?:các|những)\s+(?=vi phạm\s))?(?:vi phạm\s+)?"  # ("(3) các vi phạm khác: 3 trường hợp")
                           # ("tập trung nhiều nhất ở lĩnh vực …")
                           r"(?:tập trung\s+)?(?:chủ yếu\s+)?(?:nhiều(?:\s+nhất)?\s+)?"
                           # ("tập trung vào việc thực hiện …")
                           r"(?:(?:liên quan (?:đến|tới)|thuộc|trong|về|ở|vào)\s+)?(?:các\s+)?"
                           r"(?:lĩnh vực\s+)?", re.I)
ITEM_JOIN = re.compile(rf"[\s,;]*(?:{BULLET}\s*)?(?:{ITEM_NUMBER}\s*)?(?:và\s+)?")
CATEGORY_TAIL = re.compile(r"\s+(?:vẫn|chiếm|là|với|có|đã|đang|tiếp tục|tăng|giảm|bao gồm|gồm|bị|phải)(?:\s.*)?$", re.I)
# "… đạo đức, lối sống, gấp đôi năm trước": a comparison after the category is no part of it
COMPARISON_TAIL = re.compile(rf",\s*(?:gấp|tăng|giảm|{COMPARED}|bằng|nhiều hơn|ít hơn|cao hơn|thấp hơn)(?!\w).*$", re.I | re.S)
# "…, chiếm 41,1%" after a category's count (its comma may have closed the item): its share of the violations
SHARE_TAIL = re.compile(rf"\s*,?\s*chiếm\s+(?:tỷ lệ\s+)?(?P<share>{NUMBER})\s*%")


# "Về vi phạm, có 6 trường hợp vi phạm đạo đức, lối sống": the heading's own words are no category
HEADING_ONLY = re.compile(r"(?:(?:về|các|những)\s+)?(?:nội dung\s+)?(?:vi phạm|sai phạm)\s*,?", re.I)


LIST_MARKER = re.compile(INCLUDES, re.I)  # ("… các đảng viên vi phạm bao gồm: 3 đảng viên …" lists those disciplined)
STRAIGHT_QUOTED = re.compile(r'"([^"]*)"')


def _curly_quotes(category: str) -> str:
    """A category's quotation marks as the Party's documents set them ("“tham nhũng vặt”"), whichever a page typed:
    one category, one spelling for the marts to group by (its dashes are read as hyphens the same way)."""
    return STRAIGHT_QUOTED.sub(r"“\1”", category) if '"' in category else category


def _emit(ctx: Sentence, m: re.Match) -> int:
    """Emit the category `m` reads, if it is one; returns where its reading ends."""
    written = _curly_quotes(re.sub(r"\s+", " ", m["cat"]).strip(" ,"))
    category = CATEGORY_TAIL.sub("", CATEGORY_LEAD.sub("", COMPARISON_TAIL.sub("", written))).strip(" ,:")
    if not category or NOT_CATEGORY.match(category) or LIST_MARKER.fullmatch(written) or SPLIT_CLAUSE.search(category) \
            or HEADING_ONLY.fullmatch(category) \
            or m["n"] is not None and m.start("cat") < m.start("n") and GOVERNED_BEFORE.search(written):
        return m.end()  # ("…; Ủy ban Kiểm tra đã kỷ luật đối với 6 trường hợp": the count of an act after it)
    only = m.groupdict().get("only")
    try:
        value = parse_number(m["n"]) if m["n"] is not None else None
        told = m.groupdict().get("share") or m.groupdict().get("share_first") or only
        share = parse_number(told) if told else None
    except ValueError:
        return m.end()
    unit = ABBREVIATIONS.get(m["unit"] or "", m["unit"] or "trường hợp").lower() if only is None else None
    if only is None and m["unit"] is None and not (value is not None and value < 1000):  # "(2025)" is a year
        return m.end()
    start = m.start() + ITEM_JOIN.match(m.group(0)).end()  # not the ", " or "và" that joined it to the list
    end = m.end()
    quoted = m.start() + len(m.group(0).rstrip(" \t\n;.,"))  # (not the stop that ends a list's item)
    tail = SHARE_TAIL.match(ctx.s, end) if share is None else None
    if tail:
        share, end = parse_number(tail["share"]), tail.end()
        quoted = end
    ctx.emit("violation_category", start, quoted, value, unit=unit, category=category,
             subject_class="tổ chức đảng" if unit and unit.startswith("tổ chức") else "đảng viên",
             share=share, qualifier=qualifier_of(m["q"]))
    return end


# "… tập trung vào: đất đai (9 trường hợp), tài chính (5 trường hợp), đạo đức, lối sống (2 trường hợp)" in a sentence
# about violations: a run of two or more things, each with its count in brackets, is a list of what was violated,
# whatever words introduced it (the heading shapes above are a long tail)
# — or each with only its share: "… ở lĩnh vực quản lý đất đai (chiếm 31,2%) và thực hiện chính sách dân số (chiếm
# 18,4%)" (a category of no stated count)
RUN_ITEM = re.compile(rf"(?P<cat>[^;:()\d]{{2,80}}?)\s*\(\s*(?:{QNUM}\s+{UNIT}"
                      rf"(?:\s*[,;]\s*(?:chiếm\s+)?(?:tỷ lệ\s+)?(?P<share>{NUMBER})\s*%)?"
                      rf"|(?:chiếm\s+)?(?:tỷ lệ\s+)?(?P<only>{NUMBER})\s*%)\s*\)", re.I)
# (items may be numbered: "(1) … (12 trường hợp); (2) …")
RUN_JOIN = re.compile(rf"\s*(?:[,;]\s*)?(?:và\s+)?(?:{ITEM_NUMBER}\s*)?")
# the words that introduce the list, up to the last of them: what follows is the category
RUN_LEAD = re.compile(r"^.*(?::|(?<!\w)(?:là|vào|ở|về|gồm|như|trong|đến|tới|thuộc))\s+", re.I)


@rule(21)
def bracketed_runs(ctx: Sentence) -> None:
    if "(" not in ctx.s or not _about_violations(ctx.s):
        return
    run: list[re.Match] = []
    for m in RUN_ITEM.finditer(ctx.s):
        if run and RUN_JOIN.fullmatch(ctx.s, run[-1].end(), m.start("cat") + _lead(m["cat"], first=False)) is None:
            _emit_run(ctx, run)
            run = []
        run.append(m)
    _emit_run(ctx, run)


# "Nguyên nhân vi phạm chủ yếu do thiếu trách nhiệm trong lãnh đạo (6 trường hợp) và …": when the first item says
# "vi phạm", the list starts after it and its lead words ("trong", "về" may also sit inside the category itself)
VIOLATION_LEAD = re.compile(r"^.*(?<!\w)(?:vi phạm|sai phạm)(?:\s*(?::|chủ yếu|phần lớn|đa số|tập trung|nhiều nhất|do|là|về|ở"
                            r"|vào|trong|thuộc|liên quan (?:đến|tới)|các|lĩnh vực|nội dung)(?!\w))*\s*", re.I)
# after it, a verb of where they fall ("rơi vào", "xảy ra nhiều ở"), or words that always introduce what follows
PLAIN_LEAD = re.compile(r"(?:(?:rơi|xảy ra|diễn ra|tập trung|chủ yếu|nhiều|phổ biến|nhất|chiếm|phần lớn|đa số)\s+)+"
                        r"(?:vào|ở|là|do|thuộc|trong|về)\s+|.*(?::|(?<!\w)(?:là|gồm|như))\s+", re.I)


def _lead(cat: str, first: bool) -> int:
    """How much of an item's text comes before its category: the join, and for the first item the words that
    introduce the list."""
    if not first:
        return RUN_JOIN.match(cat).end()
    if said := VIOLATION_LEAD.match(cat):
        plain = PLAIN_LEAD.match(cat, said.end())
        return plain.end() if plain else said.end()
    lead = RUN_LEAD.match(cat)
    return lead.end() if lead else 0


NOT_DONE = re.compile(r"(?<!\w)(?:thiếu|không|chưa|buông lỏng|lơ là|coi nhẹ|xem nhẹ)\s+(?:\w+\s+)?$", re.I)


def _plain_category(item: str) -> bool:
    """A short phrase (twelve syllables at most) naming no form and no act: an item may repeat "vi phạm" ("… và vi phạm quy định về …"), so
    the words that carry the category are checked."""
    category = CATEGORY_LEAD.sub("", item.strip(" ,;"))
    # ("buông lỏng lãnh đạo để cấp dưới vi phạm": a category may say "vi phạm" itself, and an act it says was not
    # done, "thiếu kiểm tra, đôn đốc"; no other act)
    acts = [m for m in TRIGGER.finditer(category) if m.group(0).lower() not in ("vi phạm", "sai phạm")
            and not NOT_DONE.search(category, 0, m.start())]
    return len(category.split()) <= 12 and not FORM_RE.search(category) and not acts


def _number_span(m: re.Match) -> tuple[int, int]:
    return (m.start("n"), m.end("n")) if m["n"] is not None else (m.start("only"), m.end("only"))


NUMBERED_BEFORE = re.compile(rf"{ITEM_NUMBER}\s*$")


def _emit_run(ctx: Sentence, run: list[re.Match]) -> None:
    if len(run) < 2:
        return
    # (a first item after its number, "(1) thiếu trách nhiệm trong …", has no lead words of the list's before it)
    numbered = NUMBERED_BEFORE.search(ctx.s, max(0, run[0].start("cat") - 8), run[0].start("cat")) is not None
    items = [RUN_ITEM.match(ctx.s, m.start("cat") + _lead(m["cat"], first=i == 0 and not numbered))
             for i, m in enumerate(run)]
    if any(i is None or not _plain_category(i["cat"]) or not ctx.free(*_number_span(i)) for i in items):
        return
    if len({i["only"] is None for i in items}) > 1:
        return  # counts for some and shares alone for others: not one list
    for item in items:
        _emit(ctx, item)


# "Các vi phạm về quản lý đất đai, đầu tư công và chính sách dân số lần lượt là 11, 7 và 5 trường hợp": categories
# named first, their counts after "lần lượt / tương ứng (là)" in the same order; read only when the categories split
# into as many as there are counts (a category may hold a comma)
RESPECTIVE = re.compile(rf"(?<!\w)vi phạm\s+(?:về\s+|trong\s+)?(?P<cats>[^;:()\d]{{3,200}}?){RESPECTIVELY}{COUNTS_IN_ORDER}"
                        rf"\s+{UNIT}", re.I)
CAT_SPLIT = re.compile(r"\s*(?:,|\svà\s)\s*")


@rule(19)  # before the readings of one category each, which would take "… tương ứng là 5" as one
def respective_categories(ctx: Sentence) -> None:
    if "lần lượt" not in ctx.s and "tương ứng" not in ctx.s:
        return
    for m in RESPECTIVE.finditer(ctx.s):
        cats = [c.strip() for c in CAT_SPLIT.split(m["cats"]) if c.strip()]
        counts = [n for n in re.finditer(NUMBER, m["counts"], re.I)]
        if len(cats) != len(counts) or not ctx.free(m.start("counts"), m.end("counts")):
            continue
        try:
            values = [parse_number(n.group(0)) for n in counts]
        except ValueError:
            continue
        unit = m["unit"].lower()
        for category, value in zip(cats, values, strict=True):
            ctx.emit("violation_category", m.start(), m.end(), value, unit=unit, category=category,
                     subject_class="tổ chức đảng" if unit.startswith("tổ chức") else "đảng viên")
