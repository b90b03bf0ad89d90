"""Discipline breakdowns: after a total is found, each strategy tries to read its forms; the first that finds any
wins. A breakdown is a dict {form: count} plus the spans it used (claimed so no part becomes a figure of its own)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrapers.extract.dates import PERIOD_TAIL
from scrapers.extract.numbers import NUMBER, parse_number
from scrapers.extract.patterns import (
    BULLET,
    COMRADE,
    COUNTS_IN_ORDER,
    FORM,
    INCLUDES,
    ORG_SUBJECT,
    PAIR,
    PARTS_MARK,
    QNUM,
    SUBJECT,
    SUBJECT_COUNT,
    SUBJECT_WORD,
    WITHIN_MARK,
)
from scrapers.extract.scope import PHRASE_CHAR
from scrapers.extract.sentence import Sentence


@dataclass
class Breakdown:
    forms: dict[str, int]
    spans: list[tuple[int, int]]  # absolute offsets of what it read
    end: int  # absolute offset where the total's quote may end (same sentence) or -1
    listed: bool = False  # the forms of a list of counts with no total: the figure's value is none of them


def pairs_in(segment: str, offset: int) -> tuple[dict[str, int], list[tuple[int, int]]]:
    found: dict[str, int] = {}
    spans = []
    for m in PAIR.finditer(segment):
        form = (m["f1"] or m["f2"]).lower()
        try:
            n = parse_number(m["n1"] or m["n2"])
        except ValueError:
            continue
        if not float(n).is_integer():
            continue
        found[form] = found.get(form, 0) + int(n)
        spans.append((offset + m.start(), offset + m.end()))
    return found, spans


MARKER = re.compile(
    # (a dash may set the forms after the total: "Kỷ luật 25 đảng viên - khiển trách 15 (60%), …")
    rf"(?:\s+(?:có\s+)?vi phạm)?(?:\s*[,;:.]\s*|[ \t]+[-–][ \t]+|\s*)(?:\(\s*)?(?P<mark>{PARTS_MARK}"
    r"|(?:bằng|với) (?:các )?hình thức(?: kỷ luật)?|với|về hình thức(?: kỷ luật)?"
    r"|hình thức)?\s*(?:[,:]\s*)?(?:có\s+)?", re.I)
# "… 3 chi bộ bằng hình thức khiển trách", "Số tổ chức đảng bị kỷ luật là 3, đều bằng hình thức khiển trách"
SINGLE = re.compile(rf"(?:\s+(?:khác|còn lại|nói trên|này))?"  # "… 6 đảng viên khác bằng hình thức khiển trách"
                    # (or an aside before the form: "kỷ luật 4 đảng viên — nhiều nhất từ trước đến nay — bằng hình thức
                    # cảnh cáo")
                    r"(?:(?:\s+[–—-]\s+[^–—;.:()\d\n]{2,60}?\s+[–—-]|\s*,\s*[^,;.:()\d\n]{2,60}?,)(?=\s*(?:bằng|với|bị)\s))?"
                    # (or who they are, or what they violated: "2 đảng viên là cán bộ diện Ban Thường vụ Thành ủy quản
                    # lý bằng hình thức cảnh cáo", "3 đảng viên vi phạm chính sách dân số bằng hình thức khiển trách")
                    r"(?:\s+(?:là|có vi phạm|vi phạm)\s+[^,;.()\d]{3,60}?(?=\s+(?:bằng|với)\s+hình thức\s))?"
                    # (or what kind of body they are, then ", hình thức: …": "2 chi bộ doanh nghiệp ngoài nhà nước, hình
                    # thức: khiển trách")
                    r"(?:\s+[^,;.()\d]{3,60}?(?=\s*,\s*hình thức\s*:))?"
                    # "… 2 tổ chức đảng (cùng bằng hình thức khiển trách)": the one form may sit in brackets
                    rf"(?:\s*,\s*(?:đều|cùng)\s+|\s*,\s*(?=hình thức\s*:)|\s*(?P<open>\()\s*(?:(?:đều|cùng)\s+)?|\s*)"
                    r"(?:(?:bằng|với|bị)\s+)?"
                    # (not a list's first form with its count, "với hình thức khiển trách (24), khai trừ (4)")
                    rf"(?:hình thức\s*:?\s+)?(?:kỷ luật\s+)?(?P<form>{FORM})(?![\s:]*{NUMBER})(?!\s*\(\s*\d)(?(open)\s*\))", re.I)
BRACKETS = re.compile(r"\s*\(([^()]*)\)")
# a sentence that opens on a form and its count ("Khiển trách thì có 9 trường hợp, …") is a marker of its own
# ("Các hình thức kỷ luật gồm …": the forms' own heading, with its article)
_MARKER_WORDS = r"Trong (?:số )?đó|Cụ thể|Gồm|Về hình thức|(?:(?:Các|Những)\s+)?Hình thức"
MARKER_WORD = re.compile(rf"\s*(?:{BULLET}\s*)?[\"“(]?(?:{_MARKER_WORDS})", re.I)
NEXT_MARKER = re.compile(rf"\s*(?:{BULLET}\s*)?[\"“(]?(?:{_MARKER_WORDS}|{FORM}(?=(?:\s*(?::|thì|là|có))*\s*\d))", re.I)


# "kỷ luật 2 tổ chức đảng bằng hình thức khiển trách, 1 tổ chức đảng bằng hình thức cảnh cáo": counts each with its
# form, comma-joined, are a list of forms with no total, as "khiển trách 2 tổ chức đảng, cảnh cáo 1 …" is (two
# joined by "và" alone stay two statements)
SINGLE_MORE = re.compile(rf"\s*(?P<join>[,;]\s*(?:và\s+)?|\s+và\s+)(?P<n>{NUMBER})\s+(?P<subj>{SUBJECT})(?:\s+[^\W\d]+){{0,2}}?\s+"
                         rf"(?:bằng|với|bị)\s+(?:hình thức\s+)?(?:kỷ luật\s+)?(?P<form>{FORM})(?![\s:]*{NUMBER})", re.I)
UNIT_BEFORE = re.compile(rf"(?<!\w)(?P<subj>{SUBJECT})(?:\s+(?:khác|còn lại|nói trên|này))?\s*$", re.I)


def single_form(ctx: Sentence, after: int, value) -> Breakdown | None:
    """"kỷ luật 3 chi bộ bằng hình thức khiển trách": one form for the whole total."""
    m = SINGLE.match(ctx.s, after)
    if not m or value is None:
        return None
    forms, spans, end = {m["form"].lower(): int(value)}, [], m.end()
    unit = UNIT_BEFORE.search(ctx.s, max(0, after - 40), after)
    org = unit is not None and bool(re.fullmatch(ORG_SUBJECT, unit["subj"], re.I))
    while unit and (more := SINGLE_MORE.match(ctx.s, end)):
        if not spans and "," not in more["join"] and ";" not in more["join"] \
                or bool(re.fullmatch(ORG_SUBJECT, more["subj"], re.I)) != org \
                or not float(parse_number(more["n"])).is_integer():
            break
        form = more["form"].lower()
        forms[form] = forms.get(form, 0) + int(parse_number(more["n"]))
        spans.append((ctx.base + more.start("n"), ctx.base + more.end()))
        end = more.end()
    return Breakdown(forms, spans, ctx.base + end, listed=bool(spans))


def bracketed(ctx: Sentence, after: int, _value) -> Breakdown | None:
    """"(khiển trách 6, cảnh cáo 1, giải tán 1)" right after the total."""
    m = BRACKETS.match(ctx.s, after)
    if not m:
        return None
    forms, spans = pairs_in(m.group(1), ctx.base + m.start(1))
    return Breakdown(forms, spans, ctx.base + m.end()) if forms else None


# "… 9 đảng viên với 6 khiển trách, 3 cảnh cáo; kỷ luật 1 chi bộ bằng hình thức khiển trách": an act after the
# forms starts a statement of its own, even when its count reads as a form's ("kỷ luật cách chức 1" is a form)
NEXT_ACT = re.compile(rf"[,;]\s*(?:và\s+)?(?:đã\s+)?(?:thi hành\s+)?(?:kỷ luật|kiểm tra|giám sát|kết luận|phát hiện|khen"
                      rf"|đình chỉ|xử lý)(?!\w)(?!\s+(?:(?:bằng\s+)?hình thức\s+)?{FORM})", re.I)


INNER_GROUP = re.compile(rf"\s*\(\s*(?:{WITHIN_MARK}|{INCLUDES})[^()]{{1,60}}\)", re.I)


def clause(ctx: Sentence, after: int, _value) -> Breakdown | None:
    """", gồm: khiển trách 22 (chiếm 55%), cảnh cáo 10 …", "; trong đó thi hành kỷ luật bằng hình thức khiển
    trách đối với 14 đảng viên", ": 12 khiển trách; 3 cảnh cáo và khai trừ 2 trường hợp". The clause ends at the
    next total ("và 359 đảng viên") that is not itself a pair's unit."""
    marker = MARKER.match(ctx.s, after)
    start = marker.end()
    rest = ctx.s[start:]
    # (a total of organisations may list one by its name: "3 tổ chức đảng: khiển trách Chi bộ Trường THCS Ngô Quyền,
    # cảnh cáo 1 chi bộ …" — one of them)
    named = list(NAMED_ORG.finditer(rest)) if TOTAL_IS_ORGS.search(ctx.s, 0, after) else []
    pairs = list(PAIR.finditer(rest))
    # (a pair counting the other subject is a total of its own: "kỷ luật 1 tổ chức đảng, 4 đảng viên bằng hình thức
    # cảnh cáo" — the list of this total's forms ends before it)
    unit = UNIT_BEFORE.search(ctx.s, max(0, after - 40), after)
    if unit is not None:
        org = bool(re.fullmatch(ORG_SUBJECT, unit["subj"], re.I))
        # ("trường hợp" counts either: "4 tổ chức đảng, gồm khiển trách 3 trường hợp, …")
        other = next((i for i, p in enumerate(pairs) if (said := SUBJECT_WORD.search(p.group(0)))
                      and not said.group(0).lower().startswith("trường hợp")
                      and bool(re.fullmatch(ORG_SUBJECT, said.group(0), re.I)) != org), None)
        if other is not None:
            rest, pairs = rest[:pairs[other].start()], pairs[:other]
    pair_spans = sorted([(p.start(), p.end()) for p in pairs] + [(n.start(), n.end()) for n in named
                                                                   if n.end() <= len(rest)])
    if not pair_spans:
        return None
    # "khiển trách 12 (trong đó 2 cấp ủy viên), cảnh cáo 4": a sub-group in a form's brackets does not end the list
    inner = [(b.start(), b.end()) for b in INNER_GROUP.finditer(rest) if any(e == b.start() for _, e in pair_spans)]
    stop = next((c.start() for c in SUBJECT_COUNT.finditer(rest)
                 if not any(a <= c.start() < b for a, b in pair_spans + inner)), len(rest))
    if act := NEXT_ACT.search(rest, 0, stop):
        stop = act.start()
    first = pair_spans[0][0]
    # the forms must come first in the clause, after a few words at most and no other number
    lead = rest[:first]
    if first >= stop or len(lead) > 60 or re.search(r"\d", lead) or (lead.strip() and not marker["mark"]):
        return None
    if re.search(r"[;.]", lead):
        return None
    forms, spans = pairs_in(rest[:stop], ctx.base + start)
    for n in (n for n in named if n.end() <= stop):
        forms[n["form"].lower()] = forms.get(n["form"].lower(), 0) + 1
        spans = sorted([*spans, (ctx.base + start + n.start(), ctx.base + start + n.end())])
    if not forms:
        return None
    return Breakdown(forms, spans, spans[-1][1])


