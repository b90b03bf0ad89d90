"""The unit the rules read: one sentence of an article, with what it needs of its neighbours and the claims."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from scrapers.extract.claims import Claims
from scrapers.extract.dates import labelled_periods, period_text, stated_periods
from scrapers.extract.model import Draft
from scrapers.extract.patterns import BULLET, FORM, ITEM_LINE, ITEM_NUMBER, TRIGGER
from scrapers.extract.scope import LOCALITY, body_in, figure_scope
from scrapers.text import CELL_TAB, LOWER, RELATED_LINE, UPPER, is_furniture
from scrapers.vocabulary import canonical_form

# A line break ends a sentence, except before a bulleted line ("- Khiển trách: 45 đồng chí;") that continues a list
# the previous line opened with ":" or went on with ";" or ",".
# Every alternative starts with white space: the leading lookahead fails at once everywhere else (about twice as fast
# over an article).
# (a capital is one of UPPER: the range "À-Ỹ" would take lowercase letters too, "… 80 tr. đồng")
SENTENCE_END = re.compile(
    # (not after an abbreviation: "TP. Hà Nội", "TS. …", a district's "Q. Hà Đông", "H. Sóc Sơn", "TX. Sơn Tây")
    rf"(?=\s)(?:(?<!\bTP)(?<!\bTp)(?<!\bThS)(?<!\bTS)(?<!\bQ\.)(?<!\bP\.)(?<!\bH\.)(?<!\bTX\.)(?<=[.!?…])\s+"
    rf"(?=[\"“(]?[{UPPER}]|\d+(?:[.,]\d+)?\s*%)"
    # ("… trong lĩnh vực đất đai. 8 trường hợp vi phạm về …": a sentence may open on its count, after a word's stop)
    rf"|(?<=[{LOWER}]\.)[ \t]+(?=\d[\d.,]*\s+[{LOWER}])"
    # (atomic: the white space after a colon is taken whole, blank lines and all, before a bullet is looked for)
    rf"|(?<![:;,\s])[ \t]*\n+|(?<=[:;,])[ \t]*\n(?>\s*)(?!{BULLET}\s)"
    # ("… giám sát 860 đảng viên; trong số đó, Ban Thường vụ …": a semicolon before an opener a sentence starts with,
    # and its comma or colon, is a full stop)
    # ("; trong đó: đơn phản ánh: 20, …" lists the total's parts in its own sentence)
    rf"|(?<=;)[ \t]+(?=(?:(?:trong (?:số )?đó|cụ thể|đối với [^,:;.\n\d]{{1,40}}|riêng [^,:;.\n\d]{{1,40}}"
    rf"|trong số (?!đó)[^,:;.\n\d]{{1,60}}|tính chung[^,:;.\n\d]{{0,40}}|qua đó)\s*,"
    rf"|(?:cụ thể|về hình thức(?: kỷ luật)?)\s*:)))")
# Longer "sentences" (a page with no full stops, a table flattened into one line) are cut at the next clause
# break, else at a space, so every rule reads a bounded window and extraction stays linear in text size.
MAX_SENTENCE = 2000


# a full stop with no space after it, between a word and the next sentence's capital ("… 12 đảng viên.Năm 2026, …",
# as sloppy portals write): a break all the same after a word or a closing bracket or quotation mark — not after an
# abbreviation of one or two letters ("Tp.Hà Nội", "Th.S"), whose letters before the stop are not two lowercase ones
GLUED_STOP = re.compile(rf"\.(?=[{UPPER}][{LOWER}])")


def _breaks(text: str) -> list[tuple[int, int]]:
    wrapped = _hard_wrapped(text)
    found = [(m.start(), m.end()) for m in SENTENCE_END.finditer(text) if not (wrapped and _soft_break(text, m))]
    glued = [(m.end(), m.end()) for m in GLUED_STOP.finditer(text)
             if text[m.start() - 1:m.start()] in (")", "”", '"') or text[m.start() - 2:m.start()].islower()
             and text[m.start() - 2:m.start()].isalpha()]
    return sorted(found + glued) if glued else found


def sentences(text: str) -> Iterator[tuple[int, str]]:
    spans: list[list[int]] = []
    start = 0
    for a, b in _breaks(text):
        if a < start:
            continue
        if a > start:
            spans.append([start, a])
        start = b
    if start < len(text):
        spans.append([start, len(text)])
    for start, end in _join_table_rows(text, _join_form_lines(text, _join_bare_numbers(text, spans))):
        yield from _bounded(text, start, end)


# a text copied from a PDF onto a portal breaks its lines in mid-sentence ("… đã thi hành kỷ luật 42\nđảng viên"): one
# line that ends without a stop while the next goes on in lowercase is the sign of it
def _hard_wrapped(text: str) -> bool:
    """Whether some line ends with no stop and the next goes on in lowercase (the case is asked of the letter:
    "[a-zà-ỹđ]" would take Vietnamese capitals too)."""
    at = first = text.find("\n")
    while at >= 0:
        before = at - 1
        while before >= 0 and text[before] in " \t":
            before -= 1
        after = text[at + 1:at + 40].lstrip(" \t\n")
        # (or a count going on with its noun, "… kỷ luật\n598 đảng viên" — not after the title, which a lead may
        # follow opening on a count: "… 214 đảng viên\n9 tháng năm 2025, …")
        # (a list's item lettered in lowercase, "a) Giám sát …", opens a line of its own)
        if before >= 0 and text[before] not in ".!?…:;|\n" and (after[:1].islower() and not ITEM_OPENS.match(after)
                                                                or _lowercase_word_ends(text, before + 1) and first < at
                                                                and WRAPPED_COUNT.match(after)):
            return True
        at = text.find("\n", at + 1)
    return False


def _lowercase_word_ends(text: str, end: int) -> bool:
    """Whether the word ending at `end` is a lowercase one: a sentence going on ("… kỷ luật"), not a name ending a
    byline ("Hoài Nam - Minh Anh") that a count's line may follow."""
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return start < end and text[start].islower()


