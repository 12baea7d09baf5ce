#!/usr/bin/env bash
# The main job: install, build, ingest examples/ into the default store
# (./geotl.db), print what was found.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh build
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGEOTL_BENCH=OFF >/dev/null
cmake --build build --target geotl
GEOTL=./build/cli/geotl
# A ./geotl.db left by an older geotl has another key layout: keep it aside
# and start the demo store afresh.
if [[ -d geotl.db ]] && ! err=$($GEOTL stats 2>&1 >/dev/null) &&
   [[ "$err" == *"older"* ]]; then
  old="geotl.db.old-$(date +%Y%m%d%H%M%S)"
  mv geotl.db "$old"
  echo "demo: ./geotl.db was written by an older geotl; moved to ./$old" >&2
fi
$GEOTL ingest examples/ || [[ $? -eq 3 ]]
$GEOTL stats
$GEOTL brief --format txt
