-module(tuple_large).
-export([main/0, id/1]).

%% Large tuples (up to 100000 elements), literal tuples, comparisons.
id(X) -> X.

main() ->
    N = ?MODULE:id(100000),
    T = list_to_tuple(lists:seq(1, N)),
    erlang:display({tuple_size(T), element(1, T), element(N, T), element(N div 2, T)}),
    Sum = lists:foldl(fun(I, Acc) -> Acc + element(I, T) end, 0, lists:seq(1, N)),
    erlang:display({sum, Sum}),
    T2 = setelement(N, T, last),
    erlang:display({cmp, T < T2, T =:= T2, element(N, T2), tuple_size(T2)}),
    erlang:display({size_order, ?MODULE:id({z}) < {a, a}, ?MODULE:id({1, 2, 3}) > {9, 9}, ?MODULE:id({}) < {a}}),
    Lit = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30},
    erlang:display({lit, Lit, tuple_size(?MODULE:id(Lit))}),
    ok.
