-module(bignum_arith_mix).
-export([main/0, id/1]).

%% Mixed small/big arithmetic, results shrinking back to small ints,
%% bignum * float, bignum + float.
id(X) -> X.

main() ->
    B = ?MODULE:id(100000000000000000000000),
    S = ?MODULE:id(3),
    erlang:display({B + S, B - S, S - B, B * S, B * -S, B div S, B rem S}),
    erlang:display({shrink, (B + S) - B, (B * S) div B, B - (B - 1), is_integer(B - B + 1)}),
    erlang:display({float_mix, B * 1.5, B + 0.5, B / S, B / B, S / B}),
    erlang:display({abs, abs(-B), abs(B), -(-B)}),
    L = [?MODULE:id(X) || X <- [1 bsl 60, -(1 bsl 60), 1 bsl 63, 1 bsl 64]],
    erlang:display({sum, lists:sum(L), lists:sum(L ++ L), lists:foldl(fun(X, A) -> X * A end, 1, L)}),
    erlang:display({trunc_big, trunc(1.0e20), round(-1.0e25), float(B)}),
    ok.
