-module(arith_int_ops).
-export([main/0, id/1]).

%% Basic + - * on small integers. Operands go through id/1 (a remote
%% call) so the compiler cannot constant-fold the expressions.
id(X) -> X.

main() ->
    Vals = [0, 1, -1, 2, -2, 7, -7, 100, -100, 12345, -12345, 1 bsl 27, -(1 bsl 27)],
    [erlang:display({A, B, A + B, A - B, A * B}) || A <- Vals, B <- [0, 1, -1, 3, -5, 1000]],
    A = ?MODULE:id(17), B = ?MODULE:id(-4),
    erlang:display({add, A + B, B + A, A + 0, 0 + B}),
    erlang:display({sub, A - B, B - A, A - A, 0 - A}),
    erlang:display({mul, A * B, B * B, A * 0, A * 1, A * -1}),
    erlang:display({chain, A + B * 2 - A * B + 100}),
    erlang:display({incr, lists:foldl(fun(_, Acc) -> Acc + 1 end, 0, lists:seq(1, 1000))}),
    ok.