NAMED_ORG = re.compile(rf"(?<!\w)(?P<form>{FORM})\s+(?-i:Chi bộ|Đảng bộ|Đảng ủy|Ban Thường vụ|Ban cán sự đảng|Đảng đoàn)"
                       r"\s+[^,;.()]{2,60}?(?=\s*(?:[,;.]|\s+và\s|$))", re.I)  # (its term may be named: "nhiệm kỳ 2020-2025")


# "… Khai trừ: 1. Tổng: 18": a total written after its forms
TOTAL_AFTER = re.compile(rf"[\s.;,]*(?:{BULLET}\s*)?(?:tổng(?:\s+cộng|\s+số)?|cộng)\s*:?\s*{QNUM}(?!\w)", re.I)


def _closed_by_another_total(ctx: Sentence, nsent: str, end: int, value) -> bool:
    """Whether the forms read in the next sentence end with a total of their own that is not `value` ("Hình thức
    kỷ luật: Khiển trách: 12 | … Khai trừ: 1. Tổng: 18" after a total of 102)."""
    said = TOTAL_AFTER.match(nsent, end)
    if said is None and not nsent[end:].strip(" .;") and len(ctx.following) > 1:
        said = TOTAL_AFTER.match(ctx.following[1][1])
    try:
        return said is not None and value is not None and parse_number(said["n"]) != value
    except ValueError:
        return False


