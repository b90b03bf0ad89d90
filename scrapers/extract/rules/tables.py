"""Tables, one row per line with its cells between bars (how `sources.base.body_paragraphs` renders a `<tr>`):
a table of discipline forms ("Khiển trách | 12 | 60%", …, "Tổng | 20 | 100%") is one total with its breakdown, its
share column the parts' shares, not figures; a table whose first column is headed by what was violated ("Nội dung
vi phạm | Số trường hợp") gives one violation category per row; a table of units or years ("Đơn vị | Số đảng viên bị
kỷ luật", "Năm | Số đảng viên được kiểm tra") gives one figure per row and measure, scoped to the row's district or
dated to its year, and so does one turned the other way ("Chỉ tiêu | Năm 2024 | Năm 2025")."""

from __future__ import annotations

import re

from scrapers.extract.dates import period_in
from scrapers.extract.model import Draft
from scrapers.extract.numbers import NUMBER, count_of
from scrapers.extract.patterns import FORM, ORG_SUBJECT, SUBJECT, TRIGGER
from scrapers.extract.rules import rule
from scrapers.extract.scope import locality_in
from scrapers.extract.sentence import Sentence
from scrapers.vocabulary import DISCIPLINE_KINDS

ROW = re.compile(r"[^\n]*\|[^\n]*")
# (a form told as a part of the column before: "Trong đó khai trừ")
_PART_LEAD = r"(?:trong (?:đó|số đó)|riêng)"
FORM_CELL = re.compile(rf"\s*(?:{_PART_LEAD}\s*[,:]?\s*)?(?:hình thức\s+)?(?P<form>{FORM})\s*", re.I)
PART_OF_ABOVE = re.compile(rf"\s*{_PART_LEAD}\b", re.I)
# (or naming whom it counts: "Tổng số đảng viên bị kỷ luật | 15", "Số tổ chức đảng bị kỷ luật | 3")
TOTAL_CELL = re.compile(rf"\s*(?:tổng(?:\s+cộng|\s+số)?|cộng|(?:tổng\s+)?số(?:\s+lượng)?\s+(?P<subj>{SUBJECT})"
                        r"\s+(?:đã\s+)?bị\s+(?:thi hành\s+|xử lý\s+)?kỷ luật)\s*", re.I)
# (a cell may carry its unit: "12", "12 đảng viên", "3 TCĐ")
COUNT_CELL = re.compile(rf"\s*(?P<n>{NUMBER})(?:\s+(?:(?P<unit>(?i:{SUBJECT}))(?!\w)|\S+))?\s*")


def _table_rows(ctx: Sentence) -> list[re.Match]:
    """The sentence's table rows ("cell | cell" lines), none when it holds no table."""
    if ctx.s.count("|") < 2 or "\n" not in ctx.s:
        return []
    return list(ROW.finditer(ctx.s))


