"""Changes against a base: "giảm 8,33% (giảm 3 đảng viên) so với cùng kỳ", "tăng 7,4% so với năm 2021". Each
number is its own change (percent and absolute), with its direction and the base it is compared with."""

from __future__ import annotations

import re

from scrapers.extract.numbers import NUMBER, QUALIFIER, parse_number, qualifier_of
from scrapers.extract.patterns import BASE, CHANGE, COMPARED, RESPECTIVELY
from scrapers.extract.rules import rule
from scrapers.extract.rules.generic import unit_after
from scrapers.extract.sentence import Sentence

# (the first end may say its unit: "(từ 20 đơn xuống 14 đơn)")
FROM_TO = re.compile(rf"[^()]{{0,40}}?(?:\(\s*từ\s+{NUMBER}(?:\s+[^\W\d]+){{0,3}}?|\s*từ\s+{NUMBER})\s+(?:xuống|lên)\s+(?:còn\s+)?{NUMBER}[^)]{{0,30}}\)?", re.I)


COORDINATED_CHANGE = re.compile(rf"\s*(?:,|và)\s*(?P<n>(?=\d){NUMBER})(?=\s+[a-zà-ỹđ])(?!\s+(?:năm|tháng|quý)\b)", re.I)
# "giảm 37 trường hợp, tương đương 8,2% so với cùng kỳ": the same change told again in another measure
EQUIVALENT = re.compile(rf"\s*[,(]?\s*(?:tương đương|tương ứng|tức(?: là)?)(?:\s+với)?\s+(?:mức\s+)?(?P<n>(?=\d){NUMBER})"
                        rf"(?P<pct>\s*%)?", re.I)
BASE_AFTER = re.compile(rf"\s+{BASE.pattern}", re.I)
# "giảm 10,2% (24 trường hợp) so với năm 2025", "tăng 5 đơn (8,3%)": the same change in another measure, bare in
# brackets
BRACKETED_SAME = re.compile(rf"\s*\(\s*(?P<n>(?=\d){NUMBER})(?P<pct>\s*%)?", re.I)
CLOSE = re.compile(r"\s*\)")
OWN_CLAUSE = re.compile(r"\s+(?:được|bị|đã|đang|phải)(?!\w)", re.I)
BASE_COUNT = re.compile(rf"(?:con số|mức|số|tổng số)?\s*(?P<n>(?=\d){NUMBER})(?!\s*[%/])(?=\s+[a-zà-ỹđ])", re.I)
# (the base said between, with no count or clause of its own: "so với cùng kỳ; kiểm tra 40 tổ chức đảng (năm
# 2025: 36)" is another figure's base)
# the base's own value in brackets: "(năm 2025: 13 đảng viên)", "(cùng kỳ năm 2024: 41 trường hợp)"
_BASE_BRACKET = r"(?P<value>\(\s*(?:cùng kỳ|năm trước|năm \d{4})[^():]{0,25}:\s*[^()]{1,40}\))"
BASE_VALUE = re.compile(rf"{COMPARED}(?:[^();\d]|\d{{4}}){{0,40}}?{_BASE_BRACKET}", re.I)
BASE_VALUE_AFTER = re.compile(rf"\s*{_BASE_BRACKET}", re.I)
BARE_BASE_VALUE = re.compile(rf"\s*(?P<value>\(\s*{NUMBER}\s+[^()\d%]{{1,25}}\))")
# "tăng 2,3 điểm phần trăm so với năm 2025 (85,3%)": after a change of a share, a share in brackets after its base is
# the base's own (the change itself was told in the share's measure already)
BASE_SHARE = re.compile(rf"\s*(?P<value>\(\s*{NUMBER}\s*%\s*\))")
SHARE_CHANGE = re.compile(r"(?<!\w)(?:tăng|giảm)\s+(?:\S+\s+)?[\d,.]+\s*(?:%|điểm\s*%|điểm\s+phần\s+trăm)\s*$", re.I)
UNCOUNTED_CHANGE = re.compile(r"(?<!\w)(?:tăng|giảm)(?:\s+(?:gần|hơn|khoảng|gấp|đôi|ba|hai|lần|mạnh|nhẹ|nhiều))*\s*$", re.I)
MOVED_FROM = re.compile(rf"(?:tăng|giảm)\s+từ\s+(?P<base>{NUMBER}(?:\s*\([^()]{{0,30}}\))?)\s+(?:xuống|lên)\s", re.I)

