"""A paragraph's statements are its own: two corpus cases joined as paragraphs of one article keep every figure each
gives alone (a list of forms may join a total before it, a part may link to one, but nothing is lost). The pairs
are drawn with a fixed seed, so a failure names the two cases to read."""

import random
from collections import Counter

from scrapers.evaluation import load_cases
from scrapers.extract import extract_all
from scrapers.text import nfc
from tests.unit.test_corpus import CORPUS

CASES = [(c["id"], nfc(c["text"])) for f in sorted(CORPUS.glob("statements_b*_sentences.yaml")) for c in load_cases(f)
         if not c.get("gap") and not c.get("nfd")]
PAIRS = random.Random(20261203).sample([(a, b) for a in range(len(CASES)) for b in range(len(CASES)) if a != b], 300)


def _figures(text: str) -> Counter:
    return Counter((i["kind"], i["value"]) for i in extract_all(text) if i["type"] == "figure" and i["value"] is not None)


def test_joined_paragraphs_keep_each_paragraphs_figures_and_add_none():
    lost, gained = [], []
    for a, b in PAIRS:
        (id_a, first), (id_b, second) = CASES[a], CASES[b]
        alone, joined = _figures(first) + _figures(second), _figures(first + "\n\n" + second)
        if missing := alone - joined:
            lost.append((id_a, id_b, dict(missing)))
        if extra := joined - alone:
            gained.append((id_a, id_b, dict(extra)))
    assert not lost, lost[:5]
    assert not gained, gained[:5]
