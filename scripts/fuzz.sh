#!/usr/bin/env bash
# The clang build build-fuzz/ (RelWithDebInfo at -O1, GEOTL_FUZZ=ON): every
# library instrumented for libFuzzer + ASan/UBSan. One build serves the
# sanitizer suite (scripts/test_sanitize.sh: the normal test binaries) and
# the five libFuzzer targets (tests/fuzz/fuzz_<name>).
#
# Usage: scripts/fuzz.sh build                    configure and build all
#        scripts/fuzz.sh [SECONDS] [TARGET...]    run each target SECONDS
#                                                 (default 30) from its seeds
# Each run starts from tests/fuzz/corpus/<name> plus what earlier runs found
# (build-fuzz/work/<name>); a crash is written to build-fuzz/work/<name>-crash-*
# and fails the script. One line per target goes to build-fuzz/work/summary.tsv.
# GEOTL_FUZZ_SEED=N fixes libFuzzer's seed (the CI smoke does, so a run can
# be repeated); without it every run explores differently.
set -euo pipefail
cd "$(dirname "$0")/.."
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
  -DGEOTL_FUZZ=ON >/dev/null
if [[ "${1:-}" == build ]]; then
  cmake --build build-fuzz
  exit 0
fi
secs="${1:-30}"; shift || true
targets=("$@"); ((${#targets[@]})) || targets=(reader time coder query http)
# GEOTL_FUZZ_BIN_DIR=DIR: run copies of the binaries from DIR, build
# nothing (long runs while the tree changes underneath).
bindir="${GEOTL_FUZZ_BIN_DIR:-}"
[[ -n "$bindir" ]] ||
  cmake --build build-fuzz --target $(printf 'fuzz_%s ' "${targets[@]}")
export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
mkdir -p build-fuzz/work
for t in "${targets[@]}"; do
  work="build-fuzz/work/$t"; mkdir -p "$work"
  cp -n tests/fuzz/corpus/$t/* "$work/" 2>/dev/null || true
  log="build-fuzz/work/$t.log"
  export GEOTL_FUZZ_STORE="$PWD/build-fuzz/work/$t-store"
  echo "== fuzz_$t for ${secs}s"
  start=$(date +%s)
  rc=0
  "${bindir:-./build-fuzz/tests/fuzz}/fuzz_$t" -max_total_time="$secs" -max_len=65536 \
    -timeout=60 -rss_limit_mb=3072 -print_final_stats=1 ${GEOTL_FUZZ_SEED:+-seed=$GEOTL_FUZZ_SEED} \
    -artifact_prefix="build-fuzz/work/$t-" "$work" 2>"$log" || rc=$?
  rm -rf "$GEOTL_FUZZ_STORE"
  execs=$(grep -oE "stat::number_of_executed_units: *[0-9]+" "$log" | grep -oE "[0-9]+$" || echo 0)
  last=$(grep -E "^#[0-9]+.*cov: " "$log" | tail -1)
  cov=$(grep -oE "cov: [0-9]+" <<<"$last" | grep -oE "[0-9]+" || echo 0)
  ft=$(grep -oE "ft: [0-9]+" <<<"$last" | grep -oE "[0-9]+" || echo 0)
  corp=$(grep -oE "corp: [0-9]+/[0-9]+[a-zA-Z]*" <<<"$last" | cut -d' ' -f2 || true)
  result=ok; ((rc == 0)) || result="FAILED (exit $rc)"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "fuzz_$t" "$(( $(date +%s) - start ))" \
    "$execs" "$cov" "$ft" "$corp" "$result" >> build-fuzz/work/summary.tsv
  echo "fuzz_$t: $execs execs, cov $cov, ft $ft, corpus $corp: $result"
  if ((rc != 0)); then
    tail -60 "$log"
    echo "fuzz_$t FAILED; the input is build-fuzz/work/$t-*"
    exit 1
  fi
done
echo "fuzz: ${#targets[@]} targets passed, 0 failed"