# a line that opens a list's item or a lettered or numbered heading ("- …", "2) …", "a) …", "B. NHIỆM VỤ …", "II. …")
ITEM_OPENS = re.compile(rf"[ \t]*(?:{BULLET}|{ITEM_NUMBER}|[A-ZĐ]\.|[IVX]+\.)\s")
BLANK_LINE_BEFORE = re.compile(r"\n[ \t]*\n[ \t]*$")
WRAPPED_LINE = 70  # a line this long with no stop is prose wrapped, not a subheading


def soft_breaks_as_spaces(text: str) -> str:
    """Hard-wrapped text with the line breaks that only wrap a sentence read as spaces ("… kỷ luật 3 tổ\nchức đảng" as
    "… 3 tổ chức đảng"), so that every rule reads the words whole: same length, offsets survive."""
    if "\n" not in text:
        return text
    # (Windows line ends are breaks, a lone carriage return one too, as the rules read them: read without the
    # carriage returns, each character of the view knowing where it was)
    if "\r" in text:
        where = [i for i, c in enumerate(text) if c != "\r" or text[i + 1:i + 2] != "\n"]
        view = "".join("\n" if text[i] == "\r" else text[i] for i in where)
    else:
        where, view = range(len(text)), text
    if not _hard_wrapped(view):
        return text
    chars = list(text)
    for m in SENTENCE_END.finditer(view):
        # (only where the wrap is sure: the line goes on in lowercase or with a count, or was long — a short line
        # before a capital may be a label or a heading, "Khen thưởng\nChia sẻ", and keeps its break)
        nxt = view[m.end():m.end() + 40]
        line = m.start() - view.rfind("\n", 0, m.start()) - 1
        if _soft_break(view, m) and (nxt[:1].islower() or WRAPPED_COUNT.match(nxt) and _lowercase_word_ends(view, m.start())
                                     or line >= WRAPPED_LINE):
            for at in where[m.start():m.end()]:
                if chars[at] in "\r\n":
                    chars[at] = " "
                    if at and chars[at - 1] == "\r":
                        chars[at - 1] = " "
    return "".join(chars)


