-module(match_aliases).
-export([main/0, id/1]).

%% Pattern aliases (P1 = P2 in patterns), match expressions chaining,
%% match returns the right-hand side value.
id(X) -> X.

head_and_all([H | _] = All) -> {H, All}.

split_tuple({A, _} = T = {_, B}) -> {A, B, T}.

main() ->
    erlang:display(head_and_all(?MODULE:id([1, 2, 3]))),
    erlang:display(split_tuple(?MODULE:id({x, y}))),
    X = Y = ?MODULE:id(chained),
    erlang:display({X, Y}),
    V = ({P, Q} = ?MODULE:id({1, 2})),
    erlang:display({V, P, Q}),
    case ?MODULE:id({ok, [1, 2]}) of
        {ok, [First | _] = L} = Whole -> erlang:display({First, L, Whole})
    end,
    F = fun({a, _} = T) -> {got_a, T}; (Other = {_, _}) -> {other, Other} end,
    erlang:display([F(?MODULE:id(T)) || T <- [{a, 1}, {b, 2}]]),
    ok.
