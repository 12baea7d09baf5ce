#!/usr/bin/env bash
# Installs the Debian packages geotl builds and tests with (Debian 12, as root).
# Usage: scripts/deps.sh [build|test]
set -euo pipefail
what="${1:-build}"
pkgs=(cmake ninja-build g++ pkg-config librocksdb-dev libboost-date-time-dev
      nlohmann-json3-dev catch2 libicu-dev libcli11-dev libcpp-httplib-dev
      libgeonames-dev libgeonames-common)
if [[ "$what" == test ]]; then
  pkgs+=(libsqlite3-dev python3 python3-jsonschema iso-codes clang clang-format libclang-rt-14-dev
         chromium python3-distributed)
  # Node.js may come from elsewhere (its npm then conflicts with Debian's):
  # install Debian's only when there is none.
  command -v npm >/dev/null 2>&1 || pkgs+=(nodejs npm)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# GeoNames gazetteer sources and Natural Earth shapes (package-lock.json):
# the build compiles them (geo/CMakeLists.txt, server/). npm comes with the
# test set above; a build-only machine gets it here when missing.
command -v npm >/dev/null 2>&1 || {
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
}
root="$(cd "$(dirname "$0")/.." && pwd)"
stamp="$root/node_modules/.geotl-lock.sha256"
want="$(sha256sum "$root/package-lock.json" | cut -d' ' -f1)"
if [[ "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
  (cd "$root" && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
  echo "$want" > "$stamp"
fi
