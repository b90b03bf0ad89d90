"""Tables, one row per line with its cells between bars (how `sources.base.body_paragraphs` renders a `<tr>`):
a table of discipline forms ("Khiển trách | 12 | 60%", …, "Tổng | 20 | 100%") is one total with its breakdown, its
share column the parts' shares, not figures; a table whose first column is headed by what was violated ("Nội dung
vi phạm | Số trường hợp") gives one violation category per row."""

from __future__ import annotations

import re

from scrapers.extract.numbers import NUMBER, count_of
from scrapers.extract.patterns import FORM, ORG_SUBJECT
from scrapers.extract.rules import rule
from scrapers.extract.sentence import Sentence

ROW = re.compile(r"[^\n]*\|[^\n]*")
FORM_CELL = re.compile(rf"\s*(?:hình thức\s+)?(?P<form>{FORM})\s*", re.I)
TOTAL_CELL = re.compile(r"\s*(?:tổng(?:\s+cộng|\s+số)?|cộng)\s*", re.I)
COUNT_CELL = re.compile(rf"\s*(?P<n>{NUMBER})(?:\s+\S+)?\s*")


def _table_rows(ctx: Sentence) -> list[re.Match]:
    """The sentence's table rows ("cell | cell" lines), none when it holds no table."""
    if ctx.s.count("|") < 2 or "\n" not in ctx.s:
        return []
    return list(ROW.finditer(ctx.s))


@rule(5)
def form_tables(ctx: Sentence) -> None:
    forms: dict[str, int] = {}
    total, first, last = None, None, None
    for row in _table_rows(ctx):
        cells = row.group(0).split("|")
        label = FORM_CELL.fullmatch(cells[0])
        if not (label or TOTAL_CELL.fullmatch(cells[0])):
            continue
        count = next((c for c in (COUNT_CELL.fullmatch(cell) for cell in cells[1:]) if c), None)
        if count is None:
            continue
        value = count_of(count["n"])  # "1,235" in a cell is a count, as in prose
        if label:
            form = label["form"].lower()
            forms[form] = forms.get(form, 0) + int(value)
        else:
            total = value
        first = row.start() if first is None else first
        last = row.end()
    if not forms or first is None or not ctx.free(first, last):
        return
    # the table's subject is what its heading counts; members unless it names organisations only
    head = ctx.s[:first]
    org = bool(re.search(ORG_SUBJECT, head, re.I)) and "đảng viên" not in head.lower()
    complete = total is not None and sum(forms.values()) == total
    ctx.emit("discipline_party_orgs" if org else "discipline_party_members", first, last,
             total if complete else None, unit="tổ chức đảng" if org else "đảng viên",
             subject="tổ chức đảng" if org else "đảng viên", subject_class="tổ chức đảng" if org else "đảng viên",
             breakdown=forms, breakdown_complete=complete)


# "Nội dung vi phạm | Số trường hợp", "Lĩnh vực vi phạm | Số đảng viên | Tỷ lệ"
CATEGORY_HEAD = re.compile(r"\s*(?:nội dung|lĩnh vực|loại|nhóm)\s+vi phạm\s*", re.I)
SHARE_CELL = re.compile(rf"\s*(?P<share>{NUMBER})\s*%\s*")


@rule(6)
def category_tables(ctx: Sentence) -> None:
    rows = _table_rows(ctx)
    head = next((i for i, r in enumerate(rows) if CATEGORY_HEAD.fullmatch(r.group(0).split("|")[0])), None)
    if head is None:
        return
    unit = "tổ chức đảng" if re.search(ORG_SUBJECT, rows[head].group(0), re.I) else "trường hợp"
    for row in rows[head + 1:]:
        cells = row.group(0).split("|")
        count = COUNT_CELL.fullmatch(cells[1]) if len(cells) > 1 else None
        label = cells[0].strip()
        if TOTAL_CELL.fullmatch(cells[0]):
            ctx.claim(row.start(), row.end())  # the categories' sum and its 100 %: not figures of their own
            continue
        if count is None or not label or not ctx.free(row.start(), row.end()):
            continue
        share = next((m for m in (SHARE_CELL.fullmatch(c) for c in cells[2:]) if m), None)
        ctx.emit("violation_category", row.start(), row.end(), count_of(count["n"]), unit=unit, category=label,
                 subject_class="tổ chức đảng" if unit == "tổ chức đảng" else "đảng viên",
                 share=count_of(share["share"]) if share else None)
