#!/usr/bin/env bash
# Installs what joist needs on a fresh Debian 12 machine (run as root): the compiler toolchain,
# libraries, and Erlang/OTP 25 (erlc, erl as the test oracle, OTP's library .beam files).
set -euo pipefail
pkgs=(g++ cmake ninja-build pkg-config zlib1g-dev libgmp-dev libfmt-dev googletest libgtest-dev
      libpcre3-dev
      erlang-nox erlang-dev elixir clang)
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
fi
