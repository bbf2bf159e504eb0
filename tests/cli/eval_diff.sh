#!/usr/bin/env bash
# Differential test of -eval, -s and -run on the command line: each case runs
#     erl          -noshell ARGS...
#     JOIST_BINARY -noshell ARGS...
# and compares stdout (byte-exact) and the exit status. The cases cover one-liners, a missing
# final dot, bindings, io:format of a map, a scan error, a syntax error, runtime errors of each
# class, the command-line order of -eval, -s and -run, init:stop, and what standard_error
# writes.
#
# Usage: tests/cli/eval_diff.sh JOIST_BINARY
set -u
vm=${1:?usage: eval_diff.sh JOIST_BINARY}
vm=$(cd "$(dirname "$vm")" && pwd)/$(basename "$vm")
passed=0 failed=0
# erl writes erl_crash.dump where it runs when init fails: run both in a scratch directory.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch" || exit 2
export ERL_CRASH_DUMP_SECONDS=0

check() {
    local erl_out vm_out erl_rc vm_rc
    erl_out=$(timeout 60 erl -noshell "$@" </dev/null 2>/dev/null); erl_rc=$?
    vm_out=$(timeout 60 $vm -noshell "$@" </dev/null 2>/dev/null); vm_rc=$?
    if [ "$erl_out" == "$vm_out" ] && [ $erl_rc -eq $vm_rc ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $*"
        echo "  erl (exit $erl_rc): $erl_out"
        echo "  vm  (exit $vm_rc): $vm_out"
    fi
}

check -eval 'erlang:display(lists:sum(lists:seq(1,10))), halt().'
check -eval 'erlang:display(no_dot)' -s erlang halt
check -eval 'X = 3, Y = X * 2, io:format("~w~n", [Y])' -s erlang halt
check -eval 'io:format("~p~n", [#{a => 1, b => [x, "y"], c => <<"z">>}])' -s erlang halt
check -eval 'io:format("~s~n", [lists:reverse("olleh")]).' -eval 'halt(3).'
check -eval 'foo(.'
check -eval '"unterminated'
check -eval 'a b.'
check -eval '1/0.'
check -eval 'throw(x).'
check -eval 'exit(bye).'
check -eval 'erlang:error({my, error}, [arg]).'
check -eval 'lists:nth(0, []).'
check -eval 'case 1 of 2 -> ok end.'
check -eval 'erlang:display(first).' -s erlang display second -run erlang display third \
      -eval 'erlang:display(fourth), halt().'
check -eval 'F = fun(N) -> N * N end, erlang:display([F(I) || I <- [1,2,3]]), halt(0).'
check -run io format 'from ~s~n' -s erlang halt
check -eval 'halt(7).'
# init:stop/0,1 halt once what was written is out (-s init stop: the usual last word).
check -eval 'io:format("before~n").' -s init stop
check -eval '{_, {R, [F | _]}} = (catch init:stop(-1)), io:format("~p ~p~n", [R, F]), init:stop(3).'
# The current directory is on the code path: a module compiled there loads on first call.
printf -- '-module(here).\n-export([f/1]).\nf(X) -> {here, X * 2}.\n' > here.erl
check -eval '{ok, here} = compile:file("here.erl"), io:format("~p~n", [here:f(21)]), halt().'
check -eval 'io:format("~p~n", [hd(code:get_path())]), halt().'

# What goes to standard error through the standard_error server (compared byte for byte).
check_stderr() {
    local erl_err vm_err
    erl_err=$(timeout 60 erl -noshell "$@" </dev/null 2>&1 >/dev/null)
    vm_err=$(timeout 60 $vm -noshell "$@" </dev/null 2>&1 >/dev/null)
    if [ "$erl_err" == "$vm_err" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL (stderr): $*"
        echo "  erl: $erl_err"
        echo "  vm : $vm_err"
    fi
}
check_stderr -eval 'io:format(standard_error, "err ~w~n", [1]), io:format("out~n"), io:put_chars(standard_error, [<<"bin ">>, "list\n"]), halt().'
check -eval 'erlang:display({io:format(standard_error, "x~n", []), is_pid(whereis(standard_error))}), halt().'

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
