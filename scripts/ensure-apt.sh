#!/usr/bin/env bash
# Debian tools the tests drive for real: `scripts/ensure-apt.sh COMMAND:PACKAGE ...` installs each missing one.
#   chromium        — the browser tests (Playwright with Debian's Chromium; its own download cannot work here)
#   redis-server    — the CeleryExecutor test's broker, on loopback
#   docker-compose  — `docker-compose config -q` on docker-compose.yml (no Docker engine needed)
set -euo pipefail
missing=()
for spec in "$@"; do
  command -v "${spec%%:*}" >/dev/null 2>&1 || missing+=("${spec##*:}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; }
else
  sudo -n apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "the tests need: sudo apt-get install ${missing[*]}" >&2; exit 1; }
fi
for spec in "$@"; do command -v "${spec%%:*}" >/dev/null; done
