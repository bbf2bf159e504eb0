-module(float_rounding).
-export([main/0, id/1]).

%% round/trunc/ceil/floor/float on tricky values: halves, negatives,
%% large magnitudes (result becomes a bignum), integers passed through.
id(X) -> X.

main() ->
    Vals = [?MODULE:id(V) || V <- [0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994,
                               1.4999999, -1.4999999, 2.675, 1.0e15 + 0.5, 4503599627370495.5,
                               1.0e20, -1.0e20, 1.2345e30, 123.456, -123.456, 9.999999999999999e22]],
    [erlang:display({V, round(V), trunc(V), ceil(V), floor(V)}) || V <- Vals],
    Ints = [?MODULE:id(I) || I <- [0, 7, -7, 1 bsl 70]],
    [erlang:display({I, round(I), trunc(I), ceil(I), floor(I), float(I)}) || I <- Ints],
    erlang:display({float_of_float, float(?MODULE:id(2.5))}),
    erlang:display({err, try round(?MODULE:id(a)) catch C:R -> {C, R} end}),
    erlang:display({err2, try float(?MODULE:id("1")) catch C2:R2 -> {C2, R2} end}),
    ok.
