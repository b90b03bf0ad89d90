"""Counts told place by place after a label that states what they count: "Các đơn vị có số đảng viên bị kỷ luật
nhiều là: huyện Sóc Sơn 31, huyện Đông Anh 27, quận Hà Đông 22 đảng viên". Each place's count is the label's
statement, scoped to its place; the driver links them as parts of a city-wide total before them."""

from __future__ import annotations

import re

from scrapers.extract.numbers import NUMBER, parse_number, qualifier_of
from scrapers.extract.patterns import (
    ABBREVIATIONS,
    COUNTS_IN_ORDER,
    INCLUDES,
    ORG_SUBJECT,
    QNUM,
    RESPECTIVELY,
    SUBJECT,
    TRIGGER,
    WITHIN_MARK,
)
from scrapers.extract.rules import rule
from scrapers.extract.scope import DISTRICT_ABBREVIATED, LOCAL_UNIT, PLACE_NAME, locality_in
from scrapers.extract.sentence import Sentence
from scrapers.vocabulary import COUNT_KINDS

# the label: "số" + the subject + its act, then a colon (case-insensitive words only: the places' names are matched
# by case)
PLACE_LABEL = re.compile(rf"(?<!\w)(?i:số)(?:\s+(?i:lượng))?\s+(?P<subj>(?i:{SUBJECT}))(?P<mid>[^,.;:\d]{{0,50}}?)"
                         rf"\s*(?:(?i:nhiều|cao)(?:\s+(?i:nhất))?\s+)?(?:(?i:là|{INCLUDES})\s*)?:\s*")
PLACE_ITEM = re.compile(rf"(?P<place>(?:(?i:{LOCAL_UNIT})\s+|{DISTRICT_ABBREVIATED}\s?){PLACE_NAME})\s*:?\s+"
                        rf"(?:(?i:có|là|với)\s+)?{QNUM}(?![\d.,]\d)(?!\s*[%/])(?:\s+(?P<unit>(?i:{SUBJECT}))(?!\w))?")
ITEM_JOIN = re.compile(r"\s*(?:[,;]\s*(?:(?i:và)\s+)?|\s+(?i:và)\s+)")


# "… có 48 đảng viên bị đình chỉ sinh hoạt đảng. Trong đó, phường Hà Đông 12, xã Sóc Sơn 9 …": the places of the
# sentence before's count, its act and subject said there
# (and those with the most first: "Trong đó, nhiều nhất là quận Đống Đa 12 đảng viên, quận Hoàn Kiếm 9 …")
# (or only those with the most: "Nhiều nhất là huyện Ba Vì 8 đảng viên, huyện Mê Linh 6 đảng viên")
_MOST = r"(?i:nhiều nhất|cao nhất|dẫn đầu|đứng đầu)\s+(?:(?i:là|thuộc về|ở)\s+)?"
WITHIN_LEAD = re.compile(rf"\s*(?:(?i:{WITHIN_MARK}|cụ thể)\s*[,:]?\s*(?:{_MOST})?|{_MOST})")
SUBJECT_RX = re.compile(SUBJECT, re.I)


@rule(32)
def counts_by_place(ctx: Sentence) -> None:
    if ":" in ctx.s:
        for label in PLACE_LABEL.finditer(ctx.s):
            _read_places(ctx, TRIGGER.search(label["mid"]), _subject(label["subj"]), label.end())
    if (lead := WITHIN_LEAD.match(ctx.s)) and ctx.previous and (said := list(SUBJECT_RX.finditer(ctx.previous))):
        acts = list(TRIGGER.finditer(ctx.previous))
        _read_places(ctx, acts[-1] if acts else None, _subject(said[-1].group(0)), lead.end())


