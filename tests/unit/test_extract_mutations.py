"""Real pages arrive damaged: a cell lost to a line break, a stop glued to the next word, a bracket left open. Corpus
texts mutated at random (seeded: a failure names the case and the text) must extract without an error, every quote
the text's own at its offsets."""

import random

from scrapers.extract import extract_all
from scrapers.text import nfc
from tests.unit.test_corpus import CASES

MARKS = [*".,;:()-–|\n\t “”\"%/+•0123456789", "\n\n", " và ", " trong đó ", "Tổng: ", " (", ") "]


def _mutated(rnd: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rnd.randint(1, 6)):
        op, pos = rnd.random(), rnd.randrange(len(chars) + 1)
        if op < 0.4:
            chars.insert(pos, rnd.choice(MARKS))
        elif chars and op < 0.7:
            del chars[min(pos, len(chars) - 1)]
        elif chars:
            chars[min(pos, len(chars) - 1)] = rnd.choice(MARKS)
    return nfc("".join(chars))


def test_mutated_texts_extract_without_error():
    rnd = random.Random(20261203)
    texts = [c["text"] for _, c in CASES if not c.get("nfd")]
    for _ in range(1200):
        text = _mutated(rnd, rnd.choice(texts))
        try:
            items = extract_all(text)
        except Exception as error:  # noqa: BLE001 (the text is the report)
            raise AssertionError(f"{error!r} on {text!r}") from error
        for item in items:
            assert text[item["start"]:item["end"]] == item["quote"], (item, text)
