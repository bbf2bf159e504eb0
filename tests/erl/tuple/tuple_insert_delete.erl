-module(tuple_insert_delete).
-export([main/0, id/1]).

%% erlang:insert_element/3 and delete_element/2: every position, bad indices and tuples,
%% large tuples, and the frame of a failing call.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R:S -> {C, R, hd(S)} end.

main() ->
    T = ?MODULE:id({a, b, c}),
    erlang:display([erlang:insert_element(I, T, x) || I <- lists:seq(1, 4)]),
    erlang:display([erlang:delete_element(I, T) || I <- lists:seq(1, 3)]),
    erlang:display({erlang:insert_element(1, ?MODULE:id({}), only), erlang:delete_element(1, ?MODULE:id({z}))}),
    erlang:display(erlang:insert_element(2, T, {nested, [1, 2.5, "s"]})),
    Big = list_to_tuple(lists:seq(1, 100000)),
    B2 = erlang:insert_element(50001, Big, x),
    erlang:display({tuple_size(B2), element(50000, B2), element(50001, B2), element(50002, B2),
                    element(100001, B2)}),
    B3 = erlang:delete_element(1, erlang:delete_element(100000, Big)),
    erlang:display({tuple_size(B3), element(1, B3), element(99998, B3)}),
    Grown = lists:foldl(fun(I, Acc) -> erlang:insert_element(1, Acc, I) end, ?MODULE:id({}), lists:seq(1, 30)),
    erlang:display(Grown),
    Shrunk = lists:foldl(fun(_, Acc) -> erlang:delete_element(2, Acc) end, Grown, lists:seq(1, 20)),
    erlang:display(Shrunk),
    Bad = [fun() -> erlang:insert_element(?MODULE:id(0), T, x) end,
           fun() -> erlang:insert_element(?MODULE:id(5), T, x) end,
           fun() -> erlang:insert_element(?MODULE:id(-1), T, x) end,
           fun() -> erlang:insert_element(?MODULE:id(1.0), T, x) end,
           fun() -> erlang:insert_element(?MODULE:id(1 bsl 70), T, x) end,
           fun() -> erlang:insert_element(?MODULE:id(a), T, x) end,
           fun() -> erlang:insert_element(1, ?MODULE:id([a]), x) end,
           fun() -> erlang:insert_element(2, ?MODULE:id({}), x) end,
           fun() -> erlang:delete_element(?MODULE:id(0), T) end,
           fun() -> erlang:delete_element(?MODULE:id(4), T) end,
           fun() -> erlang:delete_element(?MODULE:id(1), ?MODULE:id({})) end,
           fun() -> erlang:delete_element(?MODULE:id(1), ?MODULE:id(abc)) end,
           fun() -> erlang:delete_element(?MODULE:id(2.0), T) end,
           fun() -> erlang:delete_element(?MODULE:id(-(1 bsl 70)), T) end],
    [erlang:display(t(F)) || F <- Bad],
    ok.