@rule(5)
def form_tables(ctx: Sentence) -> None:
    rows = _table_rows(ctx)
    # (a "Trong đó: khai trừ" row is one form of the row above it, not a row of a forms table)
    read = [(row, cells, label) for row in rows
            if (label := FORM_CELL.fullmatch((cells := row.group(0).split("|"))[0]) or TOTAL_CELL.fullmatch(cells[0]))
            and not PART_OF_ABOVE.match(cells[0])]
    if not read or not any(label.re is FORM_CELL for _, _, label in read):
        return
    first, last = read[0][0].start(), read[-1][0].end()
    if not ctx.free(first, last):
        return
    # the table's subject is what its heading counts; members unless it names organisations only
    named = next((label["subj"] for _, _, label in read if label.re is TOTAL_CELL and label["subj"]), None)
    org = bool(re.fullmatch(ORG_SUBJECT, named, re.I)) if named else _counts_organisations(_heading(ctx, first))
    subject = "tổ chức đảng" if org else "đảng viên"
    # "Hình thức | Năm 2024 | Năm 2025": one total per column of a year (or a place); else the first count of a row
    header = next((r.group(0).split("|") for r in reversed(rows) if r.start() < first), [])
    columns = _said_columns(header)
    for col, (period, scope) in columns.items() if len(columns) > 1 else [(None, (None, None))]:
        forms: dict[str, int] = {}
        total = None
        for _row, cells, label in read:
            cell = cells[col] if col is not None and col < len(cells) else None
            count = COUNT_CELL.fullmatch(cell) if cell is not None else \
                next((c for c in (COUNT_CELL.fullmatch(cell) for cell in cells[1:]) if c), None)
            if count is None:
                continue
            value = count_of(count["n"])  # "1,235" in a cell is a count, as in prose
            if label.re is FORM_CELL:
                forms[label["form"].lower()] = forms.get(label["form"].lower(), 0) + int(value)
            else:
                total = value
        if not forms:
            continue
        complete = total is not None and sum(forms.values()) == total
        ctx.emit("discipline_party_orgs" if org else "discipline_party_members", first, last,
                 total if complete else None, unit=subject, subject=subject, subject_class=subject,
                 breakdown=forms, breakdown_complete=complete, period=period, scope=scope)


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
    # "Nội dung vi phạm | Năm 2024 | Năm 2025": a category per row and year column
    years = {col: period for col, (period, _) in _said_columns(rows[head].group(0).split("|")).items() if period}
    for row in rows[head + 1:]:
        cells = row.group(0).split("|")
        label = cells[0].strip()
        if TOTAL_CELL.fullmatch(cells[0]):
            ctx.claim(row.start(), row.end())  # the categories' sum and its 100 %: not figures of their own
            continue
        if not label or not ctx.free(row.start(), row.end()):
            continue
        share = next((m for m in (SHARE_CELL.fullmatch(c) for c in cells[2:]) if m), None)
        for col, period in years.items() if len(years) > 1 else [(1, None)]:
            count = COUNT_CELL.fullmatch(cells[col]) if col < len(cells) else None
            if count is not None:
                ctx.emit("violation_category", row.start(), row.end(), count_of(count["n"]), unit=unit,
                         category=label, subject_class="tổ chức đảng" if unit == "tổ chức đảng" else "đảng viên",
                         share=count_of(share["share"]) if share and len(years) <= 1 else None, period=period)


# "Đơn vị | Số đảng viên bị kỷ luật", "STT | Quận, huyện | …", "Năm | Số đảng viên được kiểm tra"
# (or "TT | Tên đơn vị | …", "Đảng bộ trực thuộc | …", "Chi bộ | …", "Xã, phường, thị trấn | …", a committee's
# name for its units, "Đảng ủy | …", "Quận ủy, Huyện ủy | …", or a province's, "Tỉnh, thành phố | …")
_YEAR_HEADS = r"năm|giai đoạn"
_COMMITTEES = r"(?:đảng|cấp|quận|huyện|thị|thành|tỉnh)\s+ủy"
ROW_HEAD = re.compile(r"\s*(?:tên\s+)?(?:đơn vị|địa phương|địa bàn|quận,? huyện(?:,? thị xã)?|(?:xã|phường)(?:,?\s*(?:xã|phường|thị trấn))*"
                      r"|tỉnh(?:,?\s*thành(?:\s+phố)?)?"
                      rf"|{_COMMITTEES}(?:,?\s*{_COMMITTEES})*(?:\s+(?:xã|phường|trực thuộc|cơ sở))?"
                      rf"|(?:đảng bộ|chi bộ|tổ chức cơ sở đảng)(?:\s+(?:trực thuộc|cơ sở))?|{_YEAR_HEADS})\s*", re.I)
YEAR_HEAD = re.compile(rf"\s*(?:{_YEAR_HEADS})\s*", re.I)
NUMBER_HEAD = re.compile(r"\s*(?:stt|tt|số tt)\s*", re.I)
YEAR_CELL = re.compile(r"\s*(?:năm\s+)?(?P<year>(?:19|20)\d{2})\s*", re.I)
MEASURED = {"discipline": None, "inspection": "inspection", "supervision": "supervision",
            "violation_found": "violation_found", "commendation": "commendation", "complaints": "complaints",
            "suspension": "suspension", "count": "count"}  # "Số đảng viên được kết nạp", "… bị xóa tên"


COMMENDED = re.compile(r"tập thể,\s*cá nhân|tập thể|cá nhân", re.I)


def _measures(cells: list[str]) -> dict[int, tuple[str, str]]:
    """The columns a header names a measure in: column → (kind, subject class). A discipline form's column is no
    measure: it is a part of the row's total (see `_form_columns`)."""
    found = {}
    for i, cell in enumerate(cells):
        if FORM_CELL.fullmatch(cell):
            continue
        act = TRIGGER.search(cell)
        if not act or act.lastgroup not in MEASURED:
            continue
        org = bool(re.search(ORG_SUBJECT, cell, re.I)) and "đảng viên" not in cell.lower()
        kind = MEASURED[act.lastgroup] or ("discipline_party_orgs" if org else "discipline_party_members")
        # (those commended are classed as every commendation is: "Số tập thể được khen thưởng" counts groups)
        commended = COMMENDED.search(cell) if kind == "commendation" else None
        found[i] = (kind, commended.group(0).lower() if commended else "tổ chức đảng" if org else "đảng viên")
    return found