LABELLED_FORMS = re.compile(rf"(?<!\w)(?P<subj>{SUBJECT})\s*[:,]?\s*(?={FORM}\s*:?\s*{NUMBER})", re.I)


def next_sentence(ctx: Sentence, after: int, value) -> Breakdown | None:
    """"… kỷ luật 45 đảng viên. Cụ thể: Khiển trách 19 đồng chí; Cảnh cáo 6 đồng chí …" (next sentence or
    paragraph, opened by a marker, with no other total in it)."""
    if not ctx.following or SUBJECT_COUNT.search(ctx.s, after):
        return None
    nbase, nsent = ctx.following[0]
    # (a table's rows are read by the table rules: "Khiển trách|7\nCảnh cáo|2" is no "7 cảnh cáo")
    if not NEXT_MARKER.match(nsent) or "|" in nsent and "\n" in nsent:
        return None
    forms, spans = pairs_in(nsent, nbase)
    # (forms that add up to more than the count are no breakdown of it: "… có 14 đồng chí là cấp ủy viên. Về hình
    # thức, khiển trách 35 trường hợp, …" are the forms of the total before the group)
    if not forms or value is not None and sum(forms.values()) > value:
        return None
    # "… 1.327 đảng viên và 12 tổ chức đảng. Cụ thể, khiển trách 806 đảng viên, …": forms that say whom they count
    # belong to the total of that subject
    orgs = bool(TOTAL_IS_ORGS.search(ctx.s, 0, after))
    said = [re.fullmatch(ORG_SUBJECT, u.group(0), re.I) is not None
            for p in PAIR.finditer(nsent) if (u := re.search(SUBJECT, p.group(0), re.I))]
    # (— or each subject labelling its own forms: "Về hình thức kỷ luật: tổ chức đảng khiển trách 3, cảnh cáo 1; đảng
    # viên khiển trách 61, …")
    said += [re.fullmatch(ORG_SUBJECT, m["subj"], re.I) is not None for m in LABELLED_FORMS.finditer(nsent)]
    if any(org != orgs for org in said):
        return None
    if _closed_by_another_total(ctx, nsent, spans[-1][1] - nbase, value):
        return None
    # (past a blank line, a paragraph that opens on a form and goes on after its count is a statement of its own —
    # a headline, "Khai trừ ra khỏi Đảng 3 cán bộ xã có sai phạm về đất đai" — unless a marker opens it)
    if "\n\n" in ctx.folded[ctx.base + len(ctx.s):nbase] and not MARKER_WORD.match(nsent) \
            and nsent[spans[-1][1] - nbase:].strip(" .;"):
        return None
    covered = [(a - nbase, b - nbase) for a, b in spans]
    for c in SUBJECT_COUNT.finditer(nsent):
        if not any(a <= c.start() < b for a, b in covered):
            return None
    if not all(ctx.claims.free(a, b) for a, b in spans):
        return None
    _lines_after(ctx, forms, spans, value)
    return Breakdown(forms, spans, -1)


