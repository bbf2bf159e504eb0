#!/usr/bin/env bash
# The test command: installs dependencies, builds release and ASan+UBSan builds, runs the unit
# tests, the differential tests (joist vs erl) and the OTP load check on both, then a bounded
# fuzz run of the loader when clang is available.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release
scripts/build.sh asan
echo "== release build"
(cd build && ctest --output-on-failure)
echo "== ASan+UBSan build"
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd build-asan && ctest --output-on-failure)
if command -v clang++ >/dev/null; then
    echo "== fuzzing the loader and the ETF decoder (bounded)"
    tools/fuzz.sh 60
fi
