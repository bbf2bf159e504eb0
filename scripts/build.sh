#!/usr/bin/env bash
# Builds joist: scripts/build.sh [release|asan]  (build/ or build-asan/)
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-release}
case "$kind" in
    release) dir=build; flags=(-DCMAKE_BUILD_TYPE=Release) ;;
    asan) dir=build-asan; flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DJOIST_SANITIZE=ON) ;;
    *) echo "usage: $0 [release|asan]"; exit 2 ;;
esac
cmake -S . -B "$dir" -G Ninja "${flags[@]}" >/dev/null
ninja -C "$dir"
