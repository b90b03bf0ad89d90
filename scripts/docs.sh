#!/usr/bin/env bash
# Serve GX Data Docs and dbt docs side by side on http://127.0.0.1:${DOCS_PORT:-8088}/ (run `make demo` first).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DOCS="$ROOT/.state/docs"
mkdir -p "$DOCS"
ln -sfn "$ROOT/expectations/gx/uncommitted/data_docs/local_site" "$DOCS/gx"
ln -sfn "$ROOT/dbt_project/target" "$DOCS/dbt"
ln -sfn "${REPORT_DIR:-$ROOT/.state/report}" "$DOCS/report"
cat > "$DOCS/index.html" <<'HTML'
<!doctype html><meta charset="utf-8"><title>hanoi-reports docs</title>
<h1>hanoi-reports</h1><ul>
<li><a href="report/index.html">Analyst report</a> — validated figures as charts and tables, with sources</li>
<li><a href="gx/index.html">Great Expectations Data Docs</a> — validation results of the figure marts</li>
<li><a href="dbt/index.html">dbt docs</a> — models, columns, tests and lineage</li></ul>
HTML
echo "docs on http://127.0.0.1:${DOCS_PORT:-8088}/"
exec "$ROOT/.venv/bin/python" -m http.server "${DOCS_PORT:-8088}" --bind 127.0.0.1 --directory "$DOCS"
