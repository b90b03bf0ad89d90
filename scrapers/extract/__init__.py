"""Pure extraction of figures, documents, officials and event dates from article text (no I/O)."""

from __future__ import annotations

import re
from datetime import date

from scrapers.extract.dates import find_event_dates
from scrapers.extract.documents import find_documents
from scrapers.extract.figures import extract_figures
from scrapers.extract.officials import find_officials
from scrapers.extract.sentence import soft_breaks_as_spaces
from scrapers.text import look_alikes_read, marks_closed, nfc, plain_spaces, spelled_out_blanked

__all__ = ["MAX_TEXT_CHARS", "TextTooLarge", "extract_all"]

# A long report runs to 50 000 characters; anything a thousand times that is not an article (a dump, a bomb) and is
# refused with a reason instead of holding a worker.
MAX_TEXT_CHARS = 2_000_000


class TextTooLarge(ValueError):
    """The text is over MAX_TEXT_CHARS; the caller quarantines it with this message."""


def extract_all(text: str, published: date | None = None, locality: str | None = None) -> list[dict]:
    """Every mention in `text` (which must already be NFC), each with its exact quote and offsets. `locality` is
    the source's own locality (a district portal), the default scope of its figures."""
    if len(text) > MAX_TEXT_CHARS:
        raise TextTooLarge(f"text of {len(text):,} characters is over the {MAX_TEXT_CHARS:,} limit")
    if nfc(text) != text:
        raise ValueError("extract_all expects NFC text; normalise with scrapers.text.nfc first")
    # a text typed or pasted with runs of spaces ("kỷ luật  12 đảng viên") is read with one space each, its offsets
    # mapped back: every rule writes single spaces (and with a space typed before a comma, a semicolon or a colon
    # moved after it, "12 đảng viên , trong đó :" as "12 đảng viên, trong đó:")
    # ("Ðảng" typed with an eth is read as "Đảng", and hard-wrapped lines whole: "… 1.208 tổ\nchức đảng")
    # ("05 (năm) đảng viên", a count spelled out again in words, as "05 đảng viên")
    read, back = _single_spaced(marks_closed(spelled_out_blanked(look_alikes_read(soft_breaks_as_spaces(text)))))
    items = list(extract_figures(read, published, locality))
    # (documents, officials and dates are read with plain spaces, "Quy định số\u00a069-QĐ/TW" as any other)
    spaced = plain_spaces(read)
    items += [{"type": "document", **d} for d in find_documents(spaced)]
    items += [{"type": "official", **o} for o in find_officials(spaced)]
    items += [{"type": "event_date", **d} for d in find_event_dates(spaced, published)]
    if read != text or spaced != read:
        for item in items:  # every quote is the text's own, at its own offsets
            if back is not None:
                item["start"], item["end"] = back[item["start"]], back[item["end"] - 1] + 1
            item["quote"] = text[item["start"]:item["end"]]
    return sorted(items, key=lambda i: (i["start"], i["type"]))


SPACE_RUN = re.compile(r"[ \u00a0]{2,}")  # (not tabs: a run of tabs parts a table's cells)


def _single_spaced(text: str) -> tuple[str, list[int] | None]:
    """The text with each run of spaces one space, and where each of its characters was in `text` (None when the
    text has no run)."""
    if not SPACE_RUN.search(text):
        return text, None
    parts, back, at = [], [], 0
    for m in SPACE_RUN.finditer(text):
        parts.append(text[at:m.start()] + " ")
        back.extend(range(at, m.start() + 1))
        at = m.end()
    parts.append(text[at:])
    back.extend(range(at, len(text)))
    return "".join(parts), back
