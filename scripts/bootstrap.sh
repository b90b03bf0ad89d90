#!/usr/bin/env bash
# Fresh machine → .venv with the locked dependencies. Needs only python3 (3.11) and the package registry.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
UV_VERSION=0.13.9
PY="${PYTHON:-python3}"
if [ ! -x .state/uv/bin/uv ]; then
  mkdir -p .state
  "$PY" -m venv .state/uv
  .state/uv/bin/pip install -q "uv==$UV_VERSION"
fi
# --frozen: install exactly uv.lock, never re-resolve (an unpinned resolve picks GX 0.x, see README).
.state/uv/bin/uv sync --frozen --compile-bytecode --python "$(command -v "$PY")" -q
# Local copies of the CSS/JS that GX Data Docs load from CDNs (see expectations/offline_docs.py).
if command -v npm >/dev/null 2>&1; then
  (cd expectations/assets && npm ci --no-audit --no-fund --ignore-scripts --silent)
else
  echo "bootstrap: npm not found; Data Docs will load their CSS/JS from CDNs" >&2
fi