# "giảm 3 đơn, từ 15 đơn xuống còn 12 đơn": the change first, then the value it moved from
CHANGE_THEN_MOVED = re.compile(rf"(?:tăng|giảm)\s+(?:{QUALIFIER}\s+)?{NUMBER}(?:\s*%|(?:\s+[^\W\d]+){{1,3}})?\s*[,(]\s*"
                               rf"từ\s+(?P<base>{NUMBER}(?:\s+[^\W\d]+){{0,3}}?)\s+(?:xuống|lên)\s", re.I)

# (a share or percentage points: "tăng 2,3 điểm phần trăm")
# "số đảng viên bị khai trừ (năm 2026) tăng thêm 4 trường hợp": a stated measure, then its move by a count
MEASURE_MOVED = re.compile(r"(?<!\w)[Ss]ố(?:\s+lượng)?\s+[^,.;:()\d]{1,60}?\s(?:được|bị)\s[^,.;:()]{1,50}?\s"
                           r"(?P<dir>tăng|giảm)(?:\s+(?:thêm|bớt))?\s+(?=\d)", re.I)
UNSAID_BASE = re.compile(r"(?<!\w)(?:tăng|giảm)\s+(?:\S+\s+)?[\d,.]+\s*(?:%|điểm\s*%|điểm\s+phần\s+trăm)", re.I)
# "cao hơn 1,2% so với năm trước" is a rise, "ít hơn 3 trường hợp" a fall
DIRECTION = {"cao hơn": "tăng", "nhiều hơn": "tăng", "vượt": "tăng", "thấp hơn": "giảm", "ít hơn": "giảm"}


# "Số đơn ít hơn năm ngoái 9 đơn", "tăng so với cùng kỳ 3 trường hợp": the base said between the direction and the
# number
BASE_BETWEEN = re.compile(
    rf"(?<!\w)(?=[tgcníTGCNÍ])(?P<dir>tăng|giảm|cao hơn|thấp hơn|nhiều hơn|ít hơn)\s+(?:{COMPARED}\s+)?(?P<base>năm ngoái|năm trước"
    # (or a quarter or a month with its year: "nhiều hơn quý II/2026 là 2 đơn")
    rf"|cùng kỳ(?:\s+năm\s+(?:ngoái|trước|\d{{4}}))?|năm\s+\d{{4}}|kỳ trước|quý trước|tháng trước"
    rf"|(?:quý\s+(?:I{{1,3}}|IV|\d)|tháng\s+\d{{1,2}})\s*/\s*\d{{4}})\s+(?:là\s+)?"
    rf"(?P<n>{NUMBER})(?P<pct>\s*%)?(?!\w)", re.I)


def _base_between(ctx: Sentence) -> None:
    for m in BASE_BETWEEN.finditer(ctx.s):
        _emit_told(ctx, m, DIRECTION.get(m["dir"].lower(), m["dir"].lower()), m["base"])


def _emit_told(ctx: Sentence, m: re.Match, direction: str, base: str | None) -> None:
    """A change read whole by one pattern: its number `n` (a share with `pct`), its unit after it, its direction and
    base already known."""
    if not ctx.free(m.start("n"), m.end("n")):
        return
    try:
        value = parse_number(m["n"])
    except ValueError:
        return
    unit, end = ("%", m.end()) if m["pct"] else unit_after(ctx.s, m.end(), max_words=4)
    ctx.emit("change", m.start(), end if unit else m.end(), -value if direction == "giảm" else value,
             unit=unit or None, subject=f"so với {base}" if base else None, direction=direction, base=base)


