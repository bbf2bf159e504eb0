-module(recursion_tail_10m).
-export([main/0, id/1]).

%% 10 million tail-recursive iterations: must run in constant stack.
id(X) -> X.

loop(0, Acc) -> Acc;
loop(N, Acc) -> loop(N - 1, Acc + (N band 7)).

%% tail calls through a case and between two functions
even(0) -> true;
even(N) -> odd(N - 1).
odd(0) -> false;
odd(N) -> even(N - 1).

main() ->
    erlang:display(loop(?MODULE:id(10000000), 0)),
    erlang:display({even(?MODULE:id(3000001)), odd(?MODULE:id(3000001))}),
    ok.
