-module(float_compare).
-export([main/0, id/1]).

%% Comparisons between ints and floats: == vs =:=, ordering, sorting.
id(X) -> X.

main() ->
    Pairs = [{1, 1.0}, {0, 0.0}, {0, -0.0}, {0.0, -0.0}, {-1, -1.0}, {2, 1.9999999999999998},
             {9007199254740993, 9007199254740992.0}, {9007199254740992, 9007199254740992.0},
             {1 bsl 64, 18446744073709551616.0}, {(1 bsl 64) + 1, 18446744073709551616.0},
             {3, 3.1}, {-3, -3.1}, {0.1, 0.10000000000000001}],
    [erlang:display({A, B, A == B, A =:= B, A /= B, A =/= B, A < B, A > B, A =< B, A >= B})
     || {A0, B0} <- Pairs, A <- [?MODULE:id(A0)], B <- [?MODULE:id(B0)]],
    erlang:display(lists:sort([?MODULE:id(X) || X <- [3, 2.0, 1, 2, 1.0, 3.0, -0.0, 0, 0.0, 1.5]])),
    erlang:display(lists:usort([?MODULE:id(X) || X <- [3, 2.0, 1, 2, 1.0, 3.0, 0, 0.0]])),
    erlang:display({max, max(?MODULE:id(1), 1.0), max(?MODULE:id(1.0), 1), min(?MODULE:id(2), 2.0), min(?MODULE:id(2.0), 2)}),
    ok.