LABEL_CELL = re.compile(r"^\s*[^\W\d_]")  # a cell that starts with a letter: a label, not a count or "-"
# "Chỉ tiêu | Năm 2024 | Năm 2025", "Nội dung | Kết quả": the measures are the rows, the columns their years or units
MEASURE_HEAD = re.compile(r"\s*(?:chỉ tiêu|nội dung(?!\s+vi phạm)|tiêu chí|hạng mục|số liệu)\s*", re.I)


def _headed(ctx: Sentence, head_cell: re.Pattern) -> tuple[list[re.Match], int | None]:
    """The sentence's table rows and the index of its header row (whose first cell `head_cell` matches)."""
    rows = _table_rows(ctx)
    return rows, next((i for i, r in enumerate(rows) if head_cell.fullmatch(_label_cells(r)[0])), None)


def _when_where(cell: str) -> tuple[str | None, str | None, bool]:
    """What a row's or a column's label says: its year (as a period), its district, and whether it said either."""
    year = YEAR_CELL.fullmatch(cell)
    place = locality_in(cell) if not year else None
    name = place[1] if place else None
    # (a cell is a label, not prose: a numeral ending it after the place is the name's, "Phường Cổ Nhuế 1", a ward
    # before the 2025 reorganisation)
    if name and (numbered := NUMBERED_NAME.search(cell)) and cell[:numbered.start()].rstrip().endswith(name):
        name = f"{name} {numbered[1]}"
    return f"năm {year['year']}" if year else None, name, bool(year or place)


NUMBERED_NAME = re.compile(r"[ \t]+(\d{1,2})[ \t]*$")


def _said_columns(header: list[str]) -> dict[int, tuple[str | None, str | None]]:
    """The columns after the first whose header says a year or a place: column → (period, scope)."""
    return {col: when_where[:2] for col, cell in enumerate(header) if col and (when_where := _when_where(cell))[2]}


def _measure_header(ctx: Sentence) -> tuple[list[re.Match], int | None]:
    """The rows of a table turned the other way and its header's index: headed "Chỉ tiêu | …", or with an empty
    top-left cell over two or more years or places (" | Năm 2025 | Năm 2026")."""
    rows, head = _headed(ctx, MEASURE_HEAD)
    if head is None:
        head = next((i for i, r in enumerate(rows) if not (cells := _label_cells(r))[0].strip()
                     and len(cells) > 2 and all(_when_where(cell)[2] for cell in cells[1:])), None)
    return rows, head


SHARE_ROW = re.compile(r"\s*tỷ lệ\b", re.I)


@rule(8)
def measure_tables(ctx: Sentence) -> None:
    rows, head = _measure_header(ctx)
    if head is None:
        return
    columns = [_when_where(cell)[:2] for cell in _label_cells(rows[head])[1:]]  # per column: (period, scope)
    disciplined: dict[int, Draft] = {}  # column → the discipline figure of the row above
    for row in rows[head + 1:]:
        cells = _label_cells(row)
        # "Trong đó: khai trừ | 4" under "Kỷ luật đảng viên | 25": one form of the row above, in its breakdown
        if (form := FORM_CELL.fullmatch(cells[0])) and disciplined:
            _forms_of_row_above(ctx, row, cells, form["form"].lower(), disciplined)
            continue
        # "Tỷ lệ giải quyết đơn | 95% | 97%": a share per column
        measure = ("percent", None) if SHARE_ROW.match(cells[0]) else _measures(cells[:1]).get(0)
        disciplined = {}
        if measure is None:
            continue
        kind, cls = measure
        starts = _cell_starts(row, len(cells))
        cell_rx = SHARE_CELL if kind == "percent" else COUNT_CELL
        found = [(col, count) for col, cell in enumerate(cells[1:], 1)
                 if col - 1 < len(columns) and (count := cell_rx.fullmatch(cell))
                 and ctx.free(starts[col] + count.start(1), starts[col] + count.end(1))]
        for col, count in found:
            period, scope = columns[col - 1]
            end = starts[col] + (len(cells[col].rstrip()) if kind == "percent" else count.end(1))  # (with its "%")
            draft = ctx.emit(kind, row.start(), end, count_of(count.group(1)), unit=cls or "%",
                             subject_class=cls, period=period, scope=scope)
            if kind in DISCIPLINE_KINDS:
                disciplined[col] = draft


