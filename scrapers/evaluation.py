"""Scoring the extractor against an annotated corpus (tests/corpus/*_sentences.yaml and the seed gold).

A case lists every figure it expects; a figure matches when its kind and value agree and every other field the
case names agrees too. `is_part: true` asks for a part (an output with `part_of`); any other expectation is a
total, so a part never matches it. Unmatched expectations are misses (false negatives), unmatched outputs are
false positives. `summarise` also reports the measures issue 15 tracks: core-figure precision/recall, exact
breakdowns, officials' names, violation categories, changes, documents and false figures on statistic-free text.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from scrapers.extract import extract_all
from scrapers.extract.figures import DESCRIBES
from scrapers.text import nfc
from scrapers.vocabulary import CORE_KINDS, DISCIPLINE_KINDS


@dataclass
class CaseResult:
    id: str
    gap: str | None
    matched: int = 0
    missed: list = field(default_factory=list)
    spurious: list = field(default_factory=list)
    other_errors: list = field(default_factory=list)  # documents / officials / event dates that differ
    pairs: list = field(default_factory=list)  # (expected, output or None) for every expected figure
    outputs: list = field(default_factory=list)  # every figure output
    officials_expected: int = 0
    officials_found: int = 0
    documents_ok: bool | None = None

    @property
    def ok(self) -> bool:
        return not (self.missed or self.spurious or self.other_errors)


def load_cases(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _matches(expected: dict, got: dict) -> bool:
    if bool(expected.get("is_part")) != (got.get("part_of") is not None):
        return False
    for key, want in expected.items():
        if key == "is_part":
            continue
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
        if text[item["start"]:item["end"]] != item["quote"] or not 0 <= item["start"] < item["end"] <= len(text):
            result.other_errors.append(f"quote/offset mismatch: {item['quote']!r} at {item['start']}-{item['end']}")
    got = [i for i in items if i["type"] == "figure"]
    result.outputs = got
    unmatched = list(got)
    for want in case.get("figures", []):
        hit = next((g for g in unmatched if _matches(want, g)), None)
        result.pairs.append((want, hit))
        if hit is None:
            result.missed.append(want)
        else:
            unmatched.remove(hit)
            result.matched += 1
    result.spurious = [{k: g.get(k) for k in ("kind", "value", "unit", "quote")} for g in unmatched]
    if "documents" in case:
        docs = [i["code"] for i in items if i["type"] == "document"]
        if docs != case["documents"]:
            result.other_errors.append(f"documents {docs} != {case['documents']}")
    if "documents" in case:
        result.documents_ok = not any(e.startswith("documents") for e in result.other_errors)
    if "officials" in case:
        found = [i for i in items if i["type"] == "official"]
        names = [i["name"] for i in found]
        want = [o if isinstance(o, str) else o[0] for o in case["officials"]]
        result.officials_expected = len(want)
        result.officials_found = sum(1 for n in want if n in names)
        offs = [i["name"] if isinstance(o, str) else [i["name"], i["title"]]
                for i, o in zip(found, case["officials"] + [""] * len(found), strict=False)]
        expected = [o if isinstance(o, str) else list(o) for o in case["officials"]]
        if offs != expected:
            result.other_errors.append(f"officials {offs} != {case['officials']}")
    if "event_dates" in case:
        dates = [i["date"] for i in items if i["type"] == "event_date"]
        if dates != [str(d) for d in case["event_dates"]]:
            result.other_errors.append(f"event dates {dates} != {case['event_dates']}")
    return result




def _recall_of(results: list[CaseResult], pick) -> tuple[int, int]:
    pairs = [(w, g) for r in results for w, g in r.pairs if pick(w)]
    return sum(g is not None for _, g in pairs), len(pairs)


def measures(results: list[CaseResult]) -> dict:
    """The issue-15 measures over a set of scored cases."""
    core_tp, core_expected = _recall_of(results, lambda w: w["kind"] in CORE_KINDS)
    core_out = sum(1 for r in results for g in r.outputs if g["kind"] in CORE_KINDS)
    # a breakdown is exact when the output total (or part, for a part's) with that kind and value carries exactly
    # those forms
    bd = [(w, r) for r in results for w, _ in r.pairs if w.get("breakdown")]
    num = lambda v: None if v is None else float(v)  # noqa: E731
    bd_ok = sum(any(g["kind"] == w["kind"] and (g.get("part_of") is not None) == bool(w.get("is_part"))
                    and num(g["value"]) == num(w.get("value"))
                    and g.get("breakdown") == w["breakdown"] for g in r.outputs) for w, r in bd)
    cat_tp, cat_n = _recall_of(results, lambda w: w["kind"] == "violation_category")
    chg_tp, chg_n = _recall_of(results, lambda w: w["kind"] == "change")
    docs = [r.documents_ok for r in results if r.documents_ok is not None]
    ratio = lambda a, b: round(a / b, 3) if b else None  # noqa: E731
    return {
        "core_precision": ratio(core_tp, core_out), "core_recall": ratio(core_tp, core_expected),
        "core_expected": core_expected,
        "breakdowns_exact": ratio(bd_ok, len(bd)), "breakdowns": len(bd),
        "officials_names": ratio(sum(r.officials_found for r in results), sum(r.officials_expected for r in results)),
        "officials": sum(r.officials_expected for r in results),
        "violation_categories": ratio(cat_tp, cat_n), "categories": cat_n,
        "changes": ratio(chg_tp, chg_n), "changes_expected": chg_n,
        "documents_exact": ratio(sum(docs), len(docs)),
        "false_figures_on_statistic_free_text": sum(len(r.outputs) for r in results if not r.pairs),
    }


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
            "known_gaps": [r.id for r in results if r.gap], "measures": measures(results)}


def _figure_counts(items: list[dict], forms: bool = False) -> Counter:
    """(kind, value) of every figure with a value — and, with `forms`, of every form's count in a breakdown: a
    paragraph that opens on what the one before counted ("Số đảng viên bị kỷ luật bằng hình thức khai trừ là 42",
    "Có 5 trường hợp bị khai trừ") gives the total before it its form, which keeps the count."""
    found = Counter((i["kind"], i["value"]) for i in items if i["value"] is not None)
    if forms:
        found += Counter((i["kind"], n) for i in items for n in (i.get("breakdown") or {}).values())
    return found


def _figures(text: str) -> list[dict]:
    return [i for i in extract_all(text) if i["type"] == "figure"]


def joined_paragraphs(first: str, second: str) -> tuple[dict, dict]:
    """Two texts joined as paragraphs of one article keep every figure each gives alone and add none: returns the
    (kind, value) counts lost and gained by joining them (both empty when the paragraphs compose). A plain count
    of the second that becomes a part of the first's total, in its kind ("Trong đó có 28 đảng viên là cán bộ …"
    after "… kỷ luật 1.205 đảng viên"), is linked, not lost: alone, it had no total to be a part of. So is a
    discipline figure of those disciplined for a reason, told with no period of its own, that becomes a category of
    the total before it ("Số đảng viên bị kỷ luật do vi phạm pháp luật là 6 người" after "… 29 đảng viên bị kỷ
    luật"), as CONVENTIONS.md reads it."""
    own = _figures(second)
    alone = _figure_counts(_figures(first)) + _figure_counts(own)
    joined = _figures(first + "\n\n" + second)
    lost = alone - _figure_counts(joined, forms=DESCRIBES.match(second) is not None)
    gained = _figure_counts(joined) - alone
    for i in joined:
        value, kind = i["value"], i["kind"]
        if i["start"] <= len(first):
            continue
        was = "count" if i.get("part_of") else next(
            (o["kind"] for o in own if kind == "violation_category" and o["kind"] in DISCIPLINE_KINDS
             and o["value"] == value and not o.get("period_key")), None)
        if was and lost[(was, value)] and gained[(kind, value)]:
            lost[(was, value)] -= 1
            gained[(kind, value)] -= 1
    return dict(+lost), dict(+gained)
