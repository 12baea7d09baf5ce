#!/usr/bin/env bash
# 30 s per fuzz target (CI): reuses the clang build of scripts/test_sanitize.sh.
set -euo pipefail
start=$(date +%s)
GEOTL_FUZZ_SEED="${GEOTL_FUZZ_SEED:-1}" bash "$(dirname "$0")/fuzz.sh" 30
echo "== test_fuzz_smoke: $(( $(date +%s) - start )) s"
