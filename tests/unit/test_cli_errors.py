"""Operator mistakes get one line and a non-zero exit, never a traceback (issue 18)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "scrapers.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})}, timeout=60)


@pytest.mark.parametrize(("args", "message"), [
    (["crawl", "--workers", "-1"], "-1 must be at least 1"),
    (["reprocess", "--workers", "many"], "'many' is not a whole number"),
    (["serve-snapshot", "--base-port", "65533"], "leaves no room"),
    (["backfill", "--since", "2024-05-01", "--until", "2024-04-01"], "--since 2024-05-01 is after --until 2024-04-01"),
    (["reprocess", "--since", "2024-05-01", "--until", "2024-04-01"], "is after"),
    (["backfill", "--since", "1990-01-01", "--until", "2000-01-01"], "lies between 1995-01-01 and today"),
    (["backfill", "--since", "1995-01-01", "--until", "2024-12-31"], "covers 360 months; at most 240"),
])
def test_bad_arguments_get_one_line(args, message):
    proc = cli(*args)
    assert proc.returncode == 2 and message in proc.stderr and "Traceback" not in proc.stderr


def test_report_into_a_file_is_refused(tmp_path):
    target = tmp_path / "report.html"
    target.write_text("x")
    proc = cli("report", "--out", str(target))
    assert proc.returncode == 2 and "is a file" in proc.stderr and "Traceback" not in proc.stderr


def test_a_warehouse_that_is_down_is_one_line():
    proc = cli("status", env={"WAREHOUSE_URL": "postgresql://nobody:x@127.0.0.1:9/none?connect_timeout=2"})
    assert proc.returncode == 2 and "cannot reach the warehouse" in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
