-module(maps_map_info).
-export([main/0, id/1]).

%% erts_debug:map_info/1: the shape of a hash map (depth, array and bitmap nodes, leaves by
%% level) is erl's, for maps of many sizes and key kinds, built at once or key by key, and
%% after removals; a flat map is badarg, a non-map badmap. (No atoms in keys: erl hashes an
%% atom by its index in erl's own atom table.)
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    Sizes = [33, 40, 100, 257, 1000, 5000],
    erlang:display([erts_debug:map_info(maps:from_list([{I, I} || I <- lists:seq(1, N)])) || N <- Sizes]),
    erlang:display([erts_debug:map_info(maps:from_list([{integer_to_list(I), I} || I <- lists:seq(1, N)])) || N <- Sizes]),
    Grown = lists:foldl(fun(I, M) -> M#{{I, [I, 0.5]} => I} end, #{}, lists:seq(1, 700)),
    erlang:display(erts_debug:map_info(Grown)),
    Shrunk = lists:foldl(fun(I, M) -> maps:remove({I, [I, 0.5]}, M) end, Grown, lists:seq(1, 650)),
    erlang:display(erts_debug:map_info(Shrunk)),
    erlang:display([t(fun() -> erts_debug:map_info(?MODULE:id(X)) end) || X <- [#{}, #{a => 1}, [], 1]]),
    ok.