FORM_LINE = re.compile(rf"\s*(?:{BULLET}\s*)?{FORM}", re.I)


def _lines_after(ctx: Sentence, forms: dict[str, int], spans: list[tuple[int, int]], value) -> None:
    """"… 7 đảng viên.\nKhiển trách: 4\nCảnh cáo: 2\nKhai trừ: 1": the forms set a line each, with no stops, go on
    from the first while each line is a form and its count alone and they fit in the total."""
    for nbase, nsent in ctx.following[1:]:
        more, more_spans = pairs_in(nsent, nbase)
        if "\n" not in ctx.folded[spans[-1][1]:nbase] or not FORM_LINE.match(nsent) or len(more) != 1 \
                or set(more) & set(forms) or nsent[more_spans[-1][1] - nbase:].strip(" .;") \
                or value is not None and sum(forms.values()) + sum(more.values()) > value \
                or not all(ctx.claims.free(a, b) for a, b in more_spans):
            return
        forms.update(more)
        spans += more_spans


# "… 4 đảng viên với hình thức cảnh cáo và khiển trách, lần lượt là 1 và 3 đồng chí": forms named first, their
# counts after "lần lượt (là)" in the same order
FORM_LIST = rf"(?P<forms>{FORM}(?:\s*(?:,|và)\s*{FORM})+)"
RESPECTIVELY = re.compile(
    rf"\s*,?\s*(?:(?:bằng|với)\s+)?(?:các\s+)?hình thức(?:\s+kỷ luật)?\s*:?\s*{FORM_LIST}\s*[,:(]?\s*"
    rf"(?:với số lượng\s+|tương ứng\s+|lần lượt\s+)(?:là\s+)?{COUNTS_IN_ORDER}"
    rf"(?:\s+(?:{COMRADE}|trường hợp|đảng viên|tổ chức(?: đảng)?|chi bộ))?\)?", re.I)


