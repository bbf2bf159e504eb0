-module(bignum_compare).
-export([main/0, id/1]).

%% Ordering and equality among small ints, bignums and floats.
id(X) -> X.

main() ->
    Vals = [?MODULE:id(V) || V <- [0, 1, -1, 1 bsl 59, (1 bsl 59) - 1, 1 bsl 64, -(1 bsl 64), 1 bsl 100,
                               -(1 bsl 100), 1.0e18, 1.8446744073709552e19, -1.0e30, 1.0e30]],
    [erlang:display({A, B, A < B, A == B, A =:= B, A >= B}) || A <- Vals, B <- Vals],
    erlang:display(lists:sort(Vals)),
    erlang:display({max, lists:max(Vals), min, lists:min(Vals)}),
    ok.
