-module(maps_zero_keys).
-export([main/0, id/1]).
id(X) -> X.
main() ->
    L = maps:from_list([{I, I} || I <- lists:seq(1, 40)] ++ [{0.0, y}]),
    erlang:display(maps:get(0.0, maps:put(id(-0.0), z, L))),
    erlang:display([K || K <- maps:keys(maps:put(id(-0.0), z, L)), is_float(K)]),
    erlang:display([K || K <- maps:keys((id(L))#{id(-0.0) := w}), is_float(K)]),
    erlang:display(maps:keys(maps:put(id(-0.0), z, #{0.0 => 1}))),
    erlang:display(maps:keys((id(#{0.0 => 1}))#{id(-0.0) := 2})),
    erlang:display(maps:keys(maps:merge(#{0.0 => 1}, #{id(-0.0) => 2}))),
    erlang:display(maps:from_list([{I, I} || I <- lists:seq(1, 40)] ++ [{id(-0.0), x}, {0.0, y}, {1.0, f}])),
    ok.