def _forms_of_row_above(ctx: Sentence, row: re.Match, cells: list[str], form: str, disciplined: dict[int, Draft]) -> None:
    starts = _cell_starts(row, len(cells))
    for col, draft in disciplined.items():
        count = COUNT_CELL.fullmatch(cells[col]) if col < len(cells) else None
        if count is None or draft.value is None:
            continue
        ctx.claim(starts[col] + count.start(1), starts[col] + count.end(1))
        draft.breakdown = {**(draft.breakdown or {}), form: int(count_of(count.group(1)))}
        draft.breakdown_complete = sum(draft.breakdown.values()) == draft.value


def _form_columns(cells: list[str]) -> tuple[dict[int, str], int | None]:
    """The columns headed by a discipline form, and the one headed "Tổng" (or naming those disciplined) that totals
    them."""
    forms = {i: m["form"].lower() for i, cell in enumerate(cells) if (m := FORM_CELL.fullmatch(cell))}
    total = next((i for i, cell in enumerate(cells) if i not in forms and i > 0 and (
        TOTAL_CELL.fullmatch(cell) or (act := TRIGGER.search(cell)) and act.lastgroup == "discipline")), None)
    return forms, total


def _grouped_header(rows: list[re.Match], head: int) -> tuple[list[str], int | None]:
    """The header's label of each column, and the first data row. A header whose cells group the columns of a row
    of labels under it ("Đơn vị | Kiểm tra | Giám sát" over "Tổ chức đảng | Đảng viên | Tổ chức đảng | Đảng viên")
    gives each column its group's label and its own — a form's column keeps its form alone. The adapters write a
    spanning cell once per column it spans; text that wrote it once is read only when its groups are equal and their
    labels repeat (a guess that fits no other layout); other groupings leave the columns unknown (no first row)."""
    header = _label_cells(rows[head])
    if head + 2 >= len(rows):
        return header, head + 1
    columns = len(_label_cells(rows[head + 2])) - 1  # the data columns, after the row's label
    sub = _label_cells(rows[head + 1])
    sub = sub[len(sub) - columns:] if len(sub) in (columns, columns + 1) and columns > 0 else []
    if not sub or not all(LABEL_CELL.search(cell) for cell in sub):
        return header, head + 1
    groups = header[1:][-columns:] if len(header) == columns + 1 else header[1:]
    span = len(sub) // len(groups) if groups and len(sub) % len(groups) == 0 else 0
    repeats = all(sub[j].strip().lower() == sub[j % span].strip().lower() for j in range(len(sub))) if span else False
    if not span or span > 1 and not repeats:
        return header, None
    return [header[0]] + [cell if FORM_CELL.fullmatch(cell) else f"{groups[j // span].strip()} {cell.strip()}"
                          for j, cell in enumerate(sub)], head + 2


@rule(7)
def unit_tables(ctx: Sentence) -> None:
    rows, head = _headed(ctx, ROW_HEAD)
    if head is None:
        return
    header, first_row = _grouped_header(rows, head)
    if first_row is None:
        return
    forms, total_col = _form_columns(header)
    measures = {} if forms else _measures(header)
    by_unit = not YEAR_HEAD.fullmatch(header[0])
    heading = _heading(ctx, rows[head].start())
    # the subject is the one the total's column names, else the heading's; a row without a year of its own is of
    # the heading's period, one without a place of the article's
    counted = header[total_col] if total_col is not None and re.search(SUBJECT, header[total_col], re.I) else heading
    org, stated = _counts_organisations(counted), period_in(heading)
    for row in rows[first_row:] if measures or forms else []:
        cells = _label_cells(row)
        period, scope, said = _when_where(cells[0].strip())
        # (a row of a unit that is no place, "Chi bộ khu dân cư số 3", counts too under a head that names units)
        if not (said or TOTAL_CELL.fullmatch(cells[0]) or by_unit and LABEL_CELL.search(cells[0])):
            continue
        period, scope = period or stated, scope or ctx.scope
        # (the row's year is masked as a date: only the count's own cell must be free)
        starts = _cell_starts(row, len(cells))
        if forms:
            _forms_row(ctx, row, cells, starts, forms, total_col, org, period, scope)
            continue
        found = []  # every measure of the row is read before any is emitted: each quote runs from the row's label
        for col, (kind, cls) in measures.items():
            count = COUNT_CELL.fullmatch(cells[col]) if col < len(cells) else None
            if count is not None and ctx.free(starts[col] + count.start("n"), starts[col] + count.end("n")):
                # (a cell that says its unit counts that: "12 tổ chức đảng" under "Kiểm tra")
                said = count["unit"]
                if said:
                    cls = "tổ chức đảng" if re.fullmatch(ORG_SUBJECT, said, re.I) else "đảng viên"
                    if kind in DISCIPLINE_KINDS:
                        kind = "discipline_party_orgs" if cls == "tổ chức đảng" else "discipline_party_members"
                found.append((kind, cls, count_of(count["n"]), starts[col] + count.end("n")))
        for kind, cls, value, end in found:
            ctx.emit(kind, row.start(), end, value, unit=cls, subject_class=cls, period=period, scope=scope)


