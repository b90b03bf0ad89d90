"""Paragraphs compose, exhaustively: random pairs of corpus cases joined as two paragraphs of one article must keep
every figure each gives alone and add none (the unit test checks a fixed sample of 300 pairs; this draws as many
as asked, from any seed, and prints each pair that loses or gains a figure).

    .venv/bin/python bench/bench_joined_paragraphs.py [--pairs 5000] [--seed 97]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scrapers.evaluation import joined_paragraphs, load_cases  # noqa: E402
from scrapers.text import RELATED_LINE, nfc  # noqa: E402
from scrapers.versions import EXTRACTOR_VERSION  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=97)
    args = parser.parse_args()
    cases = [(c["id"], nfc(c["text"])) for f in sorted((ROOT / "tests" / "corpus").glob("statements_b*_sentences.yaml"))
             for c in load_cases(f) if not c.get("gap") and not c.get("nfd")]
    # (a text ending in other stories' headlines is followed by no paragraph of its own, as on the page)
    firsts = [i for i, (_, text) in enumerate(cases) if not RELATED_LINE.search(text)]
    rng = random.Random(args.seed)
    started, broken = time.perf_counter(), 0
    for _ in range(args.pairs):
        a, b = rng.choice(firsts), rng.randrange(len(cases))
        if a == b:
            continue
        lost, gained = joined_paragraphs(cases[a][1], cases[b][1])
        if lost or gained:
            broken += 1
            print(f"{cases[a][0]} + {cases[b][0]}: lost {lost} gained {gained}")
    print(f"extractor {EXTRACTOR_VERSION}: {args.pairs} pairs (seed {args.seed}) of {len(cases)} cases, "
          f"{broken} that do not compose, {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
