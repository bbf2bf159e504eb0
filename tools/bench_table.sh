#!/usr/bin/env bash
# The benchmark table: every benchmark of the shared suite (../shared/bench/src, or $JOIST_BENCH_DIR)
# run on erl and on joist in the same run, alternating, with 1 scheduler and with all of them
# (erl +S N:N, joist +S N), medians of RUNS runs each.
#
#   tools/bench_table.sh [-n RUNS] [--vm JOIST] [BENCH ...]
#
# Output (keep it stable: it is how performance is watched from one change to the next):
#   a header line, then one line per benchmark:
#   benchmark  erl_us@1  joist_us@1  ratio@1  erl_us@N  joist_us@N  ratio@N  note
# where ratio = joist/erl (below 1.0: joist is faster) and the times are what each benchmark
# measures itself (start-up excluded), in microseconds. A checksum that differs between the VMs
# is noted MISMATCH (its ratio means nothing); a run that printed no result is noted FAIL.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
bench_dir=${JOIST_BENCH_DIR:-$root/../shared/bench}
runs=3; vm="$root/build/joist"; benches=()
while [ $# -gt 0 ]; do
    case "$1" in
        -n) runs=$2; shift 2 ;;
        --vm) vm=$2; shift 2 ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) benches+=("$1"); shift ;;
    esac
done
[ -d "$bench_dir/src" ] || { echo "no benchmarks in $bench_dir/src"; exit 2; }
all=$(nproc)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
erlc -o "$out" "$bench_dir"/src/*.erl || { echo "erlc failed"; exit 2; }
if [ ${#benches[@]} -eq 0 ]; then
    for f in "$bench_dir"/src/*.erl; do
        b=$(basename "$f" .erl); [ "$b" = bench_common ] || benches+=("$b")
    done
fi

# one_run BENCH CMD... -> "CHECKSUM MICROS" or "FAIL"
one_run() {
    local b=$1; shift
    local line
    line=$(timeout 300 "$@" -noshell -pa "$out" -s "$b" main -s erlang halt 2>/dev/null |
           tr -d '\r' | grep -E '^\{result,' | tail -1)
    [ -n "$line" ] || { echo FAIL; return; }
    echo "$line" | sed -E 's/^\{result,[a-z_]+,(.*),([0-9]+)\}$/\1 \2/'
}
median() { sort -n | awk '{a[NR]=$1} END{ if (NR==0) print "-"; else print a[int((NR+1)/2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (a=="-"||b=="-"||b==0) print "-"; else printf "%.2f", a/b }'; }

printf '%-18s %11s %11s %8s %11s %11s %8s  %s\n' benchmark erl_us@1 joist_us@1 ratio@1 \
    "erl_us@$all" "joist_us@$all" "ratio@$all" note
for b in "${benches[@]}"; do
    note=""; cols=()
    for s in 1 "$all"; do
        : >"$out/e"; : >"$out/j"
        for _ in $(seq "$runs"); do
            r=$(one_run "$b" erl +P 1100000 +S "$s:$s")
            [ "$r" = FAIL ] && note="$note erl-FAIL@$s" || echo "$r" >>"$out/e"
            r=$(one_run "$b" $vm +P 1100000 +S "$s")
            [ "$r" = FAIL ] && note="$note joist-FAIL@$s" || echo "$r" >>"$out/j"
        done
        ce=$(cut -d' ' -f1 "$out/e" | sort -u | head -1); cj=$(cut -d' ' -f1 "$out/j" | sort -u | head -1)
        [ -n "$cj" ] && [ -n "$ce" ] && [ "$ce" != "$cj" ] && note="$note MISMATCH@$s"
        me=$(cut -d' ' -f2 "$out/e" | median); mj=$(cut -d' ' -f2 "$out/j" | median)
        cols+=("$me" "$mj" "$(ratio "$mj" "$me")")
    done
    printf '%-18s %11s %11s %8s %11s %11s %8s  %s\n' "$b" "${cols[@]}" "${note# }"
done
