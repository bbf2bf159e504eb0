-module(lists_mod_seq).
-export([main/0, id/1]).

%% lists:seq/2,3 edge cases.
id(X) -> X.

t(F) -> try F() of V -> V catch C:R -> {C, R} end.

main() ->
    erlang:display([lists:seq(?MODULE:id(A), B) || {A, B} <- [{1, 10}, {1, 1}, {1, 0}, {-3, 3}, {5, 4}]]),
    erlang:display([lists:seq(?MODULE:id(A), B, S) || {A, B, S} <- [{1, 10, 3}, {10, 1, -3}, {1, 1, 5}, {0, 20, 7}, {5, 5, -1}, {1, 0, 1}]]),
    erlang:display({big, lists:seq(1 bsl 64, (1 bsl 64) + 3)}),
    erlang:display({len, length(lists:seq(1, 1000000))}),
    erlang:display([t(fun() -> lists:seq(?MODULE:id(A), B, S) end) || {A, B, S} <- [{1, 10, 0}, {10, 1, 1}, {1, 10, -1}, {1, a, 1}, {1.0, 2, 1}]]),
    ok.