def _table_row(line: str) -> bool:
    """A table's row: cells between borders, or set apart by tabs as a table copied as text is ("Khai trừ\t1")."""
    return "|" in line or "\t" in line and CELL_TAB.search(line) is not None


def _soft_break(text: str, m: re.Match) -> bool:
    """In hard-wrapped text, a line break after a line with no stop (not a table row, not before a bullet or a bare
    number) only wraps the sentence."""
    if "\n" not in m.group(0) or m.start() == 0 or text[m.start() - 1] in ".!?…:;":
        return False
    line_start = text.rfind("\n", 0, m.start()) + 1
    next_end = text.find("\n", m.end())
    nxt = text[m.end():next_end if next_end >= 0 else len(text)]
    if not nxt.strip():
        return False  # (a blank line, however typed, ends the paragraph)
    # (nor before a page's furniture, "Tin liên quan", "Chia sẻ", which opens no sentence)
    if _table_row(text[line_start:m.start()]) or _table_row(nxt) or ITEM_OPENS.match(nxt) or BARE_NUMBER.fullmatch(nxt) \
            or len(nxt) <= 60 and (RELATED_LINE.fullmatch(nxt) or is_furniture(nxt)):
        return False
    # (an infographic's number on its line, and the label under it: "98,2%\ntổ chức cơ sở đảng …\n58 tập thể …")
    above_end = len(text[:line_start].rstrip())  # (the line above, past blank ones)
    above = text.rfind("\n", 0, above_end) + 1
    if BARE_NUMBER.fullmatch(text, line_start, m.start()) or above_end and BARE_NUMBER.fullmatch(text, above, above_end):
        return False
    # a line going on in lowercase always wraps (the pipeline writes each of a page's lines as a paragraph: a blank
    # line may stand between); any other only after the title (a title has no stop either), and not across a blank
    # line (a paragraph or a subheading of its own)
    first = nxt.lstrip()[:1]
    # (not between lines that each open on a count: the items of an infographic or a list, "11.250 đảng viên mới được
    # kết nạp\n58 tập thể, cá nhân được khen thưởng")
    if first.isdigit() and COUNT_OPENS.match(text, line_start):
        return False
    if first.islower() or first.isdigit() and _lowercase_word_ends(text, m.start()):  # ("… gồm khiển trách\n\n4, …")
        return True
    # (a subheading is short: a long line is wrapped like the rest, a blank line between or not)
    return line_start > 0 and (m.start() - line_start >= WRAPPED_LINE or m.group(0).count("\n") < 2
                               and not BLANK_LINE_BEFORE.search(text, 0, line_start))


WRAPPED_COUNT = re.compile(rf"\d[\d.,]*(?:[ \t]+[{LOWER}]|[ \t]*%)")
# (its noun in either case, "1.240 Đảng viên"; its thousands apart by a space or a dot, "1 240 đảng viên")
COUNT_OPENS = re.compile(r"[ \t]*\d(?:[\d.,]|[ \t](?=\d))*(?:[ \t]+[^\W\d_]|[ \t]*%)")
BARE_NUMBER = re.compile(r"\s*(?:(?:hơn|gần|trên|khoảng)\s+)?\d[\d.,]*\s*%?\s*", re.I)


MARKUP = " \t*_#>\"“"  # (what a line may open with before its first letter: "**Quận Long Biên: …**", "> …")


