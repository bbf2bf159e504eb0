-module(bignum_divrem).
-export([main/0, id/1]).

%% div/rem with bignum operands of all sign combinations.
id(X) -> X.

main() ->
    A = ?MODULE:id(123456789012345678901234567890123456789),
    Ds = [1, -1, 7, -7, 1000000007, -1000000007, 1 bsl 62, -(1 bsl 62), 1 bsl 64,
          98765432109876543210, -98765432109876543210, A, -A, A + 1],
    [erlang:display({D, X div D, X rem D, (X div D) * D + X rem D =:= X})
     || X <- [A, -A], D0 <- Ds, D <- [?MODULE:id(D0)]],
    Small = ?MODULE:id(12345),
    erlang:display({small_by_big, Small div A, Small rem A, -Small div A, -Small rem A}),
    erlang:display({by_zero, try A div ?MODULE:id(0) catch C:R -> {C, R} end}),
    erlang:display({rem_zero, try A rem ?MODULE:id(0) catch C2:R2 -> {C2, R2} end}),
    P = ?MODULE:id(1 bsl 200),
    erlang:display({pow2, P div (1 bsl 100), P div ((1 bsl 100) + 1), P rem ((1 bsl 100) + 1)}),
    ok.
