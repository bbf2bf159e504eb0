-module(recursion_qsort).
-export([main/0, id/1]).

%% Quicksort and mergesort via recursion and list comprehensions,
%% checked against lists:sort.
id(X) -> X.

qsort([]) -> [];
qsort([P | T]) -> qsort([X || X <- T, X < P]) ++ [P] ++ qsort([X || X <- T, X >= P]).

msort([]) -> [];
msort([X]) -> [X];
msort(L) ->
    {A, B} = lists:split(length(L) div 2, L),
    merge(msort(A), msort(B)).

merge([], B) -> B;
merge(A, []) -> A;
merge([X | A], [Y | _] = B) when X =< Y -> [X | merge(A, B)];
merge(A, [Y | B]) -> [Y | merge(A, B)].

rand_list(0, _, Acc) -> Acc;
rand_list(N, S, Acc) -> S2 = (S * 69069 + 1) rem 4294967296, rand_list(N - 1, S2, [S2 rem 100000 | Acc]).

main() ->
    erlang:display(qsort(?MODULE:id([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]))),
    erlang:display(msort(?MODULE:id("the quick brown fox"))),
    R = rand_list(?MODULE:id(30000), 7, []),
    S = lists:sort(R),
    erlang:display({qsort(R) =:= S, msort(R) =:= S, lists:sum(S), hd(S), lists:last(S)}),
    ok.
