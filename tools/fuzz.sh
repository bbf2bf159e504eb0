#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (build-fuzz/) and runs each for SECONDS (default 60),
# seeded with a few real OTP .beam files and term_to_binary outputs.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJOIST_FUZZ=ON \
    -DJOIST_TESTS=OFF >/dev/null
ninja -C build-fuzz fuzz_beam_loader fuzz_etf_decode
corpus=build-fuzz/corpus
mkdir -p "$corpus/beam" "$corpus/etf"
for m in lists queue orddict proplists; do
    f=$(ls /usr/lib/erlang/lib/stdlib-*/ebin/$m.beam 2>/dev/null | head -1)
    [ -n "$f" ] && cp "$f" "$corpus/beam/"
done
cp tests/fuzz/corpus/etf/* "$corpus/etf/" 2>/dev/null || true
export ASAN_OPTIONS=detect_leaks=0
build-fuzz/fuzz_beam_loader -max_total_time="$secs" -rss_limit_mb=4096 -max_len=200000 \
    "$corpus/beam" 2>&1 | tail -3
build-fuzz/fuzz_etf_decode -max_total_time="$secs" -rss_limit_mb=4096 "$corpus/etf" 2>&1 | tail -3
