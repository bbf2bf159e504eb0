-module(list_reverse).
-export([main/0, id/1]).

%% lists:reverse/1,2 (BIF-backed) on small and large lists.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    erlang:display({lists:reverse(?MODULE:id([])), lists:reverse(?MODULE:id([1])), lists:reverse(?MODULE:id([1, 2, 3])), lists:reverse(?MODULE:id("hello"))}),
    erlang:display({rev2, lists:reverse(?MODULE:id([1, 2, 3]), [4, 5]), lists:reverse(?MODULE:id([]), tail), lists:reverse(?MODULE:id([1, 2]), improper)}),
    L = lists:seq(1, 200000),
    R = lists:reverse(L),
    erlang:display({big, hd(R), lists:last(R), length(R), lists:reverse(R) =:= L}),
    erlang:display([t(fun() -> lists:reverse(?MODULE:id(X)) end) || X <- [a, [1 | 2]]]),
    erlang:display([t(fun() -> lists:reverse(?MODULE:id(X), []) end) || X <- [a, [1 | 2]]]),
    ok.