def _join_bare_numbers(text: str, spans: list[list[int]]) -> list[list[int]]:
    """A number on a line of its own is the figure of the line after it, its label (an infographic's "3.416\ntổ
    chức đảng được kiểm tra"): the two are one sentence. Lines that alternate label and number from a label to a
    number ("Đảng viên được kiểm tra\n1.284\nĐảng viên bị kỷ luật\n57") put each label before its number."""
    # (not a list's item number the splitter cut from its line, "3. Công tác thi hành kỷ luật")
    bare = [BARE_NUMBER.fullmatch(text, a, b) is not None and _ends_its_line(text, b) for a, b in spans]
    label_first = [False] * len(spans)
    i = 0
    while i < len(spans):
        j = i  # the run of lines from i that alternate label and number, nothing between them
        while j + 1 < len(spans) and bare[j] != bare[j + 1] and _adjacent(text, spans[j][1], spans[j + 1][0]) \
                and (bare[j + 1] or _label_like(text, spans[j + 1])):
            j += 1
        # (a run from a label to a label reads either way: labels that open in capitals, as the first does, are
        # each before its number and the last line is the next block's, a headline; "412\nlượt công dân được tiếp"
        # in lowercase goes on from the number before it)
        if not bare[i] and j > i and not bare[j] and _label_like(text, spans[i]) \
                and all(text[spans[k][0]:spans[k][1]].lstrip(MARKUP)[:1].isupper() for k in range(i, j + 1) if not bare[k]):
            j -= 1
        if j > i and not bare[i] and bare[j]:
            label_first[i:j + 1] = [True] * (j + 1 - i)
        i = j + 1
    joined: list[list[int]] = []
    for k, span in enumerate(spans):
        after_number = joined and not label_first[k] and BARE_NUMBER.fullmatch(text, joined[-1][0], joined[-1][1])
        if (after_number and _label_like(text, span) or label_first[k] and bare[k]) \
                and _adjacent(text, joined[-1][1], span[0]):
            joined[-1][1] = span[1]
        else:
            joined.append(list(span))
    return joined


def _ends_its_line(text: str, end: int) -> bool:
    line_end = text.find("\n", end)
    return not text[end:line_end if line_end >= 0 else len(text)].strip()


def _adjacent(text: str, end: int, start: int) -> bool:
    """Whether two lines follow each other with nothing but white space between them (a blank line may: the pipeline
    writes each of a page's blocks as a paragraph)."""
    return not text[end:start].strip()


def _label_like(text: str, span: list[int]) -> bool:
    """Whether a line can be an infographic's label: short, with no stop at its end ("tổ chức đảng được kiểm tra"),
    not a paragraph of prose."""
    line = text[span[0]:span[1]].rstrip()
    return len(line) <= 100 and not line.endswith((".", "!", "?", "…", ";"))


# a list item of a "<ul>" rendered as a bare line: a form and its count, with no bullet and no stop (its unit may be
# the abbreviated "đ/c")
FORM_LINE = re.compile(rf"\s*(?:{BULLET}\s*)?(?:hình thức\s+)?{FORM}(?:\s+ra khỏi đảng)?\s*:?\s*(?:là\s+|có\s+)?\d[\d.]*"
                       r"(?:\s+(?:đ/c|Đ/c|[^\W\d]+)){0,3}\s*[;,.]?\s*", re.I)


def _join_form_lines(text: str, spans: list[list[int]]) -> list[list[int]]:
    """Lines of forms and their counts after a line that ends with ":" ("… kỷ luật 17 đảng viên, cụ thể:\nKhiển trách
    12 đảng viên\nCảnh cáo 4 đảng viên") are one sentence with it, as bulleted lines are."""
    joined: list[list[int]] = []
    listing = False
    for span in spans:
        before = text[joined[-1][0]:joined[-1][1]].rstrip() if joined else ""
        if joined and (FORM_LINE.fullmatch(text, span[0], span[1]) and (
                listing or before.endswith(":") or _opens_forms(text, joined[-1]))
                # "Vi phạm chủ yếu thuộc các lĩnh vực:\nQuản lý đất đai (41 trường hợp);\nChính sách …": short items
                # after a heading's colon, each but the last closed by a semicolon
                or before.endswith((":", ";")) and ":" in before and _list_item(text, span)):
            joined[-1][1] = span[1]
            listing = True
        else:
            joined.append(span)
            listing = False
    return joined


