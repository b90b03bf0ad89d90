"""`hanoi-reports extract` honours the figure contract in the README, on plain text and on HTML."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIGURE_KEYS = {"file", "type", "kind", "value", "denominator", "breakdown", "breakdown_complete", "qualifier", "range",
               "unit", "subject", "period", "quote", "start", "end",
               # added by extractor v2 (additive): statements, parts, scope and period keys
               "id", "subject_class", "part_of", "part", "category", "category_key", "share", "direction", "base", "scope", "body",
               "period_key"}


def run(*paths):
    out = subprocess.run([sys.executable, "-m", "scrapers.cli", "extract", "--format", "jsonl", *map(str, paths)],
                         capture_output=True, text=True, cwd=ROOT, check=True)
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_plain_text_seed(tmp_path):
    seed = next((ROOT / "snapshot" / "seeds").glob("001_*.txt"))
    items = run(seed)
    text = seed.read_text(encoding="utf-8")
    # no publication date in this text, so "Sáng 13/7" has no year and is not reported as an event date
    assert {i["type"] for i in items} == {"figure", "document", "official"}
    for item in items:
        assert item["file"] == str(seed)
        assert text[item["start"]:item["end"]] == item["quote"]
        if item["type"] == "figure":
            assert set(item) == FIGURE_KEYS
        if item["type"] == "document":
            assert {"code", "doc_type", "quote"} <= set(item)
        if item["type"] == "official":
            assert {"name", "title", "quote"} <= set(item)
    members = [i for i in items if i.get("kind") == "discipline_party_members"]
    assert members[0]["value"] == 359 and members[0]["breakdown"]["khai trừ"] == 61


def test_plain_text_header_date_resolves_event_years():
    seed = next((ROOT / "snapshot" / "seeds").glob("003_*.txt"))  # header "15/12/2019 07:50", body "Sáng 14-11"
    dates = [i for i in run(seed) if i["type"] == "event_date"]
    assert [d["date"] for d in dates] == ["2019-11-14"]


def test_html_page_and_bad_file(tmp_path):
    page = next((ROOT / "snapshot" / "sites" / "tienphong.vn").glob("*-post1452911.tpo"))  # the seed article
    items = run(page)
    assert any(i.get("kind") == "ratio" and i["value"] == 30 and i["denominator"] == 30 for i in items)
    assert not any("TPO -" in i["quote"] for i in items)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    proc = subprocess.run([sys.executable, "-m", "scrapers.cli", "extract", str(bad), str(page)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1 and "bad.txt" in proc.stderr
    assert proc.stdout.strip()  # the good file still produced output


def test_bad_inputs_get_one_line_each_and_the_rest_runs(tmp_path):
    """A directory, binary bytes and a text over the size limit: one line on stderr each, never a traceback."""
    from scrapers.extract import MAX_TEXT_CHARS
    huge = tmp_path / "huge.txt"
    huge.write_text("Kỷ luật 3 đảng viên. " * (MAX_TEXT_CHARS // 20), encoding="utf-8")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 64)
    good = tmp_path / "good.txt"
    good.write_text("Năm 2023 đã kỷ luật 12 đảng viên.", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "scrapers.cli", "extract", str(tmp_path), str(binary), str(huge),
                           str(good)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    errors = proc.stderr.strip().splitlines()
    assert proc.returncode == 1 and len(errors) == 3 and "Traceback" not in proc.stderr
    assert "Is a directory" in errors[0] and "blob.bin" in errors[1] and "limit" in errors[2]
    assert [json.loads(line)["value"] for line in proc.stdout.splitlines()
            if json.loads(line)["type"] == "figure"] == [12]
