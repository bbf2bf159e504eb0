-module(gc_big_lists).
-export([main/0, id/1]).

%% Build and drop 100k-element lists 200 times; only a checksum survives.
id(X) -> X.

iter(0, Acc) -> Acc;
iter(N, Acc) ->
    L = lists:seq(1, ?MODULE:id(100000)),
    S = sum(L, 0),
    iter(N - 1, (Acc + S + N) rem 1000000007).

sum([], A) -> A;
sum([H | T], A) -> sum(T, A + H).

main() ->
    erlang:display(iter(?MODULE:id(200), 0)),
    ok.
