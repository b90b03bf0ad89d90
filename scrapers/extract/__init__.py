"""Pure extraction of figures, documents, officials and event dates from article text (no I/O)."""

from __future__ import annotations

from datetime import date

from scrapers.extract.dates import find_event_dates
from scrapers.extract.documents import find_documents
from scrapers.extract.figures import extract_figures
from scrapers.extract.officials import find_officials
from scrapers.text import nfc, plain_spaces

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
    items = list(extract_figures(text, published, locality))
    # (documents, officials and dates are read with plain spaces, "Quy định số\u00a069-QĐ/TW" as any other; their
    # quotes are the text's own)
    spaced = plain_spaces(text)
    others = [{"type": "document", **d} for d in find_documents(spaced)]
    others += [{"type": "official", **o} for o in find_officials(spaced)]
    others += [{"type": "event_date", **d} for d in find_event_dates(spaced, published)]
    if spaced != text:
        for item in others:
            item["quote"] = text[item["start"]:item["end"]]
    return sorted(items + others, key=lambda i: (i["start"], i["type"]))
