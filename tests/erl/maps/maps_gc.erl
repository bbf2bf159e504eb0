-module(maps_gc).
-export([main/0, id/1]).

id(X) -> X.

grow(0, M) -> M;
grow(N, M) -> grow(N - 1, M#{N => {N, [N]}, {N rem 97, N rem 89} => N}).

shrink([], M) -> M;
shrink([K | Ks], M) -> shrink(Ks, maps:remove(K, M)).

sum(M) -> maps:fold(fun(K, {V, _}, A) when is_integer(K) -> A + V; (_, _, A) -> A end, 0, M).

main() ->
    %% Many updates with garbage in between: the collector must trace hash map nodes.
    M = grow(20000, #{}),
    erlang:display(map_size(M)),
    erlang:display(sum(M)),
    erlang:display(maps:get({5, 5}, M)),
    S = shrink(lists:seq(1, 20000, 2), M),
    erlang:display(map_size(S)),
    erlang:display(sum(S)),
    T = shrink(lists:seq(2, 20000, 2), S),
    erlang:display(T),
    %% Updates with := on a large map
    U = lists:foldl(fun(I, Acc) -> Acc#{I := I} end, M, lists:seq(1, 5000)),
    erlang:display(lists:sum([maps:get(I, U) || I <- lists:seq(1, 5000)])),
    %% the first step of an iterator over a large map (32 pairs, then a path)
    M40 = maps:from_list([{I, I} || I <- lists:seq(1, 40)]),
    erlang:display(maps:next(maps:iterator(M40))),
    M300 = maps:from_list([{I, -I} || I <- lists:seq(1, 300)]),
    {_, _, I2} = maps:next(maps:iterator(M300)),
    erlang:display(I2),
    %% Maps inside other structures, kept across collections
    L = [#{n => I, sq => I * I} || I <- lists:seq(1, 3000)],
    erlang:display(lists:sum([maps:get(sq, X) || X <- L])),
    Deep = lists:foldl(fun(I, Acc) -> #{I => Acc} end, #{}, lists:seq(1, 500)),
    erlang:display(depth(Deep, 0)),
    ok.

depth(M, D) ->
    case maps:to_list(M) of
        [] -> D;
        [{_, Inner}] -> depth(Inner, D + 1)
    end.
