-module(float_arith).
-export([main/0, id/1]).

%% Float + - * / and int/float mixing. Results displayed both via
%% erlang:display (short %e form) and float_to_list (full precision).
id(X) -> X.

main() ->
    Vals = [?MODULE:id(V) || V <- [0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 2.5, -2.5, 1.0e10, 3.0e-5, 7, -3]],
    [erlang:display({A, B, float_to_list(A + B), float_to_list(A - B), float_to_list(A * B)})
     || A <- Vals, B <- Vals, is_float(A) orelse is_float(B)],
    [erlang:display({A, B, float_to_list(A / B)}) || A <- Vals, B <- Vals, B /= 0],
    erlang:display({int_div_gives_float, 6 / ?MODULE:id(3), 1 / ?MODULE:id(3), is_float(6 / ?MODULE:id(3))}),
    erlang:display({classic, float_to_list(?MODULE:id(0.1) + 0.2), ?MODULE:id(0.1) + 0.2 == 0.3}),
    ok.
