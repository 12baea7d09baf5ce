#!/usr/bin/env bash
# Slow tests: Catch2 cases tagged [.slow] in every test binary, the SIGKILL
# crash-consistency test (50 kills), the serve/POST/load concurrency test and
# the Dask scale test (tools/geotl_dask.py with a worker killed = ingest).
# Assumes build/ from scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
t0=$(date +%s)
for t in build/tests/geotl_*_tests; do
  [[ -x "$t" ]] || continue
  n=$("$t" "[.slow]" --list-test-names-only 2>/dev/null | grep -c . || true)
  if (( n > 0 )); then
    echo "== $(basename "$t") [.slow] ($n)"
    "$t" "[.slow]" || fail=1
  fi
done
t1=$(date +%s)
echo "== kill test"
/usr/bin/python3 tests/reliability/kill_test.py build/cli/geotl --kills 50 --articles 2000 || fail=1
t2=$(date +%s)
echo "== concurrency test"
/usr/bin/python3 tests/reliability/concurrency_test.py build/cli/geotl || fail=1
t3=$(date +%s)
echo "== dask scale test"
/usr/bin/python3 tests/scale/dask_scale_test.py build/cli/geotl || fail=1
t4=$(date +%s)
echo "== test_slow: [.slow] $((t1 - t0)) s, kill test $((t2 - t1)) s, concurrency $((t3 - t2)) s, dask scale $((t4 - t3)) s"
exit $fail