def respectively(ctx: Sentence, after: int, _value) -> Breakdown | None:
    m = RESPECTIVELY.match(ctx.s, after)
    if not m:
        return None
    forms = [f.lower() for f in re.findall(FORM, m["forms"], re.I)]
    try:
        counts = [parse_number(n) for n in re.findall(NUMBER, m["counts"], re.I)]
    except ValueError:
        return None
    if len(forms) != len(counts) or len(set(forms)) != len(forms) or any(not float(c).is_integer() for c in counts):
        return None
    return Breakdown(dict(zip(forms, map(int, counts), strict=True)), [(ctx.base + m.start("counts"),
                                                                        ctx.base + m.end("counts"))],
                     ctx.base + m.end())


# "Trong 15 đảng viên bị kỷ luật năm 2025 của Đảng bộ huyện …, khiển trách chiếm 60% (9 đảng viên), …": a sentence
# that opens on its total is about it, so the forms after its first comma are the total's whatever stands between
TOPIC_OPEN = re.compile(r"\s*[\"“]?\s*Trong\s+(?:tổng\s+)?(?:số\s+)?[\d.]+\s[^,;.]*$", re.I)


def topic(ctx: Sentence, after: int, value) -> Breakdown | None:
    if not TOPIC_OPEN.match(ctx.s[:after]):
        return None
    comma = ctx.s.find(",", after)
    if comma < 0 or re.search(r"[;.]", ctx.s[after:comma]):
        return None
    return clause(ctx, comma, value)


# "… 2 tổ chức đảng và 11 đảng viên (khiển trách 1 tổ chức đảng, 7 đảng viên; cảnh cáo 1 tổ chức đảng, 4 đảng
# viên)": one bracket after both totals, each form with the organisations' count and the members'
# (the passive verb after both, and where they are, may come before the bracket: "5 tổ chức đảng và 14 đảng viên ở
# huyện Thanh Trì bị kỷ luật (…)")
SHARED_BRACKET = re.compile(rf"(?P<next>(?:\s+và|\s*,)\s+{NUMBER}\s+{SUBJECT})?"
                            rf"(?:\s+(?:của|thuộc|ở|tại)\s+{PHRASE_CHAR}{{3,60}}?(?=\s+(?:đã\s+)?bị\s))?"
                            r"(?:\s+(?:đã\s+)?bị\s+(?:thi hành\s+|xử lý\s+)?kỷ luật)?"
                            r"\s*\((?P<items>[^()]+)\)", re.I)
SHARED_ITEM = re.compile(rf"\s*(?P<form>{FORM})\s+(?P<a>{NUMBER})\s+(?P<ua>{SUBJECT})\s*,\s*(?P<b>{NUMBER})\s+"
                         rf"(?P<ub>{SUBJECT})\s*", re.I)
TOTAL_IS_ORGS = re.compile(rf"(?:{ORG_SUBJECT})\s*$", re.I)


