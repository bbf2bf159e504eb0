-module(lists_mod_map_filter).
-export([main/0, id/1]).

%% lists:map, filter, filtermap, flatmap, foreach, any, all, zipwith.
id(X) -> X.

main() ->
    L = ?MODULE:id(lists:seq(1, 10)),
    erlang:display(lists:map(fun(X) -> X * X end, L)),
    erlang:display(lists:filter(fun(X) -> X rem 2 =:= 1 end, L)),
    erlang:display(lists:filtermap(fun(X) when X rem 3 =:= 0 -> {true, X div 3}; (X) -> X > 8 end, L)),
    erlang:display(lists:flatmap(fun(X) -> lists:duplicate(X rem 3, X) end, L)),
    lists:foreach(fun(X) -> erlang:display({each, X}) end, ?MODULE:id([a, b])),
    erlang:display({lists:any(fun(X) -> X > 9 end, L), lists:any(fun(X) -> X > 10 end, L), lists:any(fun(_) -> true end, [])}),
    erlang:display({lists:all(fun(X) -> X > 0 end, L), lists:all(fun(X) -> X > 1 end, L), lists:all(fun(_) -> false end, [])}),
    erlang:display(lists:zipwith(fun(A, B) -> A * B end, L, lists:reverse(L))),
    erlang:display(lists:zipwith3(fun(A, B, C) -> {A, B, C} end, [1, 2], [a, b], "xy")),
    erlang:display(lists:map(fun(X) -> X end, [])),
    ok.