# "Số tổ chức đảng và đảng viên bị kỷ luật giảm lần lượt 2 và 9 trường hợp so với cùng kỳ": one direction for two
# or more counts, each of the subjects named before, in order (the unit after the last is every count's)
RESPECTIVE = re.compile(rf"(?<!\w)(?P<dir>tăng|giảm){RESPECTIVELY}"
                        rf"(?P<ns>{NUMBER}(?:\s*%)?(?:\s*(?:,|và)\s*{NUMBER}(?:\s*%)?)+)(?!\w)", re.I)
# (or "lần lượt" said first: "… lần lượt tăng 6,2% và 8,9%")
RESPECTIVE_FIRST = re.compile(rf"(?<!\w)(?:lần lượt|tương ứng)\s+(?P<dir>tăng|giảm)\s+"
                              rf"(?P<ns>{NUMBER}(?:\s*%)?(?:\s*(?:,|và)\s*{NUMBER}(?:\s*%)?)+)(?!\w)", re.I)
RESPECTIVE_ITEM = re.compile(rf"(?P<n>{NUMBER})(?P<pct>\s*%)?", re.I)


def _respective(ctx: Sentence, bases: list[re.Match]) -> None:
    for m in (*RESPECTIVE.finditer(ctx.s), *RESPECTIVE_FIRST.finditer(ctx.s)):
        items = list(RESPECTIVE_ITEM.finditer(ctx.s, m.start("ns"), m.end("ns")))
        if not all(ctx.free(i.start("n"), i.end("n")) for i in items):
            continue
        try:
            values = [parse_number(i["n"]) for i in items]
        except ValueError:
            continue
        unit, end = ("%", m.end()) if items[-1]["pct"] else unit_after(ctx.s, m.end(), max_words=4)
        direction = m["dir"].lower()
        after = [b for b in bases if b.start() >= m.end()]
        base = (after[0] if after else bases[-1])["base"].strip() if bases else None
        for n, (item, value) in enumerate(zip(items, values, strict=True)):
            last = n == len(items) - 1
            ctx.emit("change", item.start(), end if last and unit else item.end(),
                     -value if direction == "giảm" else value, unit=unit or None,
                     subject=f"so với {base}" if base else None, direction=direction, base=base)


# "Đảng viên bị kỷ luật: 17 (+5 so với năm 2025)", "92,2% (+4,1% so với cùng kỳ)": a sign for the direction, as
# infographics print a change
SIGNED = re.compile(rf"(?<![\w%])(?:(?P<sign>[+−])\s?|[-–](?=\d))(?P<n>(?=\d){NUMBER})(?P<pct>\s*%)?(?=\s*(?:\S+\s+){{0,3}}?{COMPARED})",
                    re.I)


def _signed(ctx: Sentence) -> None:
    for m in SIGNED.finditer(ctx.s):
        base = next((b["base"].strip() for b in BASE.finditer(ctx.s, m.end())), None)
        _emit_told(ctx, m, "tăng" if m["sign"] == "+" else "giảm", base)  # (a minus, however typed)


