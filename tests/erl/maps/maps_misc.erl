-module(maps_misc).
-export([main/0, id/1]).
id(X) -> X.
main() ->
    erlang:display(maps:from_list([{0.0, a}, {id(-0.0), b}])),
    erlang:display(maps:from_list([{id(-0.0), b}, {0.0, a}])),
    erlang:display(maps:put(id(-0.0), c, #{0.0 => a})),
    L = maps:from_list([{I, I} || I <- lists:seq(1, 40)] ++ [{id(-0.0), x}, {0.0, y}, {1.0, f}]),
    erlang:display(L),
    erlang:display(maps:get(0.0, L)),
    erlang:display(maps:from_list([{I rem 35, I} || I <- lists:seq(1, 100)])),
    erlang:display(maps:merge(maps:from_list([{I, a} || I <- lists:seq(1, 20)]), maps:from_list([{I, b} || I <- lists:seq(10, 30)]))),
    erlang:display(maps:from_keys(lists:seq(1, 33), z)),
    erlang:display(maps:keys(maps:from_list([{[I], I} || I <- lists:seq(1, 35)]))),
    ok.
