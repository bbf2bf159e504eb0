-module(arith_unary).
-export([main/0, id/1]).

%% Unary minus/plus, abs, and sign behaviour.
id(X) -> X.

main() ->
    Vals = [0, 1, -1, 42, -42, 1 bsl 59, -(1 bsl 59), (1 bsl 59) - 1, 1 bsl 64, -(1 bsl 64)],
    [erlang:display({V, -V, +V, abs(V), -(-V), abs(-V) =:= abs(V)}) || V0 <- Vals, V <- [?MODULE:id(V0)]],
    erlang:display({neg_zero_int, -0, - ?MODULE:id(0), 0 =:= -0}),
    erlang:display({err, try -?MODULE:id(foo) catch C:R -> {C, R} end}),
    erlang:display({err2, try +?MODULE:id("x") catch C2:R2 -> {C2, R2} end}),
    ok.