@rule(10)
def changes(ctx: Sentence) -> None:
    if "+" in ctx.s or "−" in ctx.s or "(-" in ctx.s or "(–" in ctx.s:
        _signed(ctx)
    if "hơn " in ctx.s or "tăng " in ctx.s or "giảm " in ctx.s:
        _base_between(ctx)
    bases = list(BASE.finditer(ctx.s))
    _claim_bases_values(ctx, bases)
    # a change needs something to compare against, in the same sentence: "so với …", or the value it moved from
    # ("giảm từ 312 (năm 2022) xuống còn 274 (năm 2023), giảm 12,2%")
    moved = None if bases else MOVED_FROM.search(ctx.s)
    moved_after = None if bases or moved else CHANGE_THEN_MOVED.search(ctx.s)
    # … or a year before, told in the sentence ("Năm 2025 … 598 đảng viên; năm 2026 là 541 đảng viên, giảm 57 đảng
    # viên": against 2025)
    before = None if bases or moved or moved_after else _year_before(ctx)
    # … or the base of the sentence before's change, for a change right after a count ("… giảm 74 trường hợp so với
    # năm 2025. Số tổ chức đảng bị kỷ luật là 9, tăng 2 tổ chức.")
    earlier = None if bases or moved or moved_after or before else _base_said_before(ctx)
    # … except a rate that rose or fell ("GRDP 9 tháng tăng 7,2%"), or a measure the sentence names as its subject
    # ("Năm nay, số đảng viên bị khai trừ tăng thêm 4 trường hợp"): their base goes without saying
    # (also after a sentence that said a base of its own: "… giảm 6 đồng chí so với năm 2025.\n\nNăm nay, số đảng viên
    # bị khai trừ tăng thêm 4 trường hợp")
    measured = None if bases or moved or moved_after or before else MEASURE_MOVED.search(ctx.s)
    if not bases and not moved and not moved_after and not before and not earlier and not measured \
            and not UNSAID_BASE.search(ctx.s):
        return
    if "lần lượt" in ctx.s or "tương ứng" in ctx.s:
        _respective(ctx, bases)
    for m in CHANGE.finditer(ctx.s):
        if not ctx.free(m.start("n"), m.end("n")):
            continue
        told_after = before is not None and before[0] < m.start() and AFTER_A_COUNT.search(ctx.s, 0, m.start())
        carried = earlier is not None and AFTER_A_COUNT.search(ctx.s, 0, m.start())
        told_first = moved_after is not None and m.start() == moved_after.start()
        of_measure = measured is not None and m.start() == measured.start("dir")
        if not bases and not moved and not told_after and not carried and not told_first and not of_measure \
                and not (m["pct"] and m["dir"].lower() in ("tăng", "giảm")):
            continue
        try:
            value = parse_number(m["n"])
        except ValueError:
            continue
        if moved is not None and m.start() < moved.end():
            continue  # "giảm từ 312 …" itself names the ends, not the change
        after = [b for b in bases if b.start() >= m.end()]
        base = (after[0] if after else bases[-1])["base"].strip() if bases else \
            moved["base"].strip() if moved else moved_after["base"].strip() if told_first else before[1] if told_after else earlier if carried else None
        end = m.end()
        if m["pct"]:
            unit = "%"
        else:
            unit, end = unit_after(ctx.s, m.end(), max_words=4)
            end = end if unit else m.end()
        # "(từ 8 xuống 4 tổ chức)", "… so với cùng kỳ (cùng kỳ năm 2024: 41 trường hợp)": the values before and
        # after, and the base's own value, are the change's, not figures of their own
        span = FROM_TO.match(ctx.s, end)
        if span:
            ctx.claim(span.start(), span.end())
        base_value = BASE_VALUE.search(ctx.s, end, min(len(ctx.s), end + 80))
        if base_value:
            ctx.claim(base_value.start("value"), base_value.end("value"))
        # "So với năm 2025, … tăng 12,5% (năm 2025: 40 tổ chức đảng)": the base's own value right after the change
        elif bases and (told := BASE_VALUE_AFTER.match(ctx.s, end)):
            ctx.claim(told.start("value"), told.end("value"))
        direction = DIRECTION.get(m["dir"].lower(), m["dir"].lower())
        sign = -1 if direction == "giảm" else 1
        ctx.emit("change", m.start(), end, sign * value, unit=unit or None,
                 subject=f"so với {base}" if base else None, direction=direction, base=base,
                 qualifier=qualifier_of(m["q"]) or (qualifier_of(m["q0"].split()[0]) if m["q0"] else None))
        _more_of_the_change(ctx, end, unit, sign, direction, base)


