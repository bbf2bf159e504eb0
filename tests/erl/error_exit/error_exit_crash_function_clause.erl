-module(error_exit_crash_function_clause).
-export([main/0, id/1]).

%% function_clause from a local function (args shown in top frame); status 1.
id(X) -> X.

only_pos(N) when N > 0 -> N.

main() ->
    erlang:display(before_function_clause),
    erlang:display(only_pos(?MODULE:id(5))),
    erlang:display(only_pos(?MODULE:id(-5))).
