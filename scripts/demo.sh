#!/usr/bin/env bash
# The main job: install, build, ingest examples/ into the default store
# (./geotl.db), print what was found.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh build
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGEOTL_BENCH=OFF >/dev/null
cmake --build build --target geotl
GEOTL=./build/cli/geotl
$GEOTL ingest examples/ || [[ $? -eq 3 ]]
$GEOTL stats
if $GEOTL brief --help >/dev/null 2>&1; then
  $GEOTL brief --format txt
else
  $GEOTL events --format table
fi
