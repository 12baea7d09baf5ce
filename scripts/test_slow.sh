#!/usr/bin/env bash
# Slow tests: Catch2 cases tagged [.slow] in every test binary, then the
# SIGKILL crash-consistency test. Assumes build/ from scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
for t in build/tests/geotl_*_tests; do
  [[ -x "$t" ]] || continue
  n=$("$t" "[.slow]" --list-test-names-only 2>/dev/null | grep -c . || true)
  if (( n > 0 )); then
    echo "== $(basename "$t") [.slow] ($n)"
    "$t" "[.slow]" || fail=1
  fi
done
echo "== kill test"
python3 tests/reliability/kill_test.py build/cli/geotl --kills 50 || fail=1
exit $fail
