-module(float_display).
-export([main/0, id/1]).

%% How erlang:display/1 prints floats (the short "%e"-style form).
id(X) -> X.

main() ->
    Vals = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.0, 10.0, 100.0, 123.456, 1.0e6, 1234567.0,
            1.0e7, 12345678.9, 1.0e15, 1.0e16, 1.0e100, 1.0e-5, 0.001, 1.0e-10, 3.14159265358979,
            2.718281828459045, 1.7976931348623157e308, 2.2250738585072014e-308, 5.0e-324,
            -1.0e-300, 9.9999995, 9.9999994, 0.33333333333333, 6.02214076e23, 1.0e21, 1.0e22],
    [erlang:display(?MODULE:id(V)) || V <- Vals],
    erlang:display([?MODULE:id(1.0), {?MODULE:id(2.5)}, [?MODULE:id(-3.75) | ?MODULE:id(0.25)]]),
    ok.
