-module(maps_collision).
-export([main/0, id/1]).

id(X) -> X.

%% Pairs of integers whose 32-bit map hashes are equal: below 8 levels erl rehashes with a
%% salt (make_map_hash), and removal collapses the chain again.
pairs() ->
    [{40660, 59671}, {22575, 119693}, {121236, 167527}, {169647, 178740}, {29879, 217607},
     {204923, 232672}].

main() ->
    Base = maps:from_list([{I, I} || I <- lists:seq(1, 33)]),
    [begin
         M = maps:from_list([{A, a}, {B, b}] ++ maps:to_list(Base)),
         erlang:display(M),
         erlang:display(M =:= (Base#{B => b})#{A => a}),
         erlang:display({maps:get(A, M), maps:get(B, M)}),
         erlang:display(maps:remove(A, M)),
         erlang:display(maps:remove(B, maps:remove(A, M)) =:= Base)
     end || {A, B} <- pairs()],
    Three = maps:from_list([{K, K} || {A, B} <- pairs(), K <- [A, B]] ++ maps:to_list(Base)),
    erlang:display(Three),
    erlang:display(maps:keys(Three)),
    erlang:display(maps:fold(fun(K, _, Acc) -> [K | Acc] end, [], Three)),
    ok.
