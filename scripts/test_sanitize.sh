#!/usr/bin/env bash
# ASan + UBSan build of the fast suite (build-asan/), run with leak checks.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DGEOTL_SANITIZE=ON \
  -DGEOTL_BENCH=OFF -DCMAKE_CXX_FLAGS="-O1" >/dev/null
cmake --build build-asan
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd build-asan && ctest --output-on-failure -j2 -L fast)
