#!/usr/bin/env bash
# Differential test runner: real OTP `erl` (the oracle) vs a VM under test.
#
# Usage: tests/run_diff.sh JOIST_BINARY OUT_DIR [PATTERN]
#
#   JOIST_BINARY  VM command to test. May contain arguments, split on
#                 whitespace (e.g. "valgrind -q build/joist"). Pass `erl` to
#                 self-check the suite (erl vs erl must be all-pass).
#   OUT_DIR       Scratch dir: all .beam files go here (flat), plus
#                 _results/ (per-test stdout/exit status/diff) and _run/
#                 (per-test working directories).
#   PATTERN       Optional substring; only modules whose name contains it run.
#
# Every tests/erl/**/*.erl is compiled with `erlc +deterministic` (so stack
# traces contain bare file names) and, for each module M, both
#     erl          -noshell -pa OUT_DIR -s M main -s erlang halt
#     JOIST_BINARY -noshell -pa OUT_DIR -s M main -s erlang halt
# are run (stdin = /dev/null, timeout 60 s each, 2 tests in parallel).
# stdout (byte-exact) and exit status are compared; stderr is NOT compared
# (it is saved in _results/M.{erl,vm}.err for inspection).
# Expected outputs are never stored: erl is run live every time.
#
# Environment:
#   JOIST_DIFF_SKIP_FILE  file of module names expected to fail (one per line,
#                         '#' comments and blank lines allowed). Such failures
#                         count as "skipped"; a listed test that passes is
#                         reported as "unexpectedly passed" (not a failure).
#   JOIST_DIFF_JOBS       parallel jobs (default 2).
#   JOIST_DIFF_TIMEOUT    per-run timeout in seconds (default 60).
#
# Output: one line per failing test (with the first ~15 lines of a unified
# diff), then exactly one final line:
#     N passed, N failed                (no skip file)
#     N passed, N failed, N skipped     (JOIST_DIFF_SKIP_FILE set)
# Exit status: 1 if any test failed, 0 otherwise (2 on usage/setup errors).

set -u

# ---------------------------------------------------------------------------
# Worker mode: run one module under both VMs. Invoked via xargs.
# ---------------------------------------------------------------------------
if [ "${1:-}" = "--run-one" ]; then
    m=$2
    res="$RD_OUT/_results"
    wd="$RD_OUT/_run/$m"

    if [ ! -f "$RD_OUT/$m.beam" ]; then
        echo "compile" > "$res/$m.status"
        exit 0
    fi
    rm -rf "$wd"; mkdir -p "$wd/erl" "$wd/vm"

    # Crash dumps off (erl writes erl_crash.dump into cwd on do_boot crashes).
    export ERL_CRASH_DUMP_SECONDS=0

    run_one() { # $1 = tag (erl|vm), rest = command
        local tag=$1; shift
        (cd "$wd/$tag" && exec timeout -k 5 "$RD_TIMEOUT" "$@" \
            -noshell -pa "$RD_OUT" -s "$m" main -s erlang halt \
            </dev/null 2>"$res/$m.$tag.err") | head -c 50000000 > "$res/$m.$tag.out"
        echo "${PIPESTATUS[0]}" > "$res/$m.$tag.rc"
    }

    run_one erl erl
    read -r -a vmcmd <<< "$RD_VM"
    run_one vm "${vmcmd[@]}"

    erc=$(cat "$res/$m.erl.rc"); vrc=$(cat "$res/$m.vm.rc")
    if [ "$erc" = "$vrc" ] && cmp -s "$res/$m.erl.out" "$res/$m.vm.out"; then
        echo "pass" > "$res/$m.status"
    else
        echo "fail" > "$res/$m.status"
        diff -u -a --label "erl/$m.stdout" --label "vm/$m.stdout" \
            "$res/$m.erl.out" "$res/$m.vm.out" > "$res/$m.diff"
    fi
    rm -rf "$wd"
    exit 0
fi

