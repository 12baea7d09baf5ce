#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (build-fuzz/) and runs each for
# SECONDS (default 30) from its seed corpus in tests/fuzz/corpus/<name>.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-30}"; shift || true
targets=("$@"); ((${#targets[@]})) || targets=(reader time coder query http)
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DGEOTL_FUZZ=ON >/dev/null
cmake --build build-fuzz --target $(printf 'fuzz_%s ' "${targets[@]}")
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
mkdir -p build-fuzz/work
for t in "${targets[@]}"; do
  work="build-fuzz/work/$t"; mkdir -p "$work"
  cp -n tests/fuzz/corpus/$t/* "$work/" 2>/dev/null || true
  echo "== fuzz_$t for ${secs}s"
  ./build-fuzz/tests/fuzz/fuzz_$t -max_total_time="$secs" -max_len=65536 -rss_limit_mb=4096 \
    -print_final_stats=1 "$work" 2>build-fuzz/work/$t.log || {
      tail -60 build-fuzz/work/$t.log; echo "fuzz_$t FAILED"; exit 1; }
  grep -E "stat::number_of_executed_units|cov:" build-fuzz/work/$t.log | tail -2
done
echo "fuzz smoke: ${#targets[@]} passed, 0 failed"
