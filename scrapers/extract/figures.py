"""Typed figures from Vietnamese report text: discipline with breakdowns, inspections, ratios, percentages, counts…

Rules run sentence by sentence, most specific first; each claims the characters it used so a number is reported
once. Dates, years, terms and document numbers are masked before any rule runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scrapers.extract.dates import NOT_FIGURE, PERIOD, period_in
from scrapers.extract.documents import document_spans
from scrapers.extract.numbers import NUMBER, QUALIFIER, RANGE_DASH, parse_number, qualifier_of
from scrapers.text import is_furniture, matchable

FORMS = ("khiển trách", "cảnh cáo", "cách chức", "khai trừ", "giải tán")
FORM = r"(?:khiển trách|cảnh cáo|cách chức|khai trừ|giải tán)"
ORG_SUBJECT = r"(?:tổ chức (?:cơ sở )?đảng|tổ chức|chi bộ|đảng bộ|cấp ủy|ban thường vụ)"
MEMBER_SUBJECT = r"(?:cán bộ,\s*đảng viên|đảng viên|trường hợp|cán bộ|người|đồng chí)"
SUBJECT = rf"(?:{ORG_SUBJECT}|{MEMBER_SUBJECT})"
QNUM = rf"(?:(?P<q>{QUALIFIER})\s+)?(?P<n>{NUMBER})"

SUBJECT_COUNT = re.compile(rf"(?<![\w.,/]){QNUM}\s+(?P<subj>{SUBJECT})(?!\w)", re.I)
# "khiển trách: 7", "khiển trách 254 trường hợp" | "17 khiển trách", "2 trường hợp cảnh cáo", "3 bị khai trừ"
PAIR = re.compile(
    rf"(?P<f1>{FORM})\s*(?::|bằng)?\s*(?P<n1>{NUMBER})(?!\s*/)(?:\s+(?:{SUBJECT}))?"
    rf"|(?P<n2>{NUMBER})\s+(?:(?:{SUBJECT})\s+)?(?:bị\s+|bằng\s+)?(?:hình thức\s+)?(?P<f2>{FORM})",
    re.I,
)
TRIGGERS = [  # (kind, pattern) — the trigger nearest before a count decides its kind
    ("discipline", r"kỷ luật"),
    # "Ủy ban Kiểm tra" is the body, not the act; the act may carry "khi có dấu hiệu vi phạm"
    ("inspection", r"(?<!ban )kiểm tra(?: khi có dấu hiệu vi phạm)?"),
    ("supervision", r"giám sát"),
    ("violation_found", r"(?:phát hiện|kết luận)[^.;]*?vi phạm|có vi phạm|vi phạm"),
    ("complaints", r"đơn thư|tố cáo|khiếu nại|phản ánh, kiến nghị"),
    ("suspension", r"đình chỉ"),
]
TRIGGER = re.compile("|".join(f"(?P<{k}>{p})" for k, p in TRIGGERS), re.I)
COMMEND = re.compile(r"Bằng khen|Giấy khen|khen thưởng|tặng thưởng|biểu dương|tuyên dương|Huân chương|Huy hiệu", re.I)
COMMEND_UNIT = re.compile(rf"(?<![\w.,/]){QNUM}\s+(?P<unit>tập thể(?:,\s*cá nhân)?|cá nhân|đảng viên|đồng chí|tổ chức(?: đảng)?|đơn vị)(?!\w)", re.I)
RATIO = re.compile(r"(?<![\w/.,])(?P<a>\d{1,6})\s*/\s*(?P<b>\d{1,6})(?![\w/])")
PERCENT = re.compile(
    rf"(?<![\w.,/]){QNUM}(?:{RANGE_DASH}(?P<n_hi>{NUMBER}))?\s*%(?P<after>\s+trở lên)?"
)
CHANGE = re.compile(rf"(?P<dir>tăng|giảm)\s+(?:(?P<q>{QUALIFIER})\s+)?(?P<n>{NUMBER})(?P<pct>\s*%)?", re.I)
MONEY = re.compile(rf"(?<![\w.,/]){QNUM}\s+(?P<scale>nghìn tỷ|tỷ|triệu|nghìn|ngàn)?\s*đồng(?!\w)", re.I)
COUNT = re.compile(rf"(?<![\w.,/-]){QNUM}(?!\s*[%/])(?=\s+[a-zà-ỹđ])")
TIME_UNITS = re.compile(r"(?:tháng|năm|ngày|giờ|phút|tuần|quý|thế kỷ|lần|nhiệm kỳ|kỳ|khóa|khoá)\b")
WORD_COUNT_NOUNS = re.compile(
    rf"(?:{SUBJECT}|tập thể|cá nhân|đồng chí|đề tài|chuyên đề|đề án|chương trình|nhóm|thành viên|đơn vị|xã|phường"
    r"|quận|huyện|cuộc|vụ|đơn|đoàn|tổ|ban|lớp|buổi|đợt|hội nghị|nhiệm vụ|giải pháp|chỉ tiêu|kế hoạch|văn bản|lượt)\b",
    re.I)
UNIT_STOP = {
    "đã", "đang", "được", "và", "với", "có", "của", "trong", "thực", "hoàn", "đạt", "là", "để", "do", "tại", "theo",
    "cho", "trên", "so", "từ", "về", "bị", "sẽ", "nhằm", "gồm", "mà", "như", "nhưng", "hoặc", "hay", "khi", "đến",
    "tới", "vào", "ra", "lên", "này", "đó", "nói", "diễn", "trở", "số", "nhiệm", "giai", "cụ", "nhất", "mỗi",
    "hằng", "hàng", "ở", "dưới", "chiếm", "tham", "phải", "cần", "còn", "chưa", "không",
}
# Numbers that are names or readership, not report figures: diseases and strains (Covid-19, H5N1), ages,
# page views and shares, codes and house numbers.
# The leading lookahead lists every alternative's first character: re tries each alternative at every position
# otherwise, and this pattern runs over whole articles (3x faster).
NOT_COUNTED = re.compile(
    r"(?=[\d.cCsShHđĐtTlLbBmM])(?:"
    r"(?i:covid|sars-cov|h\d+n)-?\s?\d+"
    r"|(?i:độ tuổi|tuổi)\s+(?:từ\s+)?\d+(?:\s*(?:[-–]|đến|tới)\s*\d+)?(?:\s+tuổi)?"
    r"|\d+(?:\s*(?:[-–]|đến|tới)\s*\d+)?\s+(?:năm\s+)?tuổi"  # "30 tuổi Đảng" is a badge
    r"|[\d.]+\s+(?i:lượt)\s+(?:xem|đọc|truy cập|thích|chia sẻ|bình luận|like|share|view)"
    r"|(?i:lượt xem|lượt đọc|lượt truy cập|bình luận)\s*:?\s*[\d.]+"
    r"|(?i:mã số|số nhà|số điện thoại|hotline|đường dây nóng|số hiệu)\s*:?\s*[\d. ]*\d"
    r")"
)
SCALE = {"nghìn tỷ": 10**12, "tỷ": 10**9, "triệu": 10**6, "nghìn": 10**3, "ngàn": 10**3, None: 1}
SENTENCE_END = re.compile(r"(?<!\bTP)(?<!\bTp)(?<!\bThS)(?<!\bTS)(?<=[.!?…])\s+(?=[\"“(]?[A-ZĐÀ-Ỹ])|\n+")


def sentences(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for m in SENTENCE_END.finditer(text):
        if m.start() > start:
            yield start, text[start:m.start()]
        start = m.end()
    if start < len(text):
        yield start, text[start:]


LIST_NOUN = re.compile(r"(?:thị trấn|thị xã|xã|phường|quận|huyện|tỉnh|thành phố|sở|ban|ngành|đoàn thể|đơn vị|chi bộ"
                       r"|đảng bộ|cơ quan|doanh nghiệp|trường học|trường)(?!\S)")


def _word_end(text: str, start: int, n: int) -> int:
    """Offset just after the n-th word following the comma at or after `start`."""
    m = re.compile(r"\s*,?\s*" + r"\s+".join([r"\S+"] * n)).match(text, start)
    return m.end() if m else start


def unit_after(text: str, pos: int, max_words: int = 10) -> tuple[str, int]:
    """Noun phrase after a number: `quận, huyện, thị xã`, `đơn vị sở, ban, ngành, đảng bộ trực thuộc`.

    A comma continues the phrase only as a list of short nouns: middle items of at most two words, a last item of
    at most four that ends the clause. "2 cấp, kiểm soát kế hoạch, tiến độ" stops at "cấp".
    """
    segments: list[list[str]] = [[]]
    ends: list[int] = [pos]
    closed_by = "end"
    for w in re.finditer(r"\s*([^\s,;.:()“”\"!?%]+|,|[;.:()“”\"!?%])", text[pos:]):
        token = w.group(1)
        if token == ",":
            segments.append([])
            ends.append(ends[-1])
            continue
        first = not segments[0]
        if (token.lower() in UNIT_STOP or not token[0].isalpha() or not token[0].islower()
                or sum(map(len, segments)) >= max_words):
            closed_by = "stop" if token[0].isalpha() and token.lower() in UNIT_STOP else "punct"
            break
        if first and not segments[-1] and len(segments) > 1:
            break
        segments[-1].append(token)
        ends[-1] = pos + w.end()
    else:
        closed_by = "end"
    # drop a trailing empty segment left by a comma that nothing followed
    while len(segments) > 1 and not segments[-1]:
        segments.pop()
        ends.pop()
    keep = 1
    for i in range(1, len(segments)):
        last = i == len(segments) - 1
        limit = 4 if last and closed_by in ("stop", "punct", "end") else 2
        if any(len(seg) > 2 for seg in segments[1:i]):
            break
        if len(segments[i]) > limit:
            # "xã, phường, thị trấn tổ chức hội nghị": a list of administrative units ends at the last unit noun
            head = LIST_NOUN.match(" ".join(segments[i]))
            if last and head:
                n = len(head.group(0).split())
                segments[i] = segments[i][:n]
                ends[i] = _word_end(text, ends[i - 1], n)
                keep = i + 1
            break
        keep = i + 1
    unit = ", ".join(" ".join(seg) for seg in segments[:keep] if seg)
    return unit, ends[keep - 1]


def _figure(kind: str, text: str, start: int, end: int, value, *, unit=None, subject=None, period=None,
            qualifier=None, denominator=None, breakdown=None, breakdown_complete=None, rng=None) -> dict:
    return {"type": "figure", "kind": kind, "value": value, "denominator": denominator, "breakdown": breakdown,
            "breakdown_complete": breakdown_complete, "qualifier": qualifier, "range": rng, "unit": unit,
            "subject": subject, "period": period, "quote": text[start:end], "start": start, "end": end}


class _Claims:
    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = list(spans)

    def free(self, start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in self.spans)

    def take(self, start: int, end: int) -> None:
        self.spans.append((start, end))


def _breakdown(segment: str) -> tuple[dict[str, int], int]:
    """Forms and counts in a breakdown clause; returns (breakdown, end offset of the last pair)."""
    found: dict[str, int] = {}
    last = 0
    for m in PAIR.finditer(segment):
        form = (m["f1"] or m["f2"]).lower()
        try:
            n = parse_number(m["n1"] or m["n2"])
        except ValueError:
            continue
        found[form] = found.get(form, 0) + int(n)
        last = m.end()
    return found, last


def _discipline_subject(subj: str, segment_before: str) -> tuple[str, str]:
    subj_l = subj.lower()
    if re.fullmatch(ORG_SUBJECT, subj_l, re.I):
        return "discipline_party_orgs", "tổ chức đảng"
    return "discipline_party_members", "đảng viên"


def extract_figures(text: str) -> list[dict]:
    folded = matchable(text)  # same length as text: offsets stay valid
    masked = [(m.start(), m.end()) for m in NOT_FIGURE.finditer(folded)]
    masked += [(m.start("period"), m.end("period")) for m in PERIOD.finditer(folded)]
    masked += document_spans(folded)
    masked += [(m.start(), m.end()) for m in NOT_COUNTED.finditer(folded)]
    # furniture lines in plain-text input ("• 0 bình luận", "0:00 / 0:00") carry no figures
    for line in re.finditer(r"[^\n]+", folded):
        if is_furniture(line.group(0).strip(" •\t")):
            masked.append((line.start(), line.end()))
    claims = _Claims(masked)
    figures: list[dict] = []
    sent_list = list(sentences(folded))
    for idx, (base, sent) in enumerate(sent_list):
        period = period_in(sent)
        next_sent = sent_list[idx + 1] if idx + 1 < len(sent_list) else None
        figures += _discipline_and_checks(text, folded, base, sent, period, next_sent, claims)
        figures += _complaints(text, base, sent, period, claims)
        figures += _commendations(text, base, sent, period, claims)
        figures += _ratios(text, base, sent, period, claims)
        figures += _changes(text, base, sent, period, claims)
        figures += _percents(text, base, sent, period, claims)
        figures += _money(text, base, sent, period, claims)
        figures += _counts(text, base, sent, period, claims)
    return sorted(figures, key=lambda f: f["start"])


def _discipline_and_checks(text, folded, base, sent, period, next_sent, claims) -> list[dict]:
    out = []
    triggers = [(m.start(), m.lastgroup) for m in TRIGGER.finditer(sent)]
    if not triggers:
        return out
    for m in SUBJECT_COUNT.finditer(sent):
        s, e = base + m.start(), base + m.end()
        if not claims.free(base + m.start("n"), base + m.end("n")):
            continue
        before = [k for pos, k in triggers if pos < m.start()]
        after_text = sent[m.end():m.end() + 30].lower()
        kind = before[-1] if before else None
        # "14 đảng viên bị kỷ luật": the act follows its count
        passive = re.match(r"\s*(?:bị|phải)\s+(?:xử lý\s+|xem xét,?\s+|thi hành\s+)*kỷ luật", sent[m.end():], re.I)
        if passive:
            kind = "discipline"
        if re.match(r"\s*(?:có\s+)?vi phạm", after_text) and kind != "discipline":
            kind = "violation_found"
        if kind is None:
            continue
        # "giảm 86 trường hợp so với cùng kỳ" is a change, handled by its own rule
        if re.search(rf"(?:tăng|giảm)\s+(?:{QUALIFIER}\s+)?$", sent[:m.start()], re.I):
            continue
        try:
            value = parse_number(m["n"])
        except ValueError:
            continue
        subj = m["subj"]
        qualifier = qualifier_of(m["q"])
        if kind == "discipline":
            fig_kind, subject = _discipline_subject(subj, sent[:m.start()])
            # a form right before the count ("khiển trách 3 đảng viên") is a one-form breakdown
            lead = re.search(rf"({FORM})\s*$", sent[:m.start()], re.I)
            end = m.end()
            rest = sent[m.end():]
            # "khiển trách 254 trường hợp, cảnh cáo 61 trường hợp": a list of forms with no total
            if lead and (re.match(rf"\s*[,;]\s*(?:và\s+)?(?:{PAIR.pattern})", rest, re.I)
                         or re.search(rf"(?:{PAIR.pattern})\s*[,;]\s*(?:và\s+)?$", sent[:lead.start()], re.I)):
                continue
            breakdown: dict[str, int] = {}
            shift = passive.end() if passive else 0
            rest = sent[m.end() + shift:]
            paren = re.match(r"\s*\(([^()]*)\)", rest)
            clause = re.match(r"\s*(?:[,;:]\s*)?(?:trong đó|gồm|cụ thể|với)?\s*(?:(?:với|bằng)?\s*(?:các\s+)?hình thức)?"
                              r"\s*:?\s*", rest, re.I)
            # "kỷ luật 3 chi bộ bằng hình thức khiển trách": one form for the whole total
            single = re.match(rf"\s*(?:bằng|với)\s+(?:hình thức\s+)?({FORM})(?![\s:]*{NUMBER})", rest, re.I)
            if single and not lead:
                breakdown = {single.group(1).lower(): int(value)}
                end = m.end() + shift + single.end()
            elif lead:
                breakdown = {lead.group(1).lower(): int(value)}
                s = base + lead.start(1)
            elif paren:
                breakdown, _ = _breakdown(paren.group(1))
                end = m.end() + shift + paren.end()
            elif clause:
                # the clause ends at the next total ("và 359 đảng viên"), not at a pair's own "61 trường hợp"
                pair_spans = [(p.start(), p.end()) for p in PAIR.finditer(rest)]
                stop = next((c for c in SUBJECT_COUNT.finditer(rest, clause.end())
                             if not any(a <= c.start() < b for a, b in pair_spans)), None)
                segment = rest[clause.end(): stop.start() if stop else len(rest)]
                # the clause must start with a breakdown pair, otherwise it is not about this total
                pair = PAIR.match(segment)
                if pair:
                    breakdown, last = _breakdown(segment)
                    end = m.end() + shift + clause.end() + last
            e = base + end
            if not breakdown and next_sent is not None:
                nbase, nsent = next_sent
                if re.match(r"\s*(?:Trong đó|Cụ thể|Gồm|Về hình thức)", nsent, re.I) and not SUBJECT_COUNT.search(
                    re.sub(rf"{NUMBER}\s+trường hợp", "", nsent, flags=re.I)
                ):
                    breakdown, last = _breakdown(nsent)
                    if breakdown:
                        e = nbase + last
                        claims.take(nbase, nbase + last)
            claims.take(s, e)
            total_forms = sum(breakdown.values())
            out.append(_figure(
                fig_kind, text, s, e, value, unit=subject, subject=subject, period=period, qualifier=qualifier,
                breakdown=breakdown or None,
                breakdown_complete=(total_forms == value) if breakdown else None,
            ))
        else:
            claims.take(s, e)
            unit = subj.lower()
            subject = None
            if kind == "inspection" and re.search(r"khi có dấu hiệu vi phạm", sent, re.I):
                subject = "khi có dấu hiệu vi phạm"
            out.append(_figure(kind, text, s, e, value, unit=unit, subject=subject, period=period, qualifier=qualifier))
    # forms with no total in a discipline sentence: "kỷ luật khiển trách 254 trường hợp, cảnh cáo 61 trường hợp"
    if any(k == "discipline" for _, k in triggers):
        pairs = [p for p in PAIR.finditer(sent) if claims.free(base + p.start(), base + p.end())]
        if pairs:
            s, e = base + pairs[0].start(), base + pairs[-1].end()
            breakdown, _ = _breakdown(sent[pairs[0].start():pairs[-1].end()])
            claims.take(s, e)
            kind = "discipline_party_orgs" if re.search(ORG_SUBJECT, sent[pairs[0].start():pairs[-1].end()], re.I) \
                and not re.search(r"đảng viên|trường hợp", sent, re.I) else "discipline_party_members"
            out.append(_figure(kind, text, s, e, None, unit=None, subject="đảng viên" if kind.endswith("members")
                               else "tổ chức đảng", period=period, breakdown=breakdown, breakdown_complete=False))
    return out


COMPLAINT_COUNT = re.compile(
    rf"(?<![\w.,/]){QNUM}\s+(?P<unit>(?:lá\s+)?đơn(?:\s+thư)?(?:\s+(?:tố cáo|khiếu nại|phản ánh|kiến nghị)"
    rf"(?:,\s*(?:tố cáo|khiếu nại|phản ánh|kiến nghị))*)?|vụ việc|lượt công dân)(?!\w)", re.I)


def _complaints(text, base, sent, period, claims) -> list[dict]:
    if not re.search(r"đơn|tố cáo|khiếu nại|phản ánh|kiến nghị|tiếp công dân", sent, re.I):
        return []
    out = []
    for m in COMPLAINT_COUNT.finditer(sent):
        s, e = base + m.start(), base + m.end()
        if not claims.free(base + m.start("n"), base + m.end("n")):
            continue
        claims.take(s, e)
        out.append(_figure("complaints", text, s, e, parse_number(m["n"]), unit=re.sub(r"\s+", " ", m["unit"]).lower(),
                           period=period, qualifier=qualifier_of(m["q"])))
    return out


def _commendations(text, base, sent, period, claims) -> list[dict]:
    if not COMMEND.search(sent):
        return []
    out = []
    for m in COMMEND_UNIT.finditer(sent):
        s, e = base + m.start(), base + m.end()
        if not claims.free(base + m.start("n"), base + m.end("n")):
            continue
        claims.take(s, e)
        out.append(_figure("commendation", text, s, e, parse_number(m["n"]), unit=m["unit"].lower(),
                           period=period, qualifier=qualifier_of(m["q"])))
    return out


def _ratios(text, base, sent, period, claims) -> list[dict]:
    out = []
    for m in RATIO.finditer(sent):
        s = base + m.start()
        if not claims.free(s, base + m.end()):
            continue
        unit, uend = unit_after(sent, m.end())
        # a ratio counts things: "30/30 quận, huyện"; "14/TT" or a bare "13/7" is not one
        if not unit:
            continue
        a, b = int(m["a"]), int(m["b"])
        if b == 0:
            continue
        e = base + uend
        claims.take(s, e)
        out.append(_figure("ratio", text, s, e, a, denominator=b, unit=unit, period=period))
    return out


def _percents(text, base, sent, period, claims) -> list[dict]:
    out = []
    for m in PERCENT.finditer(sent):
        s, e = base + m.start(), base + m.end()
        if not claims.free(base + m.start("n"), base + m.end("n")):
            continue
        claims.take(s, e)
        lo = parse_number(m["n"])
        rng = [lo, parse_number(m["n_hi"])] if m["n_hi"] else None
        subject = _subject_before(sent, m.start())
        out.append(_figure("percent", text, s, e, None if rng else lo, unit="%", subject=subject, period=period,
                           qualifier=qualifier_of(m["q"], m["after"]), rng=rng))
    return out


def _subject_before(sent: str, pos: int) -> str | None:
    head = re.split(r"[,;:(]", sent[:pos])[-1]
    head = re.sub(rf"\s*(?:đạt|là|chiếm|ở mức|bằng|khoảng|hơn|gần|trên|{QUALIFIER})?\s*$", "", head.strip(), flags=re.I)
    words = head.split()
    return " ".join(words[-8:]) or None


def _changes(text, base, sent, period, claims) -> list[dict]:
    out = []
    for m in CHANGE.finditer(sent):
        if not claims.free(base + m.start("n"), base + m.end("n")):
            continue
        rest = sent[m.end():]
        # a change needs a base to compare against, in the same clause
        against = re.match(r"[^.;]*?(so với [^,.;]+)", rest)
        if not against:
            continue
        unit, _ = ("%", 0) if m["pct"] else unit_after(sent, m.end())
        e = base + m.end() + against.end()
        s = base + m.start()
        claims.take(s, e)
        value = parse_number(m["n"])
        out.append(_figure("change", text, s, e, -value if m["dir"].lower() == "giảm" else value, unit=unit or None,
                           subject=against.group(1).strip(), period=period, qualifier=qualifier_of(m["q"])))
    return out


def _money(text, base, sent, period, claims) -> list[dict]:
    out = []
    for m in MONEY.finditer(sent):
        s, e = base + m.start(), base + m.end()
        if not claims.free(base + m.start("n"), base + m.end("n")):
            continue
        claims.take(s, e)
        value = parse_number(m["n"]) * SCALE[(m["scale"] or "").lower() or None]
        out.append(_figure("money", text, s, e, int(value) if float(value).is_integer() else value, unit="đồng",
                           period=period, qualifier=qualifier_of(m["q"])))
    return out


def _counts(text, base, sent, period, claims) -> list[dict]:
    out = []
    for m in COUNT.finditer(sent):
        ns, ne = base + m.start("n"), base + m.end("n")
        if not claims.free(ns, ne):
            continue
        rest = sent[m.end():].lstrip()
        if TIME_UNITS.match(rest):
            continue
        is_word = not m["n"][0].isdigit()
        if is_word and not WORD_COUNT_NOUNS.match(rest):
            continue
        if is_word and re.match(r"một\s+(?:số|vài|loạt|cách|phần)\b", m.group(0), re.I):
            continue
        unit, uend = unit_after(sent, m.end())
        if not unit:
            continue
        s, e = base + m.start(), base + uend
        # "từ 4.000 đảng viên trở lên": at least
        at_least = re.match(r"\s+trở lên", sent[uend:])
        if at_least:
            e += at_least.end()
        claims.take(s, e)
        try:
            value = parse_number(m["n"])
        except ValueError:
            continue
        qualifier = "trên" if at_least else qualifier_of(m["q"])
        out.append(_figure("count", text, s, e, value, unit=unit, period=period, qualifier=qualifier))
    return out
