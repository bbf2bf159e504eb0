-module(list_nested).
-export([main/0, id/1]).

%% Nested lists: deep nesting, flattening by hand, equality, display.
id(X) -> X.

deep(0) -> [];
deep(N) -> [deep(N - 1)].

flat([], Acc) -> Acc;
flat([H | T], Acc) when is_list(H) -> flat(H, flat(T, Acc));
flat([H | T], Acc) -> [H | flat(T, Acc)].

count([]) -> 0;
count([H | T]) when is_list(H) -> count(H) + count(T);
count([_ | T]) -> 1 + count(T).

main() ->
    erlang:display(deep(10)),
    D = deep(?MODULE:id(50000)),
    erlang:display({deep_eq, D =:= deep(50000), D < deep(50001)}),
    N = ?MODULE:id([1, [2, [3, [4, []]], 5], [[[6]]], [], 7, [8 | [9]]]),
    erlang:display(N),
    erlang:display({flat(N, []), count(N)}),
    erlang:display(?MODULE:id([[], [[]], [[], []], "", [""], [[], ""]])),
    ok.
