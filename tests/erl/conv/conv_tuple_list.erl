-module(conv_tuple_list).
-export([main/0, id/1]).

%% Conversions between tuples and lists combined with other conversions.
id(X) -> X.

main() ->
    T = ?MODULE:id({1, two, "three", 4.0}),
    L = tuple_to_list(T),
    erlang:display({L, list_to_tuple(L) =:= T}),
    erlang:display(list_to_tuple([integer_to_list(X) || X <- ?MODULE:id([1, 22, 333])])),
    erlang:display(list_to_tuple(lists:reverse(tuple_to_list(?MODULE:id({a, b, c}))))),
    erlang:display([tuple_to_list(X) || X <- ?MODULE:id([{}, {x}, {{y}}])]),
    ok.
