-module(tuple_element).
-export([main/0, id/1]).

%% element/2 and tuple_size/1, including out-of-range and bad args.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    T = ?MODULE:id({a, 2, "three", {four}, [5], 6.0}),
    erlang:display([element(I, T) || I <- lists:seq(1, tuple_size(T))]),
    erlang:display({tuple_size(T), tuple_size(?MODULE:id({})), size(T), tuple_size(?MODULE:id({{}, {}}))}),
    erlang:display([t(fun() -> element(?MODULE:id(I), T) end) || I <- [0, 7, -1, 1 bsl 64, a, 1.0]]),
    erlang:display({not_tuple, t(fun() -> element(1, ?MODULE:id([a])) end), t(fun() -> tuple_size(?MODULE:id([])) end)}),
    erlang:display({empty, t(fun() -> element(1, ?MODULE:id({})) end)}),
    ok.
