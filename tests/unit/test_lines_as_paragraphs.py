"""The pipeline writes each block of a page (a paragraph, a list item, a table row) as a paragraph of its own, with a
blank line between (derive.article_text); the corpora mostly write lines. Every annotated case with line breaks must
read the same with each of its lines a paragraph."""

import copy

from scrapers.evaluation import score_case
from tests.unit.test_corpus import CASES

LINED = [c for _, c in CASES if "\n" in c["text"] and not c.get("gap")]


def test_every_lined_case_reads_the_same_with_its_lines_as_paragraphs():
    assert len(LINED) > 400  # the corpora hold many cases with lines (tables, lists, headlines over bodies)
    failed = []
    for case in LINED:
        doubled = copy.deepcopy(case)
        doubled["text"] = case["text"].replace("\n", "\n\n")
        result = score_case(doubled)
        if not result.ok:
            failed.append((case["id"], result.missed, result.spurious, result.other_errors))
    assert not failed, failed[:5]
