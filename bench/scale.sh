#!/usr/bin/env bash
# bench/scale (docs/scale.md): N articles (default 20,000;
# bench/scale_corpus.py: dev news + TBAQ repeated under new ids, 80 NDJSON
# files) stored four ways on this machine, each into a fresh store:
#   ingest   plain `geotl ingest DIR`
#   xargs    `xargs -P2 geotl extract --articles` on SHARDS batches of files,
#            then one `geotl load` of the batches
#   dask_1   tools/geotl_dask.py on a real scheduler on loopback
#            (`dask-scheduler` + 1 `dask-worker` process, 1 thread), SHARDS
#            shards, then `geotl load`
#   dask_2   the same with 2 `dask-worker` processes
# Prints one JSON line: seconds, articles/s of the extraction, the load time,
# the speed-up of 2 workers over 1, and each store's article and event counts
# (all four must agree). Not run in CI (minutes). Usage:
#   bench/scale.sh [N]      (GEOTL_BINARY, SHARDS=8 in the environment)
#   BASELINES=0 bench/scale.sh   only the Dask runs, and without the load
#                                (the 1- vs 2-worker extraction figures)
# The clock starts once the scheduler and its workers are up (a cluster is
# started once, not per run). extract_s counts from the first shard submitted
# to the last one done; total_s is the whole tool run (Python start, imports,
# connecting, the shards, the load).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${GEOTL_BINARY:-$PWD/build/cli/geotl}"
N="${1:-20000}"
SHARDS="${SHARDS:-8}"
PY=/usr/bin/python3
tmp="$(mktemp -d /tmp/geotl-scale.XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc; }
stats() { "$BIN" stats --db "$1" --format json | $PY -c 'import json,sys; s=json.load(sys.stdin); print(json.dumps({"articles":s["articles"],"events":s["events"]}))'; }

$PY bench/scale_corpus.py "$tmp/corpus" --articles "$N" --files 80 >/dev/null
load_before="$(cut -d" " -f1 /proc/loadavg)"

BASELINES="${BASELINES:-1}"
ingest_s=0 xargs_extract_s=0 xargs_load_s=0 dask_load=(--load)
if [[ "$BASELINES" == 0 ]]; then
  dask_load=()
else
t0=$(now)
"$BIN" ingest --db "$tmp/ingest.db" "$tmp/corpus" >/dev/null
t1=$(now)
ingest_s=$(secs "$t0" "$t1")

