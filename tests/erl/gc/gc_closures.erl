-module(gc_closures).
-export([main/0, id/1]).

%% Closures capturing large data survive collections; many short-lived
%% closures are created and dropped.
id(X) -> X.

mk(N) -> Data = lists:seq(1, N), fun() -> lists:sum(Data) end.

main() ->
    Keep = [mk(?MODULE:id(1000) + I) || I <- lists:seq(1, 50)],
    Garbage = lists:foldl(fun(I, Acc) -> F = fun() -> I * 2 end, Acc + F() end, 0, lists:seq(1, 500000)),
    erlang:display({Garbage, lists:sum([F() || F <- Keep])}),
    [_ = lists:seq(1, 50000) || _ <- lists:seq(1, 40)],
    erlang:display(lists:sum([F() || F <- Keep])),
    ok.
