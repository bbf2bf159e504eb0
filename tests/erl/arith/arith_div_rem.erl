-module(arith_div_rem).
-export([main/0, id/1]).

%% div / rem sign semantics (truncating division), plus division by zero.
id(X) -> X.

main() ->
    Pairs = [{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {6, 3}, {-6, 3}, {0, 5}, {0, -5},
             {1, 7}, {-1, 7}, {1, -7}, {100, 1}, {100, -1}, {-100, -1},
             {123456789, 1000}, {-123456789, 1000}, {5, 5}, {-5, 5}],
    [erlang:display({X, Y, X div Y, X rem Y, (X div Y) * Y + X rem Y =:= X})
     || {X, Y} <- Pairs],
    A = ?MODULE:id(-17), B = ?MODULE:id(5),
    erlang:display({A div B, A rem B, B div A, B rem A}),
    erlang:display({div_zero, try A div ?MODULE:id(0) catch C:R -> {C, R} end}),
    erlang:display({rem_zero, try A rem ?MODULE:id(0) catch C2:R2 -> {C2, R2} end}),
    erlang:display({div_float, try A div ?MODULE:id(2.0) catch C3:R3 -> {C3, R3} end}),
    erlang:display({rem_atom, try ?MODULE:id(a) rem 2 catch C4:R4 -> {C4, R4} end}),
    Min = ?MODULE:id(-(1 bsl 59)),
    erlang:display({min_small, Min div -1, Min rem -1, Min div 2}),
    ok.
