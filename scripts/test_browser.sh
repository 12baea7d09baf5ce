#!/usr/bin/env bash
# Browser tests: the dashboard (docs/api.md, "Dashboard"): `geotl serve` on a store with the
# examples, opened in Debian's headless Chromium through playwright-core.
# Builds nothing: expects build/cli/geotl from scripts/test.sh (or
# $GEOTL_BINARY). Writes the screenshots docs/dashboard.png and docs/dashboard-map.png
# (the map, filtered by a place).
set -euo pipefail
cd "$(dirname "$0")/.."
export GEOTL_BINARY="${GEOTL_BINARY:-$PWD/build/cli/geotl}"
if [[ ! -x "$GEOTL_BINARY" ]]; then
  echo "test_browser: $GEOTL_BINARY not built (run scripts/test.sh)" >&2
  exit 1
fi
if [[ ! -x /usr/bin/chromium ]]; then
  echo "test_browser: /usr/bin/chromium missing (scripts/deps.sh test installs it)" >&2
  exit 1
fi
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
node tests/browser/dashboard_test.js
# The HTML briefing of the sample article (timeline/brief.h), opened in the same
# headless Chromium: parsed as a whole document, renders to PNG and PDF.
bash scripts/check_brief_html.sh "$GEOTL_BINARY"
