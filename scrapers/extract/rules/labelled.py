"""Counts after their subject's label, under an act said before them: "Kết quả thi hành kỷ luật năm 2026:\n+ Tổ
chức đảng: 3 (khiển trách 2, cảnh cáo 1);\n+ Đảng viên: 27 (khiển trách 19, …)". Each count is the act's, of the
label's subject, with the forms in its brackets."""

from __future__ import annotations

import re

from scrapers.extract.numbers import parse_number, qualifier_of
from scrapers.extract.patterns import QNUM, SUBJECT_LABEL
from scrapers.extract.rules import rule
from scrapers.extract.rules.breakdowns import bracketed, single_form
from scrapers.extract.sentence import Sentence
from scrapers.vocabulary import COUNT_KINDS

# the label opens its item (the sentence, or a line or a clause of it) and the count ends it, or its brackets follow
LABELLED_COUNT = re.compile(rf"(?:^|(?<=[;:\n]))\s*{SUBJECT_LABEL}\s*{QNUM}(?=\s*(?:[;.(]|$))", re.I)


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
