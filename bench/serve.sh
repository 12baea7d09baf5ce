#!/usr/bin/env bash
# bench/serve (docs/performance.md): a store of N synthetic events (default 2,000,000,
# bulk-loaded with `geotl load`), `geotl serve` on loopback, then
#   wrk -t1 -c32 -d30s -s bench/serve.lua
# cycling 1,000 different first-page URLs (limit=100). Prints one JSON object:
# requests/s, latency percentiles, errors. Needs Debian's wrk.
#   bench/serve.sh [EVENTS] [DURATION]      e.g. bench/serve.sh 2000000 30s
# GEOTL_BENCH_DB=PATH serves an existing store instead (kept; EVENTS is then
# only reported).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${GEOTL_BINARY:-$PWD/build/cli/geotl}"
N="${1:-2000000}"
DUR="${2:-30s}"
THREADS="${GEOTL_SERVE_THREADS:-64}"
command -v wrk >/dev/null || { echo "bench/serve: wrk missing (apt-get install wrk)" >&2; exit 1; }
[[ -x "$BIN" ]] || { echo "bench/serve: $BIN not built" >&2; exit 1; }
tmp="$(mktemp -d "${TMPDIR:-/tmp}/geotl-bench-serve-XXXXXX")"
pid=""
cleanup() {
  if [[ -n "$pid" ]]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

db="${GEOTL_BENCH_DB:-$tmp/db}"
t0=$(date +%s.%N)
if [[ -z "${GEOTL_BENCH_DB:-}" ]]; then
  # A real event as the template, so the records have the store's exact shape.
  "$BIN" ingest --db "$tmp/examples" examples >/dev/null 2>&1 || true
  "$BIN" events --db "$tmp/examples" --format ndjson --limit 1 > "$tmp/template.json"
  /usr/bin/python3 bench/serve_events.py --template "$tmp/template.json" --events "$N" \
    | "$BIN" load --raw --db "$db" --events - >"$tmp/load.out" 2>&1
fi
t1=$(date +%s.%N)

"$BIN" serve --db "$db" --port 0 --threads "$THREADS" 2>"$tmp/serve.log" &
pid=$!
port=""
for _ in $(seq 300); do
  port="$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' "$tmp/serve.log")"
  [[ -n "$port" ]] && break
  sleep 0.1
done
[[ -n "$port" ]] || { echo "bench/serve: server did not start" >&2; cat "$tmp/serve.log" >&2; exit 1; }
# The bulk loader writes LZ4 SST files that RocksDB compacts (to zstd) in the
# background once the store is open: wait until the store's files settle, as
# a long-running server's store would have, before measuring.
settled=0 last=""
for _ in $(seq 600); do
  cur="$(find "$db" -name '*.sst' -printf '%s\n' 2>/dev/null | awk '{s+=$1} END {print s+0}')"
  if [[ "$cur" == "$last" ]]; then settled=$((settled + 1)); else settled=0; fi
  [[ $settled -ge 5 ]] && break
  last="$cur"
  sleep 1
done
load="$(cut -d" " -f1 /proc/loadavg)"
# Warm-up: one pass over the URL mix is not measured.
wrk -t1 -c32 -d3s -s bench/serve.lua "http://127.0.0.1:$port" >/dev/null
wrk -t1 -c32 -d"$DUR" -s bench/serve.lua "http://127.0.0.1:$port" >"$tmp/wrk.out"
load_after="$(cut -d" " -f1 /proc/loadavg)"
result="$(grep '^{"requests"' "$tmp/wrk.out")"
disk="$(du -sb "$db" | cut -f1)"
printf '{"bench":"serve","events":%s,"load_s":%.1f,"store_bytes":%s,"server_threads":%s,"cores":%s,"loadavg_before":%s,"loadavg_after":%s,"wrk":"-t1 -c32 -d%s, 1000 first-page URLs, limit=100","result":%s}\n' \
  "$N" "$(echo "$t1 - $t0" | bc)" "$disk" "$THREADS" "$(nproc)" "$load" "$load_after" "$DUR" "$result"
