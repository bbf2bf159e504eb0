-module(arith_shifts).
-export([main/0, id/1]).

%% bsl / bsr with positive, negative, zero and large shift amounts.
id(X) -> X.

main() ->
    Vals = [0, 1, -1, 3, -3, 255, -255, 12345678, -12345678],
    Shifts = [0, 1, 2, 7, 27, 28, 31, 32, 58, 59, 60, 63, 64, 65, -1, -3, -64],
    [erlang:display({V, S, V bsl S, V bsr S}) || V <- Vals, S <- Shifts],
    One = ?MODULE:id(1),
    erlang:display([One bsl N || N <- lists:seq(55, 66)]),
    erlang:display([-One bsl N || N <- lists:seq(55, 66)]),
    erlang:display({neg_bsr, ?MODULE:id(-1) bsr 100, ?MODULE:id(-5) bsr 1, ?MODULE:id(5) bsr 100}),
    erlang:display({err, try One bsl ?MODULE:id(a) catch C:R -> {C, R} end}),
    erlang:display({err2, try ?MODULE:id(1.5) bsr 1 catch C2:R2 -> {C2, R2} end}),
    ok.
