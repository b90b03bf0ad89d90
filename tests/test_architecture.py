"""The import rules of ARCHITECTURE.md, read from the source (ast), so a change that breaks one fails here."""

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STDLIB = set(sys.stdlib_module_names)


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def top_level_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_the_extractor_is_pure_text():
    allowed = ("scrapers.extract", "scrapers.text", "scrapers.vocabulary")
    for path in (ROOT / "scrapers" / "extract").rglob("*.py"):
        for name in imports(path):
            ok = name.split(".")[0] in STDLIB or name.startswith(allowed)
            assert ok, f"{path.relative_to(ROOT)} imports {name}"


def test_nothing_in_the_package_imports_airflow():
    for path in (ROOT / "scrapers").rglob("*.py"):
        assert not any(n.split(".")[0] == "airflow" for n in imports(path)), path.relative_to(ROOT)


def test_the_report_reads_marts_only():
    tree = ast.parse((ROOT / "scrapers" / "report" / "data.py").read_text(encoding="utf-8"))
    sql = " ".join(n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str))
    # schema-qualified tables after FROM/JOIN (a one-letter name before a dot is a table alias, not a schema)
    schemas = set(re.findall(r"\b(?:from|join)\s+([a-z_]{2,})\.[a-z_]+", sql, re.I))
    assert schemas == {"marts"}, schemas


def test_dag_files_hold_no_clients_or_sql_at_import():
    for path in (ROOT / "dags").glob("*.py"):
        heavy = {n for n in top_level_imports(path) if n.split(".")[0] in ("requests", "psycopg", "sqlalchemy", "lxml")}
        assert not heavy, f"{path.name} imports {heavy} at module level"
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"\b(?:select|insert|update|delete)\b[^\n]*\b(?:from|into|set)\b", source, re.I), path.name
