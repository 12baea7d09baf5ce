#!/usr/bin/env bash
# Opens the HTML briefing of the sample article in headless Chromium and
# checks that the browser parsed it as a complete document (title, day
# headings, the Tokyo meeting, the footer) and can render it to PNG and PDF.
# usage: scripts/check_brief_html.sh [GEOTL_BINARY]   (default build/cli/geotl)
# Needs /usr/bin/chromium (apt-get install chromium); exits 0 when all is well.
set -euo pipefail
cd "$(dirname "$0")/.."
geotl="${1:-build/cli/geotl}"
shared="${GEOTL_SHARED_DIR:-../shared}"
chromium=/usr/bin/chromium
if [[ ! -x "$chromium" ]]; then
  echo "check_brief_html: installing chromium" >&2
  apt-get install -y chromium >/dev/null
fi
if [[ ! -d "$shared/samples" ]]; then
  echo "check_brief_html: no sample articles at $shared/samples (../shared beside the checkout); skipped"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$geotl" ingest --db "$work/db" "$shared/samples" >/dev/null
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking
       --user-data-dir="$work/profile")
fail=0
for lang in en de; do
  html="$work/brief.$lang.html"
  "$geotl" brief --db "$work/db" --format html --out-lang "$lang" --out "$html"
  dom=$(timeout 60 "$chromium" "${flags[@]}" --dump-dom "file://$html" 2>/dev/null)
  want_title=$([[ $lang == de ]] && echo "Lagebericht: alle Ereignisse" || echo "Briefing: all events")
  want_place=$([[ $lang == de ]] && echo "in Tokio" || echo "in Tokyo")
  for needle in "<title>$want_title</title>" "<h1>$want_title</h1>" "<h2>" \
                "$want_place" "</footer>" "</main>"; do
    if ! grep -qF -- "$needle" <<<"$dom"; then
      echo "FAIL $lang: browser DOM lacks: $needle" >&2
      fail=1
    fi
  done
  timeout 60 "$chromium" "${flags[@]}" --window-size=1024,1400 \
    --screenshot="$work/brief.$lang.png" "file://$html" >/dev/null 2>&1 || true
  timeout 60 "$chromium" "${flags[@]}" --no-pdf-header-footer \
    --print-to-pdf="$work/brief.$lang.pdf" "file://$html" >/dev/null 2>&1 || true
  for out in png pdf; do
    size=$(stat -c %s "$work/brief.$lang.$out" 2>/dev/null || echo 0)
    if (( size < 2000 )); then
      echo "FAIL $lang: chromium produced no $out ($size bytes)" >&2
      fail=1
    fi
  done
  [[ -n "${KEEP_BRIEF_OUTPUT:-}" ]] && cp "$work/brief.$lang."{html,png,pdf} "$KEEP_BRIEF_OUTPUT/"
  echo "check_brief_html: $lang ok ($(grep -o '<li' <<<"$dom" | wc -l) list items in the DOM)"
done
exit $fail
