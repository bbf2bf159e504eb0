-module(float_to_list_default).
-export([main/0, id/1]).

%% float_to_list/1 (default: 20 significant digits, scientific).
id(X) -> X.

main() ->
    Vals = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 100.0, 123.456, 1.0e6, 1.0e15, 1.0e16, 1.0e100,
            1.0e-5, 1.0e-10, 3.141592653589793, 1.7976931348623157e308, 2.2250738585072014e-308,
            5.0e-324, 0.30000000000000004, 1/3, 2/3, 1.0e23, 123456789012345680.0],
    [erlang:display({V, float_to_list(?MODULE:id(V))}) || V <- Vals],
    erlang:display({rt, [list_to_float(float_to_list(V)) =:= V || V <- Vals]}),
    ok.
