-module(lists_mod_mapfoldl).
-export([main/0, id/1]).

%% lists:mapfoldl/3 and mapfoldr/3.
id(X) -> X.

main() ->
    L = ?MODULE:id([1, 2, 3, 4]),
    erlang:display(lists:mapfoldl(fun(X, Acc) -> {X * 2, Acc + X} end, 0, L)),
    erlang:display(lists:mapfoldr(fun(X, Acc) -> {X * 2, Acc + X} end, 0, L)),
    erlang:display(lists:mapfoldl(fun(X, Acc) -> {{X, Acc}, Acc + 1} end, 100, ?MODULE:id([a, b, c]))),
    erlang:display(lists:mapfoldr(fun(X, Acc) -> {{X, Acc}, Acc + 1} end, 100, ?MODULE:id([a, b, c]))),
    erlang:display(lists:mapfoldl(fun(X, A) -> {X, A} end, acc, [])),
    ok.
