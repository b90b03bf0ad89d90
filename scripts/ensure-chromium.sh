#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through Playwright (a test tool's own browser download cannot work here).
set -euo pipefail
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends chromium >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends chromium >/dev/null; }
else
  sudo -n apt-get install -y -q --no-install-recommends chromium >/dev/null \
    || { echo "the browser tests need Debian's chromium: sudo apt-get install chromium" >&2; exit 1; }
fi
command -v chromium >/dev/null
