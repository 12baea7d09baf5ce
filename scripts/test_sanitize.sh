#!/usr/bin/env bash
# ASan + UBSan run of the fast suite: the clang build build-fuzz/ (see
# scripts/fuzz.sh; RocksDB itself is not instrumented), leak checks on, every
# `geotl` the CLI tests start instrumented too.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
bash scripts/fuzz.sh build
built=$(date +%s)
# A 16 MB quarantine (default 256) keeps the RSS bounds of the streaming
# tests meaningful.
export ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:quarantine_size_mb=16
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd build-fuzz && ctest --output-on-failure -j2 -L fast -E "^serve:")
(cd build-fuzz && ctest --output-on-failure -j1 -L fast -R "^serve:")
echo "== test_sanitize: build $(( built - start )) s, fast suite $(( $(date +%s) - built )) s"