mkdir "$tmp/x"
t0=$(now)
ls "$tmp"/corpus/*.ndjson | xargs -n $((80 / SHARDS)) -P2 sh -c \
  'b=$(basename "$1" .ndjson); "$0" extract --articles "'"$tmp"'/x/$b.articles" "$@" > "'"$tmp"'/x/$b.events"' "$BIN"
t1=$(now)
"$BIN" load --db "$tmp/xargs.db" --events "$tmp"/x/*.events --articles "$tmp"/x/*.articles 2>/dev/null
t2=$(now)
xargs_extract_s=$(secs "$t0" "$t1"); xargs_load_s=$(secs "$t1" "$t2")
echo "baselines: ingest $ingest_s s, xargs extract $xargs_extract_s s + load $xargs_load_s s" >&2
fi

dask_run() {  # $1 = workers; prints the tool's summary with its wall time
  local port=$((20000 + RANDOM % 20000)) w=$1 sp wp=()
  dask-scheduler --host 127.0.0.1 --port "$port" --no-dashboard >"$tmp/sched.log" 2>&1 &
  sp=$!; pids+=("$sp")
  for ((i = 0; i < w; i++)); do
    dask-worker "tcp://127.0.0.1:$port" --nworkers 1 --nthreads 1 --no-dashboard \
      --host 127.0.0.1 >"$tmp/worker$i.log" 2>&1 &
    wp+=($!); pids+=($!)
  done
  # the cluster is up before the clock starts, as a real one would be: the
  # tool's run (its imports, connecting, the shards, the load) is what is timed
  $PY -c 'import sys; from distributed import Client
c = Client(sys.argv[1], timeout=120); c.wait_for_workers(int(sys.argv[2]), timeout=120); c.close()' \
    "tcp://127.0.0.1:$port" "$w"
  local t0 t1 out
  t0=$(now)
  out=$($PY tools/geotl_dask.py "$tmp/corpus" --out "$tmp/dask$w" --scheduler "tcp://127.0.0.1:$port" \
        --workers "$w" --shards "$SHARDS" --geotl "$BIN" ${dask_load[@]+"${dask_load[@]}" "$tmp/dask$w.db"} 2>"$tmp/dask$w.log")
  t1=$(now)
  kill "${wp[@]}" "$sp" 2>/dev/null || true
  wait "${wp[@]}" "$sp" 2>/dev/null || true
  if [[ -z "$out" ]]; then
    echo "geotl_dask.py with $w workers failed:" >&2
    tail -20 "$tmp/dask$w.log" >&2
    exit 1
  fi
  echo "$out" | $PY -c 'import json,sys; s=json.loads(sys.stdin.read()); s["wall_s"]=round('"$(secs "$t0" "$t1")"',3); print(json.dumps(s))'
}
dask1=$(dask_run 1)
echo "dask_1: $dask1" >&2
dask2=$(dask_run 2)
echo "dask_2: $dask2" >&2
load_after="$(cut -d" " -f1 /proc/loadavg)"
if [[ "$BASELINES" == 0 ]]; then
  $PY - "$N" "$dask1" "$dask2" "$load_before" "$load_after" "$SHARDS" <<'PYEOF'
import json, os, sys
n, d1, d2 = int(sys.argv[1]), json.loads(sys.argv[2]), json.loads(sys.argv[3])
run = lambda d: {"extract_s": d["extract_s"], "articles_per_s": round(n / d["extract_s"], 2),
                 "events": d["events"], "articles_out": d["articles"]}
print(json.dumps({"bench": "scale", "mode": "dask extraction only (BASELINES=0)",
                  "articles": n, "shards": int(sys.argv[6]), "cores": os.cpu_count(),
                  "loadavg_before": float(sys.argv[4]), "loadavg_after": float(sys.argv[5]),
                  "dask_1": run(d1), "dask_2": run(d2),
                  "speedup_2_over_1": round(d1["extract_s"] / d2["extract_s"], 2)}))
PYEOF
  exit 0
fi

$PY - "$N" "$ingest_s" "$xargs_extract_s" "$xargs_load_s" "$dask1" "$dask2" "$load_before" "$load_after" \
  "$(stats "$tmp/ingest.db")" "$(stats "$tmp/xargs.db")" "$(stats "$tmp/dask1.db")" "$(stats "$tmp/dask2.db")" "$SHARDS" <<'PYEOF'
import json, os, sys
n, ingest_s, xe, xl = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
d1, d2 = json.loads(sys.argv[5]), json.loads(sys.argv[6])
counts = [json.loads(a) for a in sys.argv[9:13]]
r = lambda x: round(x, 2)
def dask(d):
    return {"extract_s": d["extract_s"], "articles_per_s": r(n / d["extract_s"]),
            "load_s": d["load_s"], "total_s": d["wall_s"]}
out = {"bench": "scale", "articles": n, "shards": int(sys.argv[13]), "cores": os.cpu_count(),
       "loadavg_before": float(sys.argv[7]), "loadavg_after": float(sys.argv[8]),
       "ingest": {"total_s": r(ingest_s), "articles_per_s": r(n / ingest_s)},
       "xargs_p2": {"extract_s": r(xe), "articles_per_s": r(n / xe), "load_s": r(xl),
                    "total_s": r(xe + xl)},
       "dask_1": dask(d1), "dask_2": dask(d2)}
out["speedup_2_over_1"] = r(d1["extract_s"] / d2["extract_s"])
out["dask_2_total_over_ingest"] = r(d2["wall_s"] / ingest_s)
out["dask_2_total_over_xargs"] = r(d2["wall_s"] / (xe + xl))
out["counts"] = {"ingest": counts[0], "xargs": counts[1], "dask_1": counts[2], "dask_2": counts[3]}
out["counts_agree"] = all(c == counts[0] for c in counts)
print(json.dumps(out))
PYEOF