SHARE_STATED = re.compile(r"\d\s*(?:%|phần trăm)|\d\s*/\s*(?!(?:19|20)\d\d(?!\d))\d", re.I)


def _heading(ctx: Sentence, first: int) -> str:
    """A table's heading: the words before it in its sentence, or the line before it ("Tổ chức đảng bị kỷ luật qua
    các năm:", "Kết quả công tác kiểm tra năm 2026")."""
    before = ctx.folded[max(0, ctx.base - 400):ctx.base]  # (as the rules read it: spaces, breaks, tones)
    line = before.rstrip().rsplit("\n", 1)[-1]
    # (the line right above the table, when it heads it, not a paragraph's last sentence; a blank line may stand
    # between, as the pipeline writes each block as a paragraph)
    # (nor a statement of a share left without its stop, "Tỷ lệ tổ chức cơ sở đảng … đạt 92%")
    heads = before.rstrip(" \t").endswith("\n") and not line.rstrip().endswith((".", "!", "?", "…", ";")) \
        and not SHARE_STATED.search(line)
    return ctx.s[:first] + " " + (line if heads else "")


def _counts_organisations(head: str) -> bool:
    """Whether a table's heading (or its total's column) names organisations and no members."""
    return bool(re.search(ORG_SUBJECT, head, re.I)) and "đảng viên" not in head.lower()


def _forms_row(ctx: Sentence, row: re.Match, cells: list[str], starts: list[int], forms: dict[int, str],
               total_col: int | None, org: bool, period: str | None, scope: str | None) -> None:
    """One row of a table whose columns are the forms: the row's total with its breakdown."""
    breakdown: dict[str, int] = {}
    for col, form in forms.items():
        count = COUNT_CELL.fullmatch(cells[col]) if col < len(cells) else None
        if count is not None:
            breakdown[form] = int(count_of(count["n"]))
    total = COUNT_CELL.fullmatch(cells[total_col]) if total_col is not None and total_col < len(cells) else None
    value = count_of(total["n"]) if total else None
    if not breakdown:
        return
    # (a short row, "2024 |", has fewer cells than the header's columns: its quote ends at its last cell read)
    last = max(col for col in [*forms, *([total_col] if total else [])] if col < len(cells))
    end = starts[last] + len(cells[last].rstrip())
    if not ctx.free(starts[min(forms)], end):
        return
    subject = "tổ chức đảng" if org else "đảng viên"
    ctx.emit("discipline_party_orgs" if org else "discipline_party_members", row.start(), end, value, unit=subject,
             subject=subject, subject_class=subject, breakdown=breakdown,
             breakdown_complete=value is not None and sum(breakdown.values()) == value, period=period, scope=scope)


def _cell_starts(row: re.Match, kept: int) -> list[int]:
    """Where each of the row's last `kept` cells starts in the sentence."""
    starts = [row.start()] + [row.start() + i + 1 for i, ch in enumerate(row.group(0)) if ch == "|"]
    return starts[len(starts) - kept:]


def _label_cells(row: re.Match) -> list[str]:
    """A row's cells without a leading running-number column ("STT | Đơn vị | …", "1 | Quận Ba Đình | …")."""
    cells = row.group(0).split("|")
    if len(cells) > 2 and (NUMBER_HEAD.fullmatch(cells[0]) or re.fullmatch(r"\s*\d{1,3}\.?\s*", cells[0])):
        return cells[1:]
    return cells
