"""Pure extraction of figures, documents, officials and event dates from article text (no I/O)."""

from __future__ import annotations

from datetime import date

from scrapers.extract.dates import find_event_dates
from scrapers.extract.documents import find_documents
from scrapers.extract.figures import extract_figures
from scrapers.extract.officials import find_officials
from scrapers.text import nfc

__all__ = ["extract_all"]


def extract_all(text: str, published: date | None = None) -> list[dict]:
    """Every mention in `text` (which must already be NFC), each with its exact quote and offsets."""
    if nfc(text) != text:
        raise ValueError("extract_all expects NFC text; normalise with scrapers.text.nfc first")
    items = list(extract_figures(text))
    items += [{"type": "document", **d} for d in find_documents(text)]
    items += [{"type": "official", **o} for o in find_officials(text)]
    items += [{"type": "event_date", **d} for d in find_event_dates(text, published)]
    return sorted(items, key=lambda i: (i["start"], i["type"]))
