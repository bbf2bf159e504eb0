-module(bif_integer_funcs).
-export([main/0, id/1]).

%% abs, trunc/round on ints, float/1, integer-related BIFs.
id(X) -> X.

main() ->
    Vals = [?MODULE:id(V) || V <- [0, 5, -5, 1 bsl 62, -(1 bsl 62), 1 bsl 100]],
    [erlang:display({V, abs(V), trunc(V), round(V), ceil(V), floor(V), float_to_list(float(V))}) || V <- Vals],
    erlang:display({is_integer(?MODULE:id(5.0)), is_integer(?MODULE:id(5)), erlang:is_integer(1 bsl 100)}),
    ok.
