-module(tuple_make).
-export([main/0, id/1]).

%% erlang:make_tuple/2,3 and list_to_tuple/tuple_to_list round trips.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    erlang:display({erlang:make_tuple(?MODULE:id(0), x), erlang:make_tuple(?MODULE:id(3), x), erlang:make_tuple(?MODULE:id(2), [])}),
    erlang:display(erlang:make_tuple(?MODULE:id(6), def, [{2, two}, {5, five}, {2, dup}])),
    erlang:display([t(fun() -> erlang:make_tuple(?MODULE:id(N), x) end) || N <- [-1, a, 1.0]]),
    erlang:display({bad_init, t(fun() -> erlang:make_tuple(3, x, ?MODULE:id([{4, y}])) end), t(fun() -> erlang:make_tuple(3, x, ?MODULE:id([bad])) end)}),
    T = erlang:make_tuple(?MODULE:id(10000), 7),
    erlang:display({tuple_size(T), element(10000, T), lists:sum(tuple_to_list(T))}),
    ok.
