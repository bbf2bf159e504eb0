-module(conv_float_list).
-export([main/0, id/1]).

%% float_to_list/1 round trip through list_to_float/1, and through
%% integer conversions.
id(X) -> X.

main() ->
    Fs = [?MODULE:id(F) || F <- [0.1, 0.25, -3.75, 1.0e-300, 6.02e23, 1.0 / 3.0, 100.0, 2.0e-5]],
    [erlang:display({float_to_list(F), list_to_float(float_to_list(F)) =:= F}) || F <- Fs],
    erlang:display({float(?MODULE:id(3)), trunc(?MODULE:id(3.99)), list_to_float(integer_to_list(?MODULE:id(42)) ++ ".0")}),
    ok.
