-module(tuple_conversions).
-export([main/0, id/1]).

%% tuple_to_list and list_to_tuple with nested and empty data.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    erlang:display({tuple_to_list(?MODULE:id({})), tuple_to_list(?MODULE:id({1, {2}, [3]})), list_to_tuple(?MODULE:id([]))}),
    erlang:display(list_to_tuple(?MODULE:id([a, "b", {c}, [d | e], 1.5, -7]))),
    L = lists:seq(1, 1000),
    erlang:display({rt, tuple_to_list(list_to_tuple(L)) =:= L, tuple_size(list_to_tuple(L))}),
    erlang:display([t(fun() -> list_to_tuple(?MODULE:id(X)) end) || X <- [[a | b], abc, {a}]]),
    erlang:display([t(fun() -> tuple_to_list(?MODULE:id(X)) end) || X <- [[a], abc]]),
    ok.