def _opens_forms(text: str, span: list[int]) -> bool:
    """Whether a sentence is a heading and the first bulleted form line after it ("Hình thức kỷ luật:\n• Khiển
    trách: 6"), which the bullet kept together: the next form lines go on the same list."""
    last_line = text.rfind("\n", span[0], span[1])
    return last_line > span[0] and text[span[0]:last_line].rstrip().endswith(":") \
        and FORM_LINE.fullmatch(text, last_line + 1, span[1]) is not None


def _list_item(text: str, span: list[int]) -> bool:
    """A line that can be an item of a list: short, closed by a semicolon or a stop (or nothing), one clause."""
    line = text[span[0]:span[1]].strip()
    return 0 < len(line) <= 160 and "|" not in line and ":" not in line and line.count(";") <= 1 and not re.search(r"[.;]\s+\S", line)


def _join_table_rows(text: str, spans: list[list[int]]) -> list[list[int]]:
    """A table's rows ("Khiển trách | 12 | 60%", one line each) are one sentence: the rules read a table whole. A
    header (a row with no number) after a row of numbers, with another number of cells, starts another table (two
    tables one after the other: the pipeline writes every row as a paragraph, so no blank line tells them apart)."""
    joined: list[list[int]] = []
    for span in spans:
        row, before = text[span[0]:span[1]], text[joined[-1][0]:joined[-1][1]] if joined else ""
        last = before[before.rfind("\n") + 1:]
        another = row.count("|") != last.count("|") and not re.search(r"\d", row) and re.search(r"\d", last)
        if (joined and "|" in row and "|" in before and not text[joined[-1][1]:span[0]].strip() and not another):
            joined[-1][1] = span[1]
        else:
            joined.append(span)
    return joined


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    while end - start > MAX_SENTENCE:
        window = text[start:start + MAX_SENTENCE]
        cut = max(window.rfind(";"), window.rfind(". "))
        if cut < MAX_SENTENCE // 2:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = MAX_SENTENCE - 1
        yield start, text[start:start + cut + 1]
        start += cut + 1
    if end > start:
        yield start, text[start:end]


# the count's first digit: not a year's said in the count's own words ("Tổng số đảng viên được kiểm tra trong năm 2026
# của Đảng bộ xã Đông La là 58", "… trong quý III/2026 …")
FIRST_DIGIT = re.compile(r"(?<![\d/])(?!(?<=năm )(?:19|20)\d\d(?!\d))\d")
# a year right after a figure's number, not a label's ("… năm 2025 là 24"): the figure's own period
OWN_YEAR = re.compile(r"[ \t]+(năm (?:19|20)\d\d)(?!\d)(?![ \t]*(?:là|có|[:/]))", re.I)


