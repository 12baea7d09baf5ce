#!/usr/bin/env bash
# The whole test suite CI runs: install, build, fast suite, then the slow
# tests, the sanitizer build and the fuzz smoke as they exist.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh test
start=$(date +%s)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGEOTL_BENCH=ON >/dev/null
cmake --build build
echo "== fast suite"
# Server tests share one fixture store per process: run them one at a time.
(cd build && ctest --output-on-failure -j2 -L fast -E "^serve:")
(cd build && ctest --output-on-failure -j1 -L fast -R "^serve:")
for extra in scripts/test_slow.sh scripts/test_sanitize.sh scripts/test_fuzz_smoke.sh scripts/test_browser.sh; do
  if [[ -x "$extra" ]]; then
    echo "== $extra"
    bash "$extra"
  fi
done
echo "== all done in $(( $(date +%s) - start )) s"
