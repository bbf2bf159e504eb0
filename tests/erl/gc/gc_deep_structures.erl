-module(gc_deep_structures).
-export([main/0, id/1]).

%% Deep and wide structures kept alive across many collections while
%% garbage is produced; verify the structure is intact afterwards.
id(X) -> X.

tree(0) -> leaf;
tree(D) -> {tree(D - 1), D, tree(D - 1)}.

tsum(leaf) -> 0;
tsum({L, V, R}) -> tsum(L) + V + tsum(R).

garbage(0) -> ok;
garbage(N) -> _ = [{N, X, [X]} || X <- lists:seq(1, 1000)], garbage(N - 1).

main() ->
    T = tree(?MODULE:id(16)),
    S1 = tsum(T),
    Chain = lists:foldl(fun(I, Acc) -> {I, Acc} end, nil, lists:seq(1, 100000)),
    garbage(?MODULE:id(300)),
    erlang:display({S1, tsum(T) =:= S1, element(1, Chain), element(1, element(2, Chain))}),
    erlang:display(chain_len(Chain, 0)),
    ok.

chain_len(nil, N) -> N;
chain_len({_, T}, N) -> chain_len(T, N + 1).
