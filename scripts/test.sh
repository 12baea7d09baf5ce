#!/usr/bin/env bash
# The whole test suite CI runs: install, format check, build, fast suite,
# then the slow tests, the sanitizer build, the fuzz smoke and the browser
# test. A stage script that is missing or not executable fails the run (a
# renamed or un-chmodded stage must not pass silently).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh test
start=$(date +%s)
stages=(scripts/test_slow.sh scripts/test_sanitize.sh scripts/test_fuzz_smoke.sh scripts/test_browser.sh)
for stage in "${stages[@]}"; do
  if [[ ! -f "$stage" || ! -x "$stage" ]]; then
    echo "scripts/test.sh: stage $stage is missing or not executable" >&2
    exit 1
  fi
done
echo "== clang-format (.clang-format, every C++ file)"
# Tracked files when this is a git checkout, else every source file found.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t sources < <(git ls-files '*.cc' '*.h')
else
  mapfile -t sources < <(find . -path ./build -prune -o -path ./node_modules -prune \
                              -o \( -name '*.cc' -o -name '*.h' \) -print | sort)
fi
clang-format --dry-run --Werror "${sources[@]}"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGEOTL_BENCH=ON >/dev/null
cmake --build build
echo "== fast suite"
# Server tests share one fixture store per process: run them one at a time.
(cd build && ctest --output-on-failure -j2 -L fast -E "^serve:")
(cd build && ctest --output-on-failure -j1 -L fast -R "^serve:")
for stage in "${stages[@]}"; do
  echo "== $stage"
  bash "$stage"
done
echo "== all done in $(( $(date +%s) - start )) s"
