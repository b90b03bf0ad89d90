"""Figures that need no predicate: completion ratios, percentages, money and plain counts of things."""

from __future__ import annotations

import re

from scrapers.extract.numbers import QUALIFIER, count_of, parse_number, qualifier_of
from scrapers.extract.patterns import (
    COUNT,
    FORM,
    MONEY,
    PERCENT,
    RATIO,
    RATIO_WORDS,
    SCALE,
    SUBJECT_ABBREVIATIONS,
    TIME_UNITS,
    WORD_COUNT_NOUNS,
    YEAR_BEFORE,
)
from scrapers.extract.rules import rule
from scrapers.extract.scope import LOCAL_UNIT
from scrapers.extract.sentence import Sentence
from scrapers.vocabulary import MEASURE_UNITS

UNIT_STOP = {
    "đã", "đang", "được", "và", "với", "có", "của", "trong", "thực", "hoàn", "đạt", "là", "để", "do", "tại", "theo",
    "cho", "trên", "so", "từ", "về", "bị", "sẽ", "nhằm", "gồm", "mà", "như", "nhưng", "hoặc", "hay", "khi", "đến",
    "tới", "vào", "ra", "lên", "này", "đó", "nói", "diễn", "trở", "số", "nhiệm", "giai", "cụ", "nhất", "mỗi",
    "hằng", "hàng", "ở", "dưới", "chiếm", "tham", "phải", "cần", "còn", "chưa", "không", "đối", "vượt",
    "tăng", "giảm", "làm", "đều", "cùng", "vẫn", "cũng", "nâng", "đưa",
}
# stop words that open a noun with the next word: "2 bị can", "12 tham luận", "8 nhiệm vụ" are counted things
STOP_NOUNS = re.compile(r"(?:bị\s+(?:can|cáo|hại)|tham\s+luận|nhiệm\s+vụ)(?!\w)", re.I)
LIST_NOUN = re.compile(rf"(?:{LOCAL_UNIT}|tỉnh|thành phố|sở|ban|ngành|đoàn thể|đơn vị|chi bộ"
                       r"|đảng bộ|cơ quan|doanh nghiệp|trường học|trường)(?!\S)")
LIST_NOUN_END = re.compile(rf"(?<!\S){LIST_NOUN.pattern}$")  # "đảng ủy xã, phường": the list's first item ends in one
AT_LEAST = re.compile(r"\s+trở lên")
# members counted by an office written with its capital, as a title is: "68 Ủy viên Ban Chấp hành", "25 Bí thư chi bộ"
CAPITAL_UNIT = re.compile(r"(?:Ủy viên|Uỷ viên|Bí thư|Đại biểu)(?!\w)")
_TOKEN = re.compile(r"\s*([^\s,;.:()“”\"!?%]+|,|[;.:()“”\"!?%])")
_WORDS = [re.compile(r"\s*,?\s*" + r"\s+".join([r"\S+"] * n)) for n in range(1, 12)]


def _word_end(text: str, start: int, n: int) -> int:
    """Offset just after the n-th word following the comma at or after `start`."""
    m = _WORDS[n - 1].match(text, start)
    return m.end() if m else start


def unit_after(text: str, pos: int, max_words: int = 10) -> tuple[str, int]:
    """Noun phrase after a number: `quận, huyện, thị xã`, `đơn vị sở, ban, ngành, đảng bộ trực thuộc`.

    A comma continues the phrase only as a list of short nouns: middle items of at most two words, a last item of
    at most four that ends the clause. "2 cấp, kiểm soát kế hoạch, tiến độ" stops at "cấp".
    """
    segments: list[list[str]] = [[]]
    ends: list[int] = [pos]
    closed_by = "end"
    for w in _TOKEN.finditer(text, pos, min(len(text), pos + 200)):
        token = w.group(1)
        if token == ",":
            segments.append([])
            ends.append(ends[-1])
            continue
        first = not segments[0]
        stop = token.lower() in UNIT_STOP and not STOP_NOUNS.match(text, w.start(1))
        if (stop or not token[0].isalpha()
                or not (token[0].islower() or token in SUBJECT_ABBREVIATIONS or first and CAPITAL_UNIT.match(text, w.start(1)))
                or sum(map(len, segments)) >= max_words):
            # a capitalised word after the phrase is an object ("145 hồ sơ, trình Ban …"): the last comma item
            # was a verb, not a noun
            # and so is one followed by a number ("21 văn bản, tổ chức 4 hội nghị")
            closed_by = (("stop" if stop else "name") if token[0].isalpha()
                         else "name" if token[0].isdigit() else "punct")
            break
        if first and not segments[-1] and len(segments) > 1:
            break
        segments[-1].append(token)
        ends[-1] = w.end()
    else:
        closed_by = "end"
    while len(segments) > 1 and not segments[-1]:
        segments.pop()
        ends.pop()
    # a measure's unit is no list: "2,9 km2, dân số 45.000 người" ends at "km2"
    if segments[0] and segments[0][0] in MEASURE_UNITS:
        return " ".join(segments[0]), ends[0]
    keep = 1
    for i in range(1, len(segments)):
        last = i == len(segments) - 1
        limit = (0 if closed_by == "name" else 4) if last else 2
        if any(len(seg) > 2 for seg in segments[1:i]):
            break
        if len(segments[i]) > limit:
            # "xã, phường, thị trấn tổ chức hội nghị": a list of administrative units ends at the last unit noun
            # (a list of them: "80 đảng viên, huyện Mê Linh 60 …" is no unit "đảng viên, huyện")
            head = LIST_NOUN.match(" ".join(segments[i]))
            if last and head and LIST_NOUN_END.search(" ".join(segments[0])):
                n = len(head.group(0).split())
                segments[i] = segments[i][:n]
                ends[i] = _word_end(text, ends[i - 1], n)
                keep = i + 1
            break
        keep = i + 1
    unit = ", ".join(" ".join(seg) for seg in segments[:keep] if seg)
    return unit, ends[keep - 1]




