# Start what the pipeline needs locally: the project's Postgres (unless WAREHOUSE_URL points elsewhere) and the
# snapshot sites. Sourced by demo.sh / test.sh after env.sh; stops the snapshot server when the caller exits.
if [ -z "${WAREHOUSE_URL_EXTERNAL:-}" ]; then
  "$ROOT/scripts/localpg.sh" start
fi
mkdir -p "$ROOT/.state"
rm -f "$ROOT/.state/snapshot-urls.json"
"$ROOT/.venv/bin/hanoi-reports" serve-snapshot --base-port "${SNAPSHOT_BASE_PORT:-0}" \
  --urls-file "$ROOT/.state/snapshot-urls.json" > "$ROOT/.state/snapshot.log" 2>&1 &
SNAPSHOT_PID=$!
trap 'kill $SNAPSHOT_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -s "$ROOT/.state/snapshot-urls.json" ] && break; sleep 0.1; done
[ -s "$ROOT/.state/snapshot-urls.json" ] || { cat "$ROOT/.state/snapshot.log" >&2; echo "snapshot server did not start" >&2; exit 1; }
export HANOI_SOURCE_URLS="$(cat "$ROOT/.state/snapshot-urls.json")"
echo "snapshot sites: $HANOI_SOURCE_URLS"
