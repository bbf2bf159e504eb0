-module(bignum_bitwise).
-export([main/0, id/1]).

%% band/bor/bxor/bnot with bignums, mixing signs (infinite two's complement).
id(X) -> X.

main() ->
    Vals = [?MODULE:id(V) || V <- [1 bsl 64, (1 bsl 64) - 1, -(1 bsl 64), -(1 bsl 64) + 1,
                               16#123456789ABCDEF0123456789ABCDEF, -16#FEDCBA9876543210FEDCBA9876543210,
                               1 bsl 100, 5, -5, 16#FFFFFFFF, -1, 0]],
    [erlang:display({A, B, A band B, A bor B, A bxor B}) || A <- Vals, B <- Vals, A < B],
    [erlang:display({A, bnot A, bnot bnot A =:= A}) || A <- Vals],
    M = ?MODULE:id((1 bsl 64) - 1),
    erlang:display({mask, ((1 bsl 100) + 12345) band M, (-1) band M, (-(1 bsl 70)) band M}),
    ok.
