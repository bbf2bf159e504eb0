-module(float_int_mix).
-export([main/0, id/1]).

%% Arithmetic mixing integers (small and big) with floats, precision loss
%% in int->float conversion, float(Int) rounding.
id(X) -> X.

main() ->
    Ints = [?MODULE:id(I) || I <- [0, 1, -1, 3, 9007199254740993, -9007199254740993, (1 bsl 64) + 1, 1 bsl 100, 12345678901234567890]],
    [erlang:display({I, float_to_list(float(I)), float_to_list(I + 0.5), float_to_list(I * 0.25), trunc(float(I)) - I}) || I <- Ints],
    erlang:display({sum, lists:sum([?MODULE:id(X) || X <- [1, 2.5, 3, 0.5]]), lists:sum([?MODULE:id(X) || X <- [0.1, 0.2, 0.3]])}),
    erlang:display({is_float, is_float(?MODULE:id(1) + 0.0), is_integer(?MODULE:id(1.0) * 1), is_number(1.0)}),
    ok.