# "các quận Hoàn Kiếm, Tây Hồ và Cầu Giấy lần lượt kỷ luật 5, 3 và 7 đảng viên": the places named first, their counts
# after "lần lượt / tương ứng" in the same order, of one act and subject
_PLACES = rf"{PLACE_NAME}(?:\s*,\s*{PLACE_NAME})*\s+(?i:và)\s+{PLACE_NAME}"
_UNIT = rf"(?:(?i:{LOCAL_UNIT})\s+|{DISTRICT_ABBREVIATED}\s?)"
# (or each with its own noun, or its committee's: "Đảng bộ quận Ba Đình và Đảng bộ quận Hoàn Kiếm lần lượt …",
# "Quận ủy Ba Đình, Quận ủy Tây Hồ và …")
_OWN_UNIT = rf"(?:(?:(?i:Đảng bộ|Đảng ủy|UBND)\s+)?{_UNIT}|(?:Quận|Huyện|Thị) ủy\s+)"
_PLACES_OWN = rf"{_OWN_UNIT}{PLACE_NAME}(?:\s*,\s*{_OWN_UNIT}{PLACE_NAME})*\s+(?i:và)\s+{_OWN_UNIT}{PLACE_NAME}"
OWN_PLACE = re.compile(rf"{_OWN_UNIT}(?P<place>{PLACE_NAME})")
RESPECTIVE_PLACES = re.compile(
    rf"(?<!\w)(?:(?i:các\s+)?{_UNIT}(?P<places>{_PLACES})|(?P<own>{_PLACES_OWN}))\s+"
    rf"(?:(?i:đã)\s+)?"
    rf"(?:(?i:lần lượt|tương ứng)\s+(?P<act>[^,.;:\d]{{2,40}}?)\s+|(?P<act2>[^,.;:\d]{{2,40}}?){RESPECTIVELY})"
    rf"{COUNTS_IN_ORDER}\s+(?P<subj>(?i:tập thể(?:,\s*cá nhân)?|{SUBJECT}))(?!\w)")
EACH_PLACE = re.compile(rf"{PLACE_NAME}")


@rule(29)
def respective_places(ctx: Sentence) -> None:
    if "lần lượt" not in ctx.s and "tương ứng" not in ctx.s:
        return
    for m in RESPECTIVE_PLACES.finditer(ctx.s):
        act = TRIGGER.search(m["act"] or m["act2"])
        places = [p.group(0) for p in EACH_PLACE.finditer(m["places"])] if m["places"] else \
            [p["place"] for p in OWN_PLACE.finditer(m["own"])]
        counts = list(re.finditer(NUMBER, m["counts"], re.I))
        subject = re.sub(r"\s+", " ", _subject(m["subj"]))
        org = bool(re.fullmatch(ORG_SUBJECT, subject, re.I))
        kind = _kind_of(act, org)
        if kind is None or len(places) != len(counts) or not ctx.free(m.start("counts"), m.end("counts")):
            continue
        counted = "tổ chức đảng" if org else subject if subject.startswith("tập thể") else "đảng viên"
        for place, n in zip(places, counts, strict=True):
            try:
                value = parse_number(n.group(0))
            except ValueError:
                continue
            start = m.start("counts") + n.start()
            ctx.emit(kind, start, start + len(n.group(0)), value, unit=subject, subject=subject,
                     subject_class=counted, scope=place)


def _kind_of(act: re.Match | None, org: bool) -> str | None:
    """The kind of a count of `act` (a TRIGGER match) in organisations or members; None when the act counts
    nothing."""
    if act is None or act.lastgroup not in COUNT_KINDS and act.lastgroup != "discipline":
        return None
    if act.lastgroup == "discipline":
        return "discipline_party_orgs" if org else "discipline_party_members"
    return act.lastgroup


def _subject(said: str) -> str:
    """The subject as a word, lowercase: "TCĐ" is "tổ chức đảng"."""
    return ABBREVIATIONS.get(said, said).lower()


def _read_places(ctx: Sentence, act: re.Match | None, subject: str, pos: int) -> None:
    """The places counted from `pos` on, each a count of `act` in `subject`."""
    org = bool(re.fullmatch(ORG_SUBJECT, subject, re.I))
    kind = _kind_of(act, org)
    if kind is None:
        return
    items = []
    while (item := PLACE_ITEM.match(ctx.s, pos)) and ctx.free(item.start("n"), item.end("n")):
        items.append(item)
        joined = ITEM_JOIN.match(ctx.s, item.end())
        if not joined:
            break
        pos = joined.end()
    # two places at least, each counted in the label's subject where it says its unit (members may be "đồng chí",
    # "trường hợp")
    if len(items) < 2 or any(i["unit"] and bool(re.fullmatch(ORG_SUBJECT, i["unit"], re.I)) != org for i in items):
        return
    for item in items:
        try:
            value = parse_number(item["n"])
        except ValueError:
            continue
        named = locality_in(ctx.s, item.end("place"))
        ctx.emit(kind, item.start(), item.end(), value, unit=subject, subject=subject,
                 subject_class="tổ chức đảng" if org else "đảng viên", qualifier=qualifier_of(item["q"]),
                 scope=named[1] if named else None)
