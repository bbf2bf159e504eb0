-module(recursion_hanoi).
-export([main/0, id/1]).

%% Towers of Hanoi: move list for small N, move count for larger N.
id(X) -> X.

hanoi(0, _, _, _, Acc) -> Acc;
hanoi(N, From, To, Via, Acc) ->
    Acc1 = hanoi(N - 1, From, Via, To, Acc),
    hanoi(N - 1, Via, To, From, [{From, To} | Acc1]).

count(0) -> 0;
count(N) -> 2 * count(N - 1) + 1.

main() ->
    erlang:display(lists:reverse(hanoi(?MODULE:id(3), a, c, b, []))),
    Moves = hanoi(?MODULE:id(16), a, c, b, []),
    erlang:display({length(Moves), count(16), hd(Moves), lists:last(Moves)}),
    erlang:display(count(?MODULE:id(100))),
    ok.