# the share a bracketed ratio stands after, with what it counts between them when the text names it there
BRACKETED_AFTER = re.compile(r"%\s*(?:\s(?P<what>[^()%\d;]{1,40}?))?\s*\($")
FORM_BEFORE = re.compile(rf"{FORM}\s*(?:\(|với|chiếm|là)\s*$", re.I)


@rule(60)
def ratios(ctx: Sentence) -> None:
    low = ctx.s.lower()
    if "/" not in ctx.s and "trên" not in low and "trong số" not in low and "trong tổng" not in low:  # (cheap)
        return
    for m in (*RATIO.finditer(ctx.s), *RATIO_WORDS.finditer(ctx.s)):
        if not ctx.free(m.start(), m.end()):
            continue
        # "chủ yếu là khiển trách (15/30 trường hợp)": a form's share of those disciplined, not a ratio of its own
        if FORM_BEFORE.search(ctx.s, max(0, m.start() - 30), m.start()):
            ctx.claim(m.start(), m.end())
            continue
        unit, uend = (m["unit"], m.end()) if m.groupdict().get("unit") else unit_after(ctx.s, m.end())
        if not unit and ctx.s.startswith(")", m.end()):
            # "100% chi bộ (312/312)", "100% quận, huyện, thị xã (30/30)": the ratio in brackets counts what the
            # phrase before it names — or, right after the share, what follows the brackets ("100% (30/30) quận, …")
            head = BRACKETED_AFTER.search(ctx.s, max(0, m.start() - 60), m.start())
            if head and head["what"]:
                unit, uend = head["what"].strip(), m.end()
            elif head:
                unit, uend = unit_after(ctx.s, m.end() + 1)[0], m.end()
        # a ratio counts things: "30/30 quận, huyện"; "14/TT" or a bare "13/7" is not one
        a, b = parse_number(m["a"]), parse_number(m["b"])
        if not unit or b == 0:
            continue
        ctx.emit("ratio", m.start(), uend, a, denominator=b, unit=unit)


_SUBJECT_HEAD = re.compile(rf"\s*(?:đạt|là|chiếm|ở mức|bằng|khoảng|hơn|gần|trên|{QUALIFIER})?\s*$", re.I)


def _subject_before(sent: str, pos: int) -> str | None:
    head = re.split(r"[,;:(]", sent[max(0, pos - 120):pos])[-1]
    head = _SUBJECT_HEAD.sub("", head.strip())
    words = head.split()
    # (a long clause gives its last words, from the head of the measure when it is near: "tỷ lệ chi bộ hoàn thành
    # tốt nhiệm vụ", not "lệ chi bộ …")
    if len(words) > 8:
        heads = [i for i in range(max(0, len(words) - 12), len(words) - 3) if words[i].lower() in ("tỷ", "số")]
        return " ".join(words[heads[0]:] if heads else words[-8:])
    return " ".join(words) or None


def _subject_after(sent: str, pos: int) -> str | None:
    """"95% chi bộ được xếp loại …" opening its sentence: the share is of what follows it, up to the clause's end."""
    words = re.split(r"[,;:().]", sent[pos:pos + 120])[0].split()
    return " ".join(words[:12]) or None


DECIMAL_POINT = re.compile(r"\d{1,3}\.\d{1,2}")


# "đạt 115% chỉ tiêu", "bằng 104,2% dự toán", "(đạt 104% kế hoạch)": a share of a target, which may pass 100
TARGET_AFTER = re.compile(r"\s+(?:so với\s+)?(?P<base>kế hoạch|chỉ tiêu|dự toán|mục tiêu|cùng kỳ|định mức)(?!\w)", re.I)


