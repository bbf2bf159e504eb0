-module(lists_mod_nth_sublist).
-export([main/0, id/1]).

%% lists:nth, nthtail, sublist/2,3 boundaries.
id(X) -> X.

t(F) -> try F() of V -> V catch C:R -> {C, R} end.

main() ->
    L = ?MODULE:id([a, b, c, d, e]),
    erlang:display([lists:nth(I, L) || I <- [1, 3, 5]]),
    erlang:display([lists:nthtail(I, L) || I <- [0, 1, 4, 5]]),
    erlang:display([lists:sublist(L, N) || N <- [0, 1, 3, 5, 10]]),
    erlang:display([lists:sublist(L, S, N) || {S, N} <- [{1, 2}, {2, 3}, {5, 1}, {5, 10}, {6, 1}, {3, 0}]]),
    erlang:display([t(fun() -> lists:nth(?MODULE:id(I), L) end) || I <- [0, 6]]),
    erlang:display([t(fun() -> lists:nthtail(?MODULE:id(I), L) end) || I <- [6, -1]]),
    erlang:display([t(fun() -> lists:sublist(L, ?MODULE:id(S), 1) end) || S <- [0, 7]]),
    ok.
