-module(gc_bignums).
-export([main/0, id/1]).

%% Many temporary bignums (heap-allocated integers) created and dropped.
id(X) -> X.

loop(0, Acc) -> Acc;
loop(N, Acc) ->
    B = (?MODULE:id(1) bsl (64 + N rem 200)) + N,
    loop(N - 1, (Acc + (B * B) rem 1000000007) rem 1000000007).

main() ->
    erlang:display(loop(?MODULE:id(300000), 0)),
    F = lists:foldl(fun(I, A) -> A * I end, 1, lists:seq(1, 2000)),
    erlang:display({length(integer_to_list(F)), F rem 999999937}),
    ok.
