%% io:get_line/1,2, io:get_chars/2,3, io:setopts/1 and io:getopts/0 against the group
%% leader's standard input. tests/run_diff.sh gives /dev/null (every read: eof);
%% tests/cli/stdin_diff.sh feeds lines (latin1 bytes, a last line without newline).
%% No prompts: erl writes them to its port while erlang:display writes directly, in either
%% order. Binary-mode reads only once the input is at its end (erl's noshell reader
%% terminates on a binary read with data left).
-module(proc_stdin).
-export([main/0]).

main() ->
    erlang:display(io:getopts()),
    erlang:display(io:get_line('')),
    erlang:display(io:get_chars('', 3)),
    erlang:display(io:get_line("")),
    erlang:display(io:get_chars("", 0)),
    erlang:display(io:get_line(standard_io, "")),
    erlang:display(io:get_chars(standard_io, "", 2)),
    erlang:display(io:get_line("")),
    erlang:display(io:get_chars("", 100)),
    erlang:display(io:get_line("")),
    erlang:display(io:get_chars("", 1)),
    erlang:display(io:setopts([binary])),
    erlang:display(io:getopts()),
    erlang:display(io:get_line("")),
    erlang:display(io:setopts([list, {encoding, unicode}])),
    erlang:display(io:getopts()),
    erlang:display(io:get_chars("", 2)),
    erlang:display(io:setopts([{binary, false}, {encoding, latin1}])),
    erlang:display(io:setopts([bogus])),
    erlang:display(io:setopts([{encoding, ebcdic}])),
    erlang:display(io:getopts()),
    erlang:display(io:get_line("")),
    ok.
