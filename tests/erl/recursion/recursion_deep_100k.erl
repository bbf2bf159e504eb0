-module(recursion_deep_100k).
-export([main/0, id/1]).

%% Deep non-tail recursion (100k - 1M frames): the stack must grow.
id(X) -> X.

sum(0) -> 0;
sum(N) -> N + sum(N - 1).

build(0) -> [];
build(N) -> [N | build(N - 1)].

depth_tuple(0) -> leaf;
depth_tuple(N) -> {node, depth_tuple(N - 1)}.

measure(leaf) -> 0;
measure({node, T}) -> 1 + measure(T).

main() ->
    erlang:display(sum(?MODULE:id(100000))),
    erlang:display(sum(?MODULE:id(1000000))),
    L = build(?MODULE:id(200000)),
    erlang:display({length(L), hd(L), lists:last(L)}),
    erlang:display(measure(depth_tuple(?MODULE:id(300000)))),
    ok.