def shared_bracket(ctx: Sentence, after: int, _value) -> Breakdown | None:
    m = SHARED_BRACKET.match(ctx.s, after)
    if not m:
        return None
    items = [SHARED_ITEM.fullmatch(part) for part in m["items"].split(";")]
    if not items or None in items:
        return None
    orgs = bool(TOTAL_IS_ORGS.search(ctx.s, 0, after))
    forms: dict[str, int] = {}
    for item in items:
        column = next((c for c in ("a", "b") if bool(re.fullmatch(ORG_SUBJECT, item[f"u{c}"], re.I)) == orgs), None)
        if column is None:
            return None
        forms[item["form"].lower()] = forms.get(item["form"].lower(), 0) + int(parse_number(item[column]))
    if m["next"]:  # the first total: the bracket stays unclaimed for the second, which comes right before it
        return Breakdown(forms, [], -1)
    return Breakdown(forms, [(ctx.base + m.start(), ctx.base + m.end())], ctx.base + m.end())


# "… 1.032 đảng viên bị kỷ luật do tham nhũng, tiêu cực, trong đó 213 người bị khai trừ": the reason told between
# the total and its breakdown
REASON = re.compile(rf"\s+(?:do|vì|liên quan (?:đến|tới))\s+[^\d;.()]{{1,80}}?(?=\s*[,:]\s*{PARTS_MARK}\b)", re.I)


def after_reason(ctx: Sentence, after: int, value) -> Breakdown | None:
    reason = REASON.match(ctx.s, after)
    return clause(ctx, reason.end(), value) if reason else None


STRATEGIES = (shared_bracket, respectively, single_form, bracketed, clause, topic, next_sentence, after_reason)


# "…, cách chức 2 trường hợp, còn lại là khiển trách.": the last form is given without its count, the rest of the total
# (past the bracket a form's count was in: "khiển trách (6 trường hợp), còn lại là cảnh cáo")
REMAINDER = re.compile(rf"\s*\)?\s*[,;]\s*(?:và\s+)?(?:số\s+)?còn lại\s+(?:là\s+|đều\s+)?(?:bị\s+)?(?:(?:bằng\s+)?hình thức\s+)?"
                       # (one form only: "số còn lại bị khiển trách và cảnh cáo" does not say how many each)
                       rf"(?P<form>{FORM})(?![\s:]*(?:\(\s*)?{NUMBER})(?!\s*(?:,|và|hoặc)\s*{FORM})", re.I)


# "4 tổ chức đảng (3 chi bộ, 1 đảng ủy cơ sở), gồm khiển trách 3, giải tán 1": a bracket that sorts the total by
# kind, with no form in it, stands between the total and its forms
SORTING_BRACKET = re.compile(rf"\s*\((?![^()]*{FORM})[^()]*\)", re.I)


# "kỷ luật 7 đảng viên trong năm 2026, trong đó có 2 đảng viên bị khai trừ": the total's period before its forms
PERIOD_BETWEEN = re.compile(PERIOD_TAIL, re.I)


def read_breakdown(ctx: Sentence, after: int, value) -> Breakdown | None:
    for strategy in STRATEGIES:
        found = strategy(ctx, after, value)
        if found:
            return _with_remainder(ctx, found, value)
    between = SORTING_BRACKET.match(ctx.s, after) or PERIOD_BETWEEN.match(ctx.s, after)
    found = read_breakdown(ctx, between.end(), value) if between else None
    # (the total's quote stops before the bracket: its counts are the total's parts, figures of their own)
    return Breakdown(found.forms, found.spans, -1) if found else None


def _with_remainder(ctx: Sentence, found: Breakdown, value) -> Breakdown:
    """A form named after the list with no count of its own ("…, còn lại là khiển trách") takes what the listed
    forms leave of the total."""
    if value is None or not found.spans:
        return found
    last = max(found.spans[-1][1], found.end)  # after a closing bracket, when the forms were in one
    # (the forms may be the next sentence's: "… kỷ luật 15 đảng viên. Trong đó, khiển trách 10 đồng chí, số còn lại
    # bị cảnh cáo.")
    base, text = next(((b, t) for b, t in ctx.following if b <= last <= b + len(t)), (ctx.base, ctx.s)) \
        if last > ctx.base + len(ctx.s) else (ctx.base, ctx.s)
    rest = REMAINDER.match(text, last - base)
    left = int(value) - sum(found.forms.values())
    form = rest["form"].lower() if rest else None
    if not rest or left <= 0 or form in found.forms:
        return found
    return Breakdown({**found.forms, form: left}, [*found.spans, (base + rest.start(), base + rest.end())],
                     max(found.end, base + rest.end()))
