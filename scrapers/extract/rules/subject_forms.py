"""Forms counted for organisations and members side by side: "kỷ luật 3 tổ chức đảng và 21 đảng viên: khiển trách 2
tổ chức đảng, 15 đảng viên; cảnh cáo 1 tổ chức đảng, 6 đảng viên". Each form governs counts of both subjects, so the
nearest-total reading would give one subject's total the other's forms; here each count goes to its subject's total."""

from __future__ import annotations

import re

from scrapers.extract.dates import PERIOD_TAIL
from scrapers.extract.numbers import NUMBER, count_of
from scrapers.extract.patterns import BULLET, FORM, FORM_RE, INCLUDES, MEMBER_SUBJECT, ORG_SUBJECT, PARTS_MARK
from scrapers.extract.rules import rule
from scrapers.extract.sentence import Sentence

_COUNT = rf"(?P<n>{NUMBER})\s+(?:(?P<org>{ORG_SUBJECT})|{MEMBER_SUBJECT})(?!\w)"
# the two totals, then a colon or a marker
TOTALS = re.compile(rf"(?P<a>{_COUNT.replace('<n>', '<n1>').replace('<org>', '<org1>')})\s*(?:,|và)\s*"
                    rf"(?P<b>{_COUNT.replace('<n>', '<n2>').replace('<org>', '<org2>')})"
                    # ("2 tổ chức đảng và 15 đảng viên bị kỷ luật, trong đó: …")
                    r"(?:\s+(?:đã\s+)?bị\s+(?:thi hành\s+|xử lý\s+)?kỷ luật)?"
                    # (or "; trong đó, tổ chức đảng: …")
                    rf"\s*(?::|[,;]\s*(?:{INCLUDES}|trong (?:số )?đó|cụ thể)\s*[:,]?)\s*", re.I)
# (the list's period may close it: "… cảnh cáo 1 tổ chức đảng, 6 đảng viên trong năm 2026.")
ITEM = re.compile(rf"\s*[;,]?\s*(?:và\s+)?(?P<form>{FORM})\s+(?P<counts>{NUMBER}\s+[^;.]*?)(?=(?:{PERIOD_TAIL})?\s*(?:;|\.|$))",
                  re.I)
COUNT = re.compile(_COUNT, re.I)
OPENS = re.compile(rf":|{PARTS_MARK}", re.I)
# … or each subject then its forms: "…, trong đó: tổ chức đảng khiển trách 2; đảng viên khiển trách 9, cảnh cáo 4"
_FORM_COUNT = rf"{FORM}\s*:?\s*{NUMBER}(?:\s+(?:{ORG_SUBJECT}|{MEMBER_SUBJECT})(?!\w))?"
SUBJECT_ITEM = re.compile(rf"\s*[;,.]?\s*(?:{BULLET}\s*)?(?:và\s+)?(?:(?:về|đối với|với)\s+)?(?:(?P<org>{ORG_SUBJECT})|{MEMBER_SUBJECT})"
                          rf"\s*[:,]?\s*(?P<forms>{_FORM_COUNT}(?:\s*(?:,|và)\s*{_FORM_COUNT})*)"
                          rf"(?=(?:{PERIOD_TAIL})?\s*(?:[;.]|$))", re.I)
FORM_COUNT = re.compile(rf"(?P<form>{FORM})\s*:?\s*(?P<n>{NUMBER})", re.I)
# "Về hình thức kỷ luật: khiển trách 12 tổ chức đảng và 140 đảng viên; cảnh cáo 3 tổ chức đảng, 52 đảng viên; …":
# the same list by form with no totals before it, opening the sentence or after a colon
# — or by subject: "Về hình thức kỷ luật: tổ chức đảng khiển trách 3, cảnh cáo 1; đảng viên khiển trách 61, …"
# (a sentence cut at "; trong đó," opens on its marker: "trong đó, tổ chức đảng: khiển trách 7, …")
LIST_START = re.compile(rf"(?:^(?:{PARTS_MARK}\s*[:,]?\s*)?|:)\s*(?:{BULLET}\s*)?(?={FORM}\s+{NUMBER}|(?P<by_subject>(?:(?:về|đối với)\s+)?"
                        rf"(?:{ORG_SUBJECT}|{MEMBER_SUBJECT})\s*[:,]?\s*{FORM}\s*:?\s*{NUMBER}))", re.I)


