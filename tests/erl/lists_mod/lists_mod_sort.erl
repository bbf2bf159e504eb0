-module(lists_mod_sort).
-export([main/0, id/1]).

%% lists:sort/1,2: stability, custom orderings, large inputs, already
%% sorted / reversed inputs.
id(X) -> X.

lcg(0, _, Acc) -> Acc;
lcg(N, S, Acc) -> S2 = (S * 1103515245 + 12345) rem 2147483648, lcg(N - 1, S2, [S2 rem 1000 | Acc]).

main() ->
    erlang:display(lists:sort(?MODULE:id([3, 1, 2, 5, 4, 1, 3]))),
    erlang:display(lists:sort(?MODULE:id([]))),
    erlang:display(lists:sort(?MODULE:id([x]))),
    erlang:display(lists:sort(fun(A, B) -> A >= B end, ?MODULE:id([3, 1, 2, 5, 4]))),
    Pairs = ?MODULE:id([{b, 1}, {a, 2}, {b, 0}, {a, 1}, {c, 9}, {a, 0}]),
    erlang:display(lists:sort(fun({K1, _}, {K2, _}) -> K1 =< K2 end, Pairs)),
    erlang:display(lists:sort(Pairs)),
    R = lcg(?MODULE:id(20000), 42, []),
    S = lists:sort(R),
    erlang:display({length(S), hd(S), lists:last(S), lists:sum(S) =:= lists:sum(R), is_sorted(S)}),
    erlang:display([lists:nth(I, S) || I <- lists:seq(1, 20000, 1000)]),
    erlang:display({presorted, lists:sort(lists:seq(1, 10000)) =:= lists:seq(1, 10000), lists:sort(lists:seq(10000, 1, -1)) =:= lists:seq(1, 10000)}),
    erlang:display(lists:sort(fun(A, B) -> length(A) =< length(B) end, ?MODULE:id(["ccc", "a", "bb", "", "dd", "e"]))),
    ok.

is_sorted([A, B | T]) when A =< B -> is_sorted([B | T]);
is_sorted([_, _ | _]) -> false;
is_sorted(_) -> true.
