-module(maps_funs).
-export([main/0, id/1]).

id(X) -> X.

walk(I, Acc) ->
    case maps:next(I) of
        none -> lists:reverse(Acc);
        {K, V, I2} -> walk(I2, [{K, V} | Acc])
    end.

main() ->
    S = #{a => 1, b => 2, c => 3, d => 4},
    L = maps:from_list([{I, I} || I <- lists:seq(1, 60)]),
    erlang:display(maps:fold(fun(K, V, A) -> [{K, V} | A] end, [], S)),
    erlang:display(maps:filter(fun(_, V) -> V rem 2 =:= 0 end, S)),
    erlang:display(maps:map(fun(K, V) -> {K, V * 10} end, S)),
    erlang:display(maps:filtermap(fun(_, V) when V > 2 -> {true, -V};
                                     (_, _) -> false end, S)),
    erlang:display(maps:filter(fun(K, _) -> K rem 3 =:= 0 end, L)),
    erlang:display(maps:map(fun(_, V) -> V + 1 end, L)),
    erlang:display(maps:fold(fun(K, V, A) -> K + V + A end, 0, L)),
    erlang:display(walk(maps:iterator(S), [])),
    erlang:display(walk(maps:iterator(L), [])),
    erlang:display(maps:get(zz, S, default)),
    erlang:display(maps:get(a, S, default)),
    erlang:display(maps:update_with(a, fun(V) -> V + 100 end, S)),
    erlang:display(maps:update_with(q, fun(V) -> V + 100 end, 0, S)),
    erlang:display(maps:with([a, c, zz], S)),
    erlang:display(maps:without([a, c, zz], S)),
    erlang:display(maps:with(lists:seq(10, 45), L)),
    erlang:display(maps:without(lists:seq(10, 45), L)),
    erlang:display(maps:intersect(S, #{a => x, d => y, e => z})),
    erlang:display(maps:merge_with(fun(_, A, B) -> A + B end, S, #{a => 10, e => 5})),
    erlang:display(maps:size(L)),
    erlang:display(maps:groups_from_list(fun(X) -> X rem 3 end, lists:seq(1, 10))),
    erlang:display(lists:sort(maps:to_list(L)) =:= [{I, I} || I <- lists:seq(1, 60)]),
    erlang:display(catch maps:foreach(fun(_, _) -> ok end, S)),
    %% a map in a fun's environment and as a message-like tuple
    F = fun(K) -> maps:get(K, S) end,
    erlang:display([F(K) || K <- [a, b, c, d]]),
    erlang:display(lists:uniq([3, 1, 3, 2, 1])),
    ok.
