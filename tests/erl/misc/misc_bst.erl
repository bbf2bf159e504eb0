-module(misc_bst).
-export([main/0, id/1]).

%% Unbalanced binary search tree: insert, lookup, delete, in-order walk.
id(X) -> X.

insert(K, V, nil) -> {K, V, nil, nil};
insert(K, V, {K2, V2, L, R}) when K < K2 -> {K2, V2, insert(K, V, L), R};
insert(K, V, {K2, V2, L, R}) when K > K2 -> {K2, V2, L, insert(K, V, R)};
insert(K, V, {K, _, L, R}) -> {K, V, L, R}.

lookup(_, nil) -> none;
lookup(K, {K, V, _, _}) -> {value, V};
lookup(K, {K2, _, L, _}) when K < K2 -> lookup(K, L);
lookup(K, {_, _, _, R}) -> lookup(K, R).

delete(_, nil) -> nil;
delete(K, {K2, V, L, R}) when K < K2 -> {K2, V, delete(K, L), R};
delete(K, {K2, V, L, R}) when K > K2 -> {K2, V, L, delete(K, R)};
delete(_, {_, _, nil, R}) -> R;
delete(_, {_, _, L, nil}) -> L;
delete(_, {_, _, L, R}) -> {MK, MV} = min_kv(R), {MK, MV, L, delete(MK, R)}.

min_kv({K, V, nil, _}) -> {K, V};
min_kv({_, _, L, _}) -> min_kv(L).

to_list(nil) -> [];
to_list({K, V, L, R}) -> to_list(L) ++ [{K, V}] ++ to_list(R).

height(nil) -> 0;
height({_, _, L, R}) -> 1 + max(height(L), height(R)).

main() ->
    Keys = [?MODULE:id(K) || K <- [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]],
    T = lists:foldl(fun(K, Acc) -> insert(K, K * 10, Acc) end, nil, Keys),
    erlang:display(to_list(T)),
    erlang:display({lookup(40, T), lookup(99, T), height(T)}),
    T2 = delete(30, delete(50, T)),
    erlang:display({to_list(T2), height(T2)}),
    Big = lists:foldl(fun(K, Acc) -> insert((K * 7919) rem 10007, K, Acc) end, nil, lists:seq(1, 5000)),
    erlang:display({length(to_list(Big)), height(Big), lookup(7919, Big)}),
    ok.