def _forms_of_subjects(ctx: Sentence, pos: int) -> tuple[dict[bool, dict[str, int]], int]:
    """Each subject's forms (keyed by "is an organisation") after the totals, and where they end: read by form
    ("khiển trách 2 tổ chức đảng, 15 đảng viên; …") or by subject ("tổ chức đảng khiển trách 2; đảng viên …")."""
    forms: dict[bool, dict[str, int]] = {True: {}, False: {}}
    end = pos
    while item := ITEM.match(ctx.s, pos):
        counts = list(COUNT.finditer(item["counts"]))
        if not counts or COUNT.sub("", item["counts"]).strip(" ,và") != "":
            break  # every word after the form must be a count of one subject or the other
        for c in counts:
            into = forms[bool(c["org"])]
            into[item["form"].lower()] = into.get(item["form"].lower(), 0) + count_of(c["n"])
        pos = end = item.end()
    while end == pos and (item := SUBJECT_ITEM.match(ctx.s, pos)):
        into = forms[bool(item["org"])]
        for f in FORM_COUNT.finditer(item["forms"]):
            into[f["form"].lower()] = into.get(f["form"].lower(), 0) + count_of(f["n"])
        pos = end = item.end()
    return forms, end


@rule(35)  # before the discipline totals are read one by one
def forms_by_subject(ctx: Sentence) -> None:
    if not OPENS.search(ctx.s) or not FORM_RE.search(ctx.s):
        return
    for m in TOTALS.finditer(ctx.s):
        if bool(m["org1"]) == bool(m["org2"]) or not ctx.free(m.start(), m.end()):
            continue
        forms, end = _forms_of_subjects(ctx, m.end())
        totals = {bool(m["org1"]): (m.start("a"), m.end("n1"), m.end("a"), count_of(m["n1"])),
                  bool(m["org2"]): (m.start("b"), m.end("n2"), m.end("b"), count_of(m["n2"]))}
        if not forms[True] or not forms[False] or any(sum(forms[k].values()) > totals[k][3] for k in totals):
            continue
        for org, (start, n_end, stop, value) in sorted(totals.items(), key=lambda t: t[1][0]):
            subject = "tổ chức đảng" if org else "đảng viên"
            ctx.emit("discipline_party_orgs" if org else "discipline_party_members", start, stop, value,
                     unit=re.sub(r"\s+", " ", ctx.s[n_end:stop]).strip().lower(), subject=subject,
                     subject_class=subject, breakdown=forms[org], breakdown_complete=sum(forms[org].values()) == value)
        ctx.claim(m.end(), end)
    _forms_of_subjects_untotalled(ctx)


def _forms_of_subjects_untotalled(ctx: Sentence) -> None:
    """Each subject's forms, read by form with no totals, as a figure without a value per subject (the totals of
    the sentence before take them when they fit, as any list of forms)."""
    for m in LIST_START.finditer(ctx.s):
        if not ctx.free(m.end(), m.end() + 1):
            continue
        forms, end = _forms_of_subjects(ctx, m.end())
        if not forms[True] or not forms[False]:
            continue  # one subject's list is read as any list of forms
        counts = list(COUNT.finditer(ctx.s, m.end(), end))
        # (each subject's forms must be read as counts too: "…cảnh cáo 1.Đảng viên: …" glued may read as one number —
        # unless each subject labels its own forms)
        if not m["by_subject"] and {bool(c["org"]) for c in counts} != {True, False}:
            continue
        for org in (True, False):
            mine = [c for c in counts if bool(c["org"]) == org]
            subject = "tổ chức đảng" if org else "đảng viên"
            ctx.emit("discipline_party_orgs" if org else "discipline_party_members", m.end(),
                     mine[-1].end() if mine else end, None, subject=subject, subject_class=subject,
                     breakdown=forms[org], breakdown_complete=False)
        ctx.claim(m.end(), end)
