#!/usr/bin/env bash
# Differential test of standard input: tests/erl/proc/proc_stdin.erl reads lines and
# characters through io:get_line/get_chars (and io:setopts/getopts), with several inputs
# fed on stdin; erl and joist must print the same and exit alike.
#
# Usage: tests/cli/stdin_diff.sh JOIST_BINARY
set -u
vm=${1:?usage: stdin_diff.sh JOIST_BINARY}
here=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
erlc +deterministic -o "$out" "$here/tests/erl/proc/proc_stdin.erl" || exit 2
passed=0 failed=0

check() {  # check NAME PRINTF-FORMAT: the input is printf's output
    local name=$1 erl_out vm_out erl_rc vm_rc
    printf "$2" > "$out/in"
    erl_out=$(timeout 60 erl -noshell -pa "$out" -s proc_stdin main -s erlang halt <"$out/in" 2>/dev/null); erl_rc=$?
    vm_out=$(timeout 60 $vm -noshell -pa "$out" -s proc_stdin main -s erlang halt <"$out/in" 2>/dev/null); vm_rc=$?
    if [ "$erl_out" == "$vm_out" ] && [ $erl_rc -eq $vm_rc ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $name"
        diff <(echo "$erl_out") <(echo "$vm_out") | head -20
    fi
}

check lines 'hello\nworld, more\nabc\nline four\n\nsix\nlast'
check latin1_bytes 'h\351llo\nw\303\266rld\n\377\200\001\n'
check short 'ab'
check newline_only '\n'
check empty ''
check long_line "$(head -c 9000 /dev/zero | tr '\0' 'x')\nend\n"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
