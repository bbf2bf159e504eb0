#!/usr/bin/env bash
# The test command: installs dependencies, builds release and ASan+UBSan builds, runs the unit
# tests, the differential tests (joist vs erl) and the OTP load check on both, then a bounded
# fuzz run of the loader when clang is available, and the concurrency tests (process table,
# in-queue, processes, schedulers, timers) on a ThreadSanitizer build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release
scripts/build.sh asan
scripts/build.sh tsan
echo "== release build"
(cd build && ctest --output-on-failure)
echo "== ASan+UBSan build"
# Sanitized builds run several times slower: the stress tests need more than the default 60 s.
export JOIST_DIFF_TIMEOUT=300
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd build-asan && ctest --output-on-failure)
echo "== ThreadSanitizer build: concurrency tests (a race report fails the run)"
(
    export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
    build-tsan/joist_unit_tests --gtest_filter='Inbox*:ProcessTable*:Timer*:Scheduler*:MonitorSet*:Heap*:Ets*'
    export JOIST_DIFF_SKIP_FILE=tests/erl/known_failures.txt
    for pattern in proc sched timer ets_concurrent; do
        tests/run_diff.sh build-tsan/joist "build-tsan/erl_tests_$pattern" "$pattern"
    done
)
if command -v clang++ >/dev/null; then
    echo "== fuzzing the loader and the ETF decoder (bounded)"
    tools/fuzz.sh 60
fi
