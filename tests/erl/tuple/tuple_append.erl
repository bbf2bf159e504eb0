-module(tuple_append).
-export([main/0, id/1]).

%% erlang:append_element/2, insert_element/3, delete_element/2.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    T = ?MODULE:id({a, b}),
    erlang:display({erlang:append_element(T, c), erlang:append_element(?MODULE:id({}), x), erlang:append_element(T, {})}),
    Grown = lists:foldl(fun(I, Acc) -> erlang:append_element(Acc, I) end, ?MODULE:id({}), lists:seq(1, 20)),
    erlang:display(Grown),
    erlang:display({erlang:insert_element(1, T, x), erlang:insert_element(3, T, x), erlang:insert_element(2, T, [y])}),
    erlang:display({erlang:delete_element(1, T), erlang:delete_element(2, T), erlang:delete_element(1, ?MODULE:id({only}))}),
    erlang:display([t(fun() -> erlang:insert_element(?MODULE:id(4), T, x) end), t(fun() -> erlang:delete_element(?MODULE:id(3), T) end),
                    t(fun() -> erlang:append_element(?MODULE:id([a]), x) end), t(fun() -> erlang:delete_element(?MODULE:id(0), T) end)]),
    ok.
