"""A paragraph's statements are its own: two corpus cases joined as paragraphs of one article keep every figure each
gives alone (a list of forms may join a total before it, a part may link to one, but nothing is lost). The pairs
are drawn with a fixed seed, so a failure names the two cases to read."""

import random
from collections import Counter

from scrapers.evaluation import load_cases
from scrapers.extract import extract_all
from scrapers.extract.figures import DESCRIBES
from scrapers.text import RELATED_LINE, nfc
from tests.unit.test_corpus import CORPUS

CASES = [(c["id"], nfc(c["text"])) for f in sorted(CORPUS.glob("statements_b*_sentences.yaml")) for c in load_cases(f)
         if not c.get("gap") and not c.get("nfd")]
# (a text that ends in a list of other stories' headlines, "Tin liên quan\n\nHà Nội: Kỷ luật 312 đảng viên …", is not
# followed by a paragraph of its own: a headline-like line after it is one more related story, as on the page)
ENDS_IN_RELATED = {i for i, (_, text) in enumerate(CASES) if RELATED_LINE.search(text)}
PAIRS = random.Random(20261203).sample([(a, b) for a in range(len(CASES)) for b in range(len(CASES))
                                        if a != b and a not in ENDS_IN_RELATED], 300)


def _figures(text: str, forms: bool = False) -> Counter:
    """(kind, value) of every figure with a value — and, with `forms`, of every form's count in a breakdown: a
    paragraph that opens on what the one before counted ("Số đảng viên bị kỷ luật bằng hình thức khai trừ là 42",
    "Có 5 trường hợp bị khai trừ") gives the total before it its form, which keeps the count."""
    items = [i for i in extract_all(text) if i["type"] == "figure"]
    found = Counter((i["kind"], i["value"]) for i in items if i["value"] is not None)
    if forms:
        found += Counter((i["kind"], n) for i in items for n in (i.get("breakdown") or {}).values())
    return found


def test_joined_paragraphs_keep_each_paragraphs_figures_and_add_none():
    lost, gained = [], []
    for a, b in PAIRS:
        (id_a, first), (id_b, second) = CASES[a], CASES[b]
        alone, joined = _figures(first) + _figures(second), _figures(first + "\n\n" + second)
        if missing := alone - _figures(first + "\n\n" + second, forms=DESCRIBES.match(second) is not None):
            lost.append((id_a, id_b, dict(missing)))
        if extra := joined - alone:
            gained.append((id_a, id_b, dict(extra)))
    assert not lost, lost[:5]
    assert not gained, gained[:5]
