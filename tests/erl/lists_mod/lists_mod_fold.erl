-module(lists_mod_fold).
-export([main/0, id/1]).

%% lists:foldl/3, foldr/3 order of evaluation and accumulation.
id(X) -> X.

main() ->
    L = ?MODULE:id([1, 2, 3, 4, 5]),
    erlang:display({lists:foldl(fun(X, A) -> A + X end, 0, L), lists:foldr(fun(X, A) -> A + X end, 0, L)}),
    erlang:display({lists:foldl(fun(X, A) -> [X | A] end, [], L), lists:foldr(fun(X, A) -> [X | A] end, [], L)}),
    erlang:display(lists:foldl(fun(X, A) -> A * 10 + X end, 0, L)),
    erlang:display(lists:foldr(fun(X, A) -> A * 10 + X end, 0, L)),
    erlang:display(lists:foldl(fun(X, {Min, Max}) -> {min(X, Min), max(X, Max)} end, {inf, 0}, ?MODULE:id([5, 3, 9, 1]))),
    erlang:display(lists:foldl(fun(_, A) -> A + 1 end, 0, lists:seq(1, 100000))),
    erlang:display(lists:foldr(fun(X, A) -> A + X end, 0, lists:seq(1, 100000))),
    erlang:display({empty, lists:foldl(fun(_, _) -> never end, init, []), lists:foldr(fun(_, _) -> never end, init, [])}),
    Order = lists:foldl(fun(X, A) -> erlang:display({visit_l, X}), A end, ok, [a, b, c]),
    Order2 = lists:foldr(fun(X, A) -> erlang:display({visit_r, X}), A end, ok, [a, b, c]),
    erlang:display({Order, Order2}),
    ok.
