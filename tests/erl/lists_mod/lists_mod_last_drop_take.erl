-module(lists_mod_last_drop_take).
-export([main/0, id/1]).

%% lists:last, droplast, dropwhile, takewhile, delete, subtract.
id(X) -> X.

main() ->
    L = ?MODULE:id([1, 2, 3, 4, 1, 2]),
    erlang:display({lists:last(L), lists:droplast(L), lists:last([x])}),
    erlang:display({lists:dropwhile(fun(X) -> X < 3 end, L), lists:takewhile(fun(X) -> X < 3 end, L)}),
    erlang:display({lists:dropwhile(fun(_) -> true end, L), lists:takewhile(fun(_) -> true end, L)}),
    erlang:display({lists:delete(2, L), lists:delete(9, L), lists:delete(1.0, L)}),
    erlang:display({lists:subtract(L, [1, 2]), lists:droplast([only])}),
    ok.
