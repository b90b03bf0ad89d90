"""Counts after their label: a subject's under an act said before them ("Kết quả thi hành kỷ luật năm 2026:\n+ Tổ
chức đảng: 3 (khiển trách 2, cảnh cáo 1);\n+ Đảng viên: 27 (khiển trách 19, …)"), each the act's with the forms in its
brackets; and a total's parts labelled in brackets after it ("62 đảng viên (Huy hiệu 70 năm tuổi Đảng: 4; …)")."""

from __future__ import annotations

import re

from scrapers.extract.numbers import parse_number, qualifier_of
from scrapers.extract.patterns import FORM_RE, PERIOD_AFTER, QNUM, SUBJECT_LABEL
from scrapers.extract.rules import rule
from scrapers.extract.rules.breakdowns import bracketed, single_form
from scrapers.extract.sentence import Sentence
from scrapers.vocabulary import COUNT_KINDS

# the label opens its item (the sentence, or a line or a clause of it) and the count ends it, or its brackets follow
LABELLED_COUNT = re.compile(rf"(?:^|(?<=[;:\n]))\s*{SUBJECT_LABEL}\s*{QNUM}(?=\s*(?:[;.(]|$)|{PERIOD_AFTER})", re.I)


@rule(33)
def labelled_counts(ctx: Sentence) -> None:
    if ":" not in ctx.s:
        return
    for m in LABELLED_COUNT.finditer(ctx.s):
        acts = [k for s, _, k in ctx.triggers if s < m.start()]
        if not acts or acts[-1] not in COUNT_KINDS and acts[-1] != "discipline" \
                or not ctx.free(m.start("n"), m.end("n")):
            continue
        try:
            value = parse_number(m["n"])
        except ValueError:
            continue
        org = m["org"] is not None or m["org2"] is not None
        kind, forms, end = acts[-1], None, m.end()
        if kind == "discipline":
            kind = "discipline_party_orgs" if org else "discipline_party_members"
            found = bracketed(ctx, m.end(), value) or single_form(ctx, m.end(), value)
            if found:
                forms = found.forms
                for a, b in found.spans:
                    ctx.claim(a - ctx.base, b - ctx.base)
                end = max(end, found.end - ctx.base)
        subject = "tổ chức đảng" if org else "đảng viên"
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        ctx.emit(kind, start, end, value, unit=subject, subject=subject, subject_class=subject,
                 qualifier=qualifier_of(m["q"]), breakdown=forms,
                 breakdown_complete=None if not forms else sum(forms.values()) == value)


# "… Huy hiệu Đảng cho 62 đảng viên (Huy hiệu 70 năm tuổi Đảng: 4; 60 năm: 9; 50 năm: 21; 40 năm: 28)": a total's
# parts labelled in brackets right after it, each "label: count"
LABELLED_BRACKET = re.compile(r"\s*\((?P<items>[^():]{1,60}:\s*\d[\d.]*(?:\s*[;,]\s*[^():;,]{1,60}:\s*\d[\d.]*)+)\s*\)")
BRACKET_ITEM = re.compile(r"\s*(?P<label>[^():;,]{1,60}?)\s*:\s*(?P<n>\d[\d.]*)\s*(?:[;,]|$)")


@rule(96)  # after every count of the sentence is read: the parts are those of a total already emitted
def labelled_parts(ctx: Sentence) -> None:
    if "(" not in ctx.s or ":" not in ctx.s:
        return
    for total in list(ctx.out):
        m = LABELLED_BRACKET.match(ctx.s, total.end - ctx.base)
        if total.value is None or total.breakdown or m is None:
            continue
        items = list(BRACKET_ITEM.finditer(m["items"]))
        try:
            values = [parse_number(i["n"]) for i in items]
        except ValueError:
            continue
        # (forms are a breakdown, not parts; the counts must add up to the total and be free to read)
        if sum(values) != total.value or any(FORM_RE.search(i["label"]) for i in items) or not all(
                ctx.free(m.start("items") + i.start("n"), m.start("items") + i.end("n")) for i in items):
            continue
        for item, value in zip(items, values, strict=True):
            start = m.start("items") + item.start("label")
            ctx.emit(total.kind, start, m.start("items") + item.end("n"), value, unit=item["label"].strip(),
                     subject_class=total.subject_class)