@dataclass
class Sentence:
    text: str  # the article as given (quotes come from it)
    base: int  # offset of the sentence in the article
    s: str  # the sentence, folded (`text.matchable`): rules match on this
    index: int
    period: str | None
    following: list[tuple[int, str]]  # the next few sentences (a breakdown may follow its total)
    claims: Claims
    scope: str | None  # the article's locality
    previous: str | None = None  # the sentence before, in the same paragraph (folded)
    whole: str | None = None  # the city or province "toàn thành phố / toàn tỉnh" means
    out: list[Draft] = field(default_factory=list)
    _triggers: list[tuple[int, int, str]] | None = None
    periods: list[tuple[int, str]] | None = None  # (offset, period) of each period the sentence states
    folded: str = ""  # the whole article as the rules read it (`s` is a slice of it)
    _labelled: list[tuple[int, int, str]] | None = None

    @property
    def triggers(self) -> list[tuple[int, int, str]]:
        """(start, end, kind) of every predicate word in the sentence, found once."""
        if self._triggers is None:
            self._triggers = [(m.start(), m.end(), m.lastgroup) for m in TRIGGER.finditer(self.s)]
        return self._triggers

    @property
    def list_heading(self) -> str | None:
        """The line that opened the list this sentence's line is an item of ("Phân loại vi phạm:\n- …: 4 trường
        hợp\n- …"), when the sentence begins a bulleted or numbered line and every line between is an item too."""
        if not ITEM_LINE.match(self.s) or self.folded[self.folded.rfind("\n", 0, self.base) + 1:self.base].strip():
            return None
        end = self.folded.rfind("\n", 0, self.base)
        while end > 0:
            start = self.folded.rfind("\n", 0, end) + 1
            line = self.folded[start:end]
            if line.strip() and not ITEM_LINE.match(line):
                return line if line.rstrip().endswith(":") else None
            end = start - 1
        return None

    @property
    def previous_act(self) -> str | None:
        """The act the sentence before ended on ("… giám sát 25 đảng viên. Qua đó, đã nhắc nhở 3 đồng chí" points
        back to it); found only when asked, few sentences point back."""
        acts = list(TRIGGER.finditer(self.previous)) if self.previous else []
        return acts[-1].lastgroup if acts else None

    def periods_stated(self) -> list[tuple[int, str]]:
        """(offset, period) of each period the sentence states, in order."""
        if self.periods is None:
            self.periods = [(m.start(), period_text(m)) for m in stated_periods(self.s)]
        return self.periods

    def period_at(self, pos: int) -> str | None:
        """The period stated last before `pos` in this sentence ("6 tháng cuối năm 2023 … ; 6 tháng đầu năm 2024
        kỷ luật 3 …"), else the sentence's own or the one carried from its paragraph."""
        self.periods_stated()
        if self._labelled is None:
            self._labelled = labelled_periods(self.s)
        if inside := [p for s, e, p in self._labelled if s < pos < e]:
            return inside[0]
        before = [p for s, p in self.periods if s < pos]
        return before[-1] if before else self.period

    def free(self, start: int, end: int) -> bool:
        return self.claims.free(self.base + start, self.base + end)

    def claim(self, start: int, end: int) -> None:
        self.claims.take(self.base + start, self.base + end)

    def emit(self, kind: str, start: int, end: int, value, **fields) -> Draft:
        """A figure quoted by sentence[start:end]; its characters are claimed. Its period and scope are read from
        the sentence unless the rule knows them (a table row's year or district)."""
        self.claim(start, end)
        if fields.get("breakdown"):  # every rule keys forms as written: one name for each here
            breakdown: dict[str, int] = {}
            for form, n in fields["breakdown"].items():
                breakdown[canonical_form(form)] = breakdown.get(canonical_form(form), 0) + n
            fields["breakdown"] = breakdown
        # (a year right after the number is the figure's own: "tăng từ 82,4% năm 2025 lên 86,1% năm 2026")
        own = OWN_YEAR.match(self.s, end)
        period = fields.pop("period", None) or (own.group(1) if own else self.period_at(start))
        # (a place named inside a stated count's own words is the count's: "Số đơn tố cáo gửi đến Ủy ban Kiểm tra
        # Huyện ủy Phúc Thọ là 24 đơn")
        number = FIRST_DIGIT.search(self.s, start, end)
        at = number.start() if number and LOCALITY.search(self.s, start, number.start()) else start
        scope = fields.pop("scope", None) or figure_scope(self.s, at, self.scope, self.whole)
        draft = Draft(kind, value, self.base + start, self.base + end, period=period, sentence=self.index,
                      scope=scope, body=body_in(self.s, start), **fields)
        self.out.append(draft)
        return draft