# ---------------------------------------------------------------------------
# Main mode
# ---------------------------------------------------------------------------
usage() {
    echo "usage: $0 JOIST_BINARY OUT_DIR [PATTERN]" >&2
    echo "       (env: JOIST_DIFF_SKIP_FILE, JOIST_DIFF_JOBS, JOIST_DIFF_TIMEOUT)" >&2
    exit 2
}
[ $# -ge 2 ] && [ $# -le 3 ] || usage
[ -n "$1" ] && [ -n "$2" ] || usage

VM=$1
OUT=$2
PATTERN=${3:-}
JOBS=${JOIST_DIFF_JOBS:-2}
TMO=${JOIST_DIFF_TIMEOUT:-60}

for tool in erl erlc timeout diff cmp xargs; do
    command -v "$tool" >/dev/null 2>&1 || { echo "run_diff: '$tool' not found in PATH" >&2; exit 2; }
done

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TEST_ROOT="$SCRIPT_DIR/erl"
[ -d "$TEST_ROOT" ] || { echo "run_diff: no test dir $TEST_ROOT" >&2; exit 2; }

mkdir -p "$OUT" || exit 2
OUT=$(cd "$OUT" && pwd)
mkdir -p "$OUT/_results" "$OUT/_run"

# The VM command's first word: make a relative path absolute, since tests run
# in a per-test working directory.
read -r -a vmwords <<< "$VM"
[ ${#vmwords[@]} -gt 0 ] || usage
case "${vmwords[0]}" in
    /*) ;;
    */*) if [ -e "${vmwords[0]}" ]; then
             vmwords[0]="$(cd "$(dirname "${vmwords[0]}")" && pwd)/$(basename "${vmwords[0]}")"
         fi ;;
    *) command -v "${vmwords[0]}" >/dev/null 2>&1 || \
           echo "run_diff: warning: VM command '${vmwords[0]}' not found in PATH" >&2 ;;
esac
VM="${vmwords[*]}"

# --- discover tests --------------------------------------------------------
declare -A SRC=()
dups=0
modules=()
while IFS= read -r f; do
    m=$(basename "$f" .erl)
    if [ -n "${SRC[$m]:-}" ]; then
        echo "run_diff: duplicate module name '$m': ${SRC[$m]} and $f" >&2
        dups=1
        continue
    fi
    SRC[$m]=$f
    if [ -z "$PATTERN" ] || [[ "$m" == *"$PATTERN"* ]]; then
        modules+=("$m")
    fi
done < <(find "$TEST_ROOT" -type f -name '*.erl' | LC_ALL=C sort)
[ $dups -eq 0 ] || exit 2

if [ ${#modules[@]} -eq 0 ]; then
    echo "run_diff: no tests match${PATTERN:+ pattern '$PATTERN'}" >&2
fi

# --- skip list -------------------------------------------------------------
declare -A SKIP=()
SKIP_MODE=0
if [ -n "${JOIST_DIFF_SKIP_FILE:-}" ]; then
    SKIP_MODE=1
    if [ -f "$JOIST_DIFF_SKIP_FILE" ]; then
        while IFS= read -r line || [ -n "$line" ]; do
            line=${line%%#*}
            line=$(echo "$line" | tr -d '[:space:]')
            [ -n "$line" ] && SKIP[$line]=1
        done < "$JOIST_DIFF_SKIP_FILE"
    else
        echo "run_diff: warning: JOIST_DIFF_SKIP_FILE '$JOIST_DIFF_SKIP_FILE' not found" >&2
    fi
fi

# --- compile ---------------------------------------------------------------
COMPILE_LOG="$OUT/_results/_compile.log"
: > "$COMPILE_LOG"
if [ ${#modules[@]} -gt 0 ]; then
    files=()
    for m in "${modules[@]}"; do
        rm -f "$OUT/$m.beam" "$OUT/_results/$m".*
        files+=("${SRC[$m]}")
    done
    # One erlc invocation for everything (fast); on error, recompile the
    # failing files one by one so each gets its own error log.
    if ! (cd "$TEST_ROOT" && erlc +deterministic -o "$OUT" "${files[@]}") >>"$COMPILE_LOG" 2>&1; then
        for m in "${modules[@]}"; do
            if [ ! -f "$OUT/$m.beam" ]; then
                (cd "$TEST_ROOT" && erlc +deterministic -o "$OUT" "${SRC[$m]}") \
                    > "$OUT/_results/$m.compile.log" 2>&1
            fi
        done
    fi
fi

# --- run -------------------------------------------------------------------
export RD_OUT="$OUT" RD_VM="$VM" RD_TIMEOUT="$TMO"
# The sched_* programs watch how the schedulers spread work over the cores: they run one at a
# time after the others, so that no other test competes for a core (erl itself then leaves
# work on one scheduler).
parallel=(); solo=()
for m in "${modules[@]}"; do
    case "$m" in sched_*) solo+=("$m") ;; *) parallel+=("$m") ;; esac
done
if [ ${#parallel[@]} -gt 0 ]; then
    printf '%s\n' "${parallel[@]}" | \
        xargs -P "$JOBS" -n 1 bash "$SCRIPT_DIR/run_diff.sh" --run-one
fi
for m in "${solo[@]}"; do
    bash "$SCRIPT_DIR/run_diff.sh" --run-one "$m"
done

# --- report ----------------------------------------------------------------
passed=0; failed=0; skipped=0
describe_rc() {
    case "$1" in
        124) echo "124 (timeout after ${TMO}s)";;
        137) echo "137 (killed after timeout)";;
        *) echo "$1";;
    esac
}
for m in "${modules[@]}"; do
    st=$(cat "$OUT/_results/$m.status" 2>/dev/null || echo "missing")
    if [ "$st" = "pass" ]; then
        passed=$((passed + 1))
        if [ -n "${SKIP[$m]:-}" ]; then
            echo "XPASS $m: unexpectedly passed (listed in JOIST_DIFF_SKIP_FILE)"
        fi
        continue
    fi
    if [ -n "${SKIP[$m]:-}" ]; then
        skipped=$((skipped + 1))
        continue
    fi
    failed=$((failed + 1))
    case "$st" in
        compile)
            echo "FAIL $m: compile error (tests/${SRC[$m]#"$SCRIPT_DIR/"})"
            if [ -f "$OUT/_results/$m.compile.log" ]; then
                head -n 15 "$OUT/_results/$m.compile.log" | sed 's/^/    /'
            else
                head -n 15 "$COMPILE_LOG" | sed 's/^/    /'
            fi
            ;;
        fail)
            erc=$(cat "$OUT/_results/$m.erl.rc"); vrc=$(cat "$OUT/_results/$m.vm.rc")
            why=()
            if ! cmp -s "$OUT/_results/$m.erl.out" "$OUT/_results/$m.vm.out"; then
                if cmp -s <(tr -d '\r' < "$OUT/_results/$m.erl.out") \
                          <(tr -d '\r' < "$OUT/_results/$m.vm.out"); then
                    why+=("stdout differs only in \\r (erlang:display ends lines with \\r\\n)")
                else
                    why+=("stdout differs")
                fi
            fi
            if [ "$erc" != "$vrc" ]; then
                why+=("exit status erl=$(describe_rc "$erc") vm=$(describe_rc "$vrc")")
            fi
            reason=$(IFS=';'; echo "${why[*]}" | sed 's/;/; /g')
            echo "FAIL $m: $reason"
            if [ -s "$OUT/_results/$m.diff" ]; then
                head -n 15 "$OUT/_results/$m.diff" | sed 's/^/    /'
                n=$(wc -l < "$OUT/_results/$m.diff")
                [ "$n" -gt 15 ] && echo "    ... ($n diff lines, full diff: $OUT/_results/$m.diff)"
            fi
            ;;
        *)
            echo "FAIL $m: no result (runner error)"
            ;;
    esac
done

if [ $SKIP_MODE -eq 1 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ $failed -eq 0 ] || exit 1
exit 0