def _claim_bases_values(ctx: Sentence, bases: list[re.Match]) -> None:
    """"giảm so với con số 1.214 đơn của năm 2024": the base's own value is the comparison's, not a figure."""
    for b in bases:
        if (n := BASE_COUNT.match(ctx.s, b.start("base"))) and ctx.free(n.start("n"), n.end("n")):
            ctx.claim(n.start("n"), n.end("n"))
        # "… giảm so với năm trước (năm 2025: 13 đảng viên)": the base's own value, with or without the change's
        if told := BASE_VALUE.match(ctx.s, b.start()):
            ctx.claim(told.start("value"), told.end("value"))
        # "… tăng gần gấp đôi so với năm 2025 (12 đơn)": after a change told without a number, the bare count in
        # brackets after its base is the base's (after a change with one it may be the change again)
        elif (told := BARE_BASE_VALUE.match(ctx.s, b.end())) and UNCOUNTED_CHANGE.search(ctx.s, max(0, b.start() - 60), b.start()):
            ctx.claim(told.start("value"), told.end("value"))
        elif (told := BASE_SHARE.match(ctx.s, b.end())) and SHARE_CHANGE.search(ctx.s, max(0, b.start() - 60), b.start()):
            ctx.claim(told.start("value"), told.end("value"))


# (the change right after the later year's count and a comma — or in brackets after it: "Tổ chức đảng bị kỷ luật: 2
# (tăng 1)" under "Đảng viên bị kỷ luật: 21 (giảm 4 so với năm 2025)")
AFTER_A_COUNT = re.compile(rf"{NUMBER}(?:\s+[^\W\d_]+){{0,3}}\s*[,(]\s*$")


def _base_said_before(ctx: Sentence) -> str | None:
    """The base of the last change the sentence before told against one."""
    if not ctx.previous or not CHANGE.search(ctx.previous):
        return None
    said = list(BASE.finditer(ctx.previous))
    return said[-1]["base"].strip() if said else None


def _year_before(ctx: Sentence) -> tuple[int, str] | None:
    """When the sentence states two years, the earlier's offset and period: what a change after the later's count
    is against."""
    years = [(pos, period) for pos, period in ctx.periods_stated() if re.fullmatch(r"năm (?:19|20)\d{2}", period.lower())]
    if len({p.lower() for _, p in years}) < 2:
        return None
    first = min(years, key=lambda y: y[1][-4:])
    later = max(pos for pos, p in years if p[-4:] > first[1][-4:])
    return later, first[1]


def _more_of_the_change(ctx: Sentence, end: int, unit: str | None, sign: int, direction: str, base: str | None) -> None:
    """What follows a change and is more of it: the same change in another measure, or more counts it holds for."""
    subject = f"so với {base}" if base else None
    same = EQUIVALENT.match(ctx.s, end)
    # (past its base: "giảm 15 trường hợp so với năm 2025, tương đương 15%")
    if same is None and (compared := BASE_AFTER.match(ctx.s, end)):
        same = EQUIVALENT.match(ctx.s, compared.end())
    if same is None and (bare := BRACKETED_SAME.match(ctx.s, end)):
        bare_unit, bare_end = ("%", bare.end()) if bare["pct"] else unit_after(ctx.s, bare.end("n"), max_words=4)
        # the other measure only: a percent after a count or a count after a percent, and nothing else in the
        # brackets ("(năm 2025: 30 đảng viên)" is the base's own value)
        if bare_unit and (bare_unit == "%") != (unit == "%") and CLOSE.match(ctx.s, bare_end):
            same = bare
    if same is not None and ctx.free(same.start("n"), same.end("n")):
        other_unit, other_end = ("%", same.end()) if same["pct"] else unit_after(ctx.s, same.end("n"), max_words=4)
        ctx.emit("change", same.start("n"), other_end if other_unit else same.end("n"), sign * parse_number(same["n"]),
                 unit=other_unit or None, subject=subject, direction=direction, base=base)
    # "nhiều hơn 6 tổ chức đảng và 15 đảng viên": the comparison holds for each count coordinated after it
    # (not a count that a clause of its own goes on with: "…, 15 tổ chức đảng được kiểm tra")
    while unit and unit != "%" and (more := COORDINATED_CHANGE.match(ctx.s, end)) \
            and ctx.free(more.start("n"), more.end("n")):
        more_unit, more_end = unit_after(ctx.s, more.end("n"), max_words=4)
        if not more_unit or OWN_CLAUSE.match(ctx.s, more_end):
            break
        end = more_end
        ctx.emit("change", more.start("n"), end, sign * parse_number(more["n"]), unit=more_unit, subject=subject,
                 direction=direction, base=base)