@rule(70)
def percents(ctx: Sentence) -> None:
    if "%" not in ctx.s and "phần trăm" not in ctx.s:
        return
    for m in PERCENT.finditer(ctx.s):
        if not ctx.free(m.start("n"), m.end("n")):
            continue
        lo = parse_number(m["n"].replace(".", ",") if DECIMAL_POINT.fullmatch(m["n"]) else m["n"])
        rng = (lo, parse_number(m["n_hi"])) if m["n_hi"] else None
        target = TARGET_AFTER.match(ctx.s, m.end())
        ctx.emit("percent", m.start(), m.end(), None if rng else lo, unit="%",
                 subject=_subject_before(ctx.s, m.start()) or _subject_after(ctx.s, m.end()),
                 qualifier=qualifier_of(m["q"], m["after"]), range=rng,
                 base=target["base"].lower() if target else None)


MONEY_ABBREVIATED = re.compile(r"\d[\d.,]*\s*(?:(?:tỷ|triệu|tr\.?)\s*)?(?:đ(?![\w/])|VNĐ|VND)", re.I)


@rule(80)
def money(ctx: Sentence) -> None:
    if "đồng" not in ctx.s.lower() and not MONEY_ABBREVIATED.search(ctx.s):
        return
    for m in MONEY.finditer(ctx.s):
        if not ctx.free(m.start("n"), m.end("n")):
            continue
        try:
            value = parse_number(m["n"]) * SCALE[(m["scale"] or "").lower() or None]
            if m["n2"] and m["scale"] and SCALE[m["scale2"].lower()] < SCALE[m["scale"].lower()]:
                value += int(m["n2"]) * SCALE[m["scale2"].lower()]
        except ValueError:
            continue
        ctx.emit("money", m.start(), m.end(), int(value) if float(value).is_integer() else value, unit="đồng",
                 qualifier=qualifier_of(m["q"]))



# "Ủy ban Kiểm tra đã họp 56 kỳ", "qua 5 kỳ họp": sessions held are a count, not a period
MEETINGS_BEFORE = re.compile(r"(?<!\w)họp\s+$", re.I)


def _sessions(s: str, start: int, rest: str) -> bool:
    return rest.startswith("kỳ") and (rest.startswith("kỳ họp") or MEETINGS_BEFORE.search(s, max(0, start - 6), start))


# "đưa ra khỏi Đảng 45 đảng viên (xóa tên 30, cho ra khỏi Đảng 15)": removals counted bare after their verb
REMOVAL_BARE = re.compile(r"(?<!\w)(?:xóa tên|cho ra khỏi đảng|đưa ra khỏi đảng)\s+(?P<n>\d{1,3}(?:\.\d{3})*)(?=\s*[,;)])", re.I)


# "mỗi chi bộ kết nạp 1-2 đảng viên", "từ 3 đến 5 chi bộ": a count between two numbers, no single value
RANGE_COUNT = re.compile(r"(?<![\w.,/-])(?:từ\s+)?(?P<lo>\d{1,3}(?:\.\d{3})*)(?:\s*[-–]\s*|\s+(?:đến|tới)\s+)"
                         r"(?P<hi>\d{1,3}(?:\.\d{3})*)(?![\d.,/%])(?=\s+[a-zà-ỹđ])", re.I)


@rule(90)
def counts(ctx: Sentence) -> None:
    if "khỏi" in ctx.s or "xóa" in ctx.s:
        for m in REMOVAL_BARE.finditer(ctx.s):
            if ctx.free(m.start("n"), m.end("n")):
                ctx.emit("count", m.start("n"), m.end("n"), count_of(m["n"]), unit="đảng viên")
    for m in RANGE_COUNT.finditer(ctx.s) if "-" in ctx.s or "–" in ctx.s or "đến" in ctx.s else ():
        lo, hi = count_of(m["lo"]), count_of(m["hi"])
        unit, uend = unit_after(ctx.s, m.end())
        # (a range rises from its first number: "tỷ số 2-1" is a score)
        if lo < hi and unit and not TIME_UNITS.match(unit) and ctx.free(m.start(), m.end()):
            ctx.emit("count", m.start(), uend, None, unit=unit, range=(lo, hi))
    for m in COUNT.finditer(ctx.s):
        if not ctx.free(m.start("n"), m.end("n")):
            continue
        rest = ctx.s[m.end():].lstrip()
        if TIME_UNITS.match(rest) and not _sessions(ctx.s, m.start(), rest):
            continue
        is_word = not m["n"][0].isdigit()
        # "một" before a noun is an article ("một thành viên"), never a statistic; "một số" is "some"
        if is_word and (m["n"].lower() == "một" or not WORD_COUNT_NOUNS.match(rest)):
            continue
        if m["n"].lower() == "năm" and YEAR_BEFORE.search(ctx.s, max(0, m.start() - 8), m.start()):
            continue
        unit, uend = unit_after(ctx.s, m.end())
        if not unit:
            continue
        at_least = AT_LEAST.match(ctx.s, uend)
        end = at_least.end() if at_least else uend
        try:
            value = count_of(m["n"])
        except ValueError:
            continue
        ctx.emit("count", m.start(), end, value, unit=unit, qualifier="trên" if at_least else qualifier_of(m["q"]))
