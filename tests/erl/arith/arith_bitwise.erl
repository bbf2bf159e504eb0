-module(arith_bitwise).
-export([main/0, id/1]).

%% band / bor / bxor / bnot on small integers, including negatives
%% (two's complement semantics).
id(X) -> X.

main() ->
    Vals = [0, 1, -1, 5, -5, 255, -256, 16#FFFF, 16#0F0F, -16#1234, 1 bsl 40, -(1 bsl 40) + 3],
    [erlang:display({A, B, A band B, A bor B, A bxor B}) || A <- Vals, B <- [0, -1, 3, -4, 16#FF]],
    [erlang:display({'bnot', A, bnot A, bnot bnot A}) || A <- Vals],
    X = ?MODULE:id(2#101100), Y = ?MODULE:id(2#011010),
    erlang:display({X band Y, X bor Y, X bxor Y, bnot X}),
    erlang:display({err, try ?MODULE:id(1.0) band 1 catch C:R -> {C, R} end}),
    erlang:display({err2, try bnot ?MODULE:id(foo) catch C2:R2 -> {C2, R2} end}),
    ok.
