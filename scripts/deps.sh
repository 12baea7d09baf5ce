#!/usr/bin/env bash
# Installs the Debian packages geotl builds and tests with (Debian 12, as root).
# Usage: scripts/deps.sh [build|test]
set -euo pipefail
what="${1:-build}"
pkgs=(cmake ninja-build g++ pkg-config librocksdb-dev libboost-date-time-dev
      nlohmann-json3-dev catch2 libicu-dev libcli11-dev libcpp-httplib-dev
      libgeonames-dev libgeonames-common)
if [[ "$what" == test ]]; then
  pkgs+=(libsqlite3-dev python3 python3-jsonschema clang libclang-rt-14-dev
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
