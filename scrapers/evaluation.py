"""Scoring the extractor against an annotated corpus (tests/corpus/hard_sentences.yaml and the seed gold).

A case lists every figure it expects; a figure matches when its kind and value agree and every other field the
case names agrees too. Unmatched expectations are misses (false negatives), unmatched outputs are false positives.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from scrapers.extract import extract_all
from scrapers.text import nfc


@dataclass
class CaseResult:
    id: str
    gap: str | None
    matched: int = 0
    missed: list = field(default_factory=list)
    spurious: list = field(default_factory=list)
    other_errors: list = field(default_factory=list)  # documents / officials / event dates that differ

    @property
    def ok(self) -> bool:
        return not (self.missed or self.spurious or self.other_errors)


def load_cases(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _matches(expected: dict, got: dict) -> bool:
    for key, want in expected.items():
        have = got.get(key)
        if key == "range" and want is not None:
            want = [float(x) for x in want]
            have = [float(x) for x in have] if have else None
        elif isinstance(want, (int, float)) and not isinstance(want, bool) and have is not None:
            have, want = float(have), float(want)
        if have != want:
            return False
    return True


def score_case(case: dict) -> CaseResult:
    text = case["text"]
    if case.get("nfd"):
        text = unicodedata.normalize("NFD", text)
    text = nfc(text)
    published = case.get("published")
    if isinstance(published, str):
        published = date.fromisoformat(published)
    items = extract_all(text, published)
    result = CaseResult(case["id"], case.get("gap"))
    for item in items:
        if text[item["start"]:item["end"]] != item["quote"]:
            result.other_errors.append(f"quote/offset mismatch: {item['quote']!r}")
    got = [i for i in items if i["type"] == "figure"]
    unmatched = list(got)
    for want in case.get("figures", []):
        hit = next((g for g in unmatched if _matches(want, g)), None)
        if hit is None:
            result.missed.append(want)
        else:
            unmatched.remove(hit)
            result.matched += 1
    result.spurious = [{k: g[k] for k in ("kind", "value", "unit", "quote")} for g in unmatched]
    if "documents" in case:
        docs = [i["code"] for i in items if i["type"] == "document"]
        if docs != case["documents"]:
            result.other_errors.append(f"documents {docs} != {case['documents']}")
    if "officials" in case:
        offs = [[i["name"], i["title"]] for i in items if i["type"] == "official"]
        if offs != [list(o) for o in case["officials"]]:
            result.other_errors.append(f"officials {offs} != {case['officials']}")
    if "event_dates" in case:
        dates = [i["date"] for i in items if i["type"] == "event_date"]
        if dates != [str(d) for d in case["event_dates"]]:
            result.other_errors.append(f"event dates {dates} != {case['event_dates']}")
    return result


def summarise(results: list[CaseResult]) -> dict:
    tp = sum(r.matched for r in results)
    fn = sum(len(r.missed) for r in results)
    fp = sum(len(r.spurious) for r in results)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"cases": len(results), "cases_ok": sum(r.ok for r in results), "figures_expected": tp + fn,
            "true_positives": tp, "false_negatives": fn, "false_positives": fp,
            "precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
            "known_gaps": [r.id for r in results if r.gap]}
