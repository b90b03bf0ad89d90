"""Extractor accuracy on the annotated corpora: figure precision/recall per corpus, plus the per-case misses.

    .venv/bin/python bench/bench_accuracy.py

`hard_sentences.yaml` is the corpus the rules were developed against; `heldout_sentences.yaml` was written after
and scored before any rule changed (its first score is in bench/README.md), so it is the honest estimate.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scrapers.evaluation import load_cases, score_case, summarise  # noqa: E402
from scrapers.versions import EXTRACTOR_VERSION  # noqa: E402


def main() -> int:
    print(f"extractor {EXTRACTOR_VERSION}")
    for path in sorted((ROOT / "tests" / "corpus").glob("*_sentences.yaml")):
        results = [score_case(c) for c in load_cases(path)]
        print(path.name, json.dumps(summarise(results), ensure_ascii=False))
        for r in results:
            if not r.ok:
                print(f"  {r.id}: missed {r.missed} spurious {r.spurious} {r.other_errors}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
