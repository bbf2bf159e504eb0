#!/usr/bin/env bash
# Builds joist: scripts/build.sh [release|asan|tsan]  (build/, build-asan/ or build-tsan/)
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-release}
case "$kind" in
    release) dir=build; flags=(-DCMAKE_BUILD_TYPE=Release) ;;
    asan) dir=build-asan; flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DJOIST_SANITIZE=ON) ;;
    tsan) dir=build-tsan; flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DJOIST_TSAN=ON) ;;
    *) echo "usage: $0 [release|asan|tsan]"; exit 2 ;;
esac
cmake -S . -B "$dir" -G Ninja "${flags[@]}" >/dev/null
ninja -C "$dir"
