-module(float_math).
-export([main/0, id/1]).

%% math module functions. Printed via erlang:display (6 significant digits)
%% to be robust against last-ulp libm differences, plus a few exact ones.
id(X) -> X.

main() ->
    X = ?MODULE:id(2.0),
    erlang:display({sqrt, math:sqrt(X), math:sqrt(?MODULE:id(16)), math:sqrt(?MODULE:id(0.25))}),
    erlang:display({pow, math:pow(X, 10), math:pow(?MODULE:id(2), 0.5), math:pow(?MODULE:id(10.0), -2)}),
    erlang:display({pi, math:pi(), float_to_list(math:pi())}),
    erlang:display({trig, math:sin(?MODULE:id(0.0)), math:cos(?MODULE:id(0.0)), math:sin(math:pi() / 2), math:tan(?MODULE:id(1.0))}),
    erlang:display({inv, math:asin(?MODULE:id(1.0)), math:acos(?MODULE:id(0.5)), math:atan(?MODULE:id(1)), math:atan2(?MODULE:id(1.0), -1.0)}),
    erlang:display({exp, math:exp(?MODULE:id(1.0)), math:log(?MODULE:id(10.0)), math:log10(?MODULE:id(1000)), math:log2(?MODULE:id(1024))}),
    erlang:display({hyp, math:sinh(?MODULE:id(1.0)), math:cosh(?MODULE:id(1.0)), math:tanh(?MODULE:id(0.5))}),
    erlang:display({floorceil, math:floor(?MODULE:id(-2.5)), math:ceil(?MODULE:id(-2.5)), math:fmod(?MODULE:id(7.5), 2.0)}),
    erlang:display({exact, math:sqrt(?MODULE:id(144.0)) =:= 12.0, math:pow(?MODULE:id(2.0), 3) =:= 8.0}),
    erlang:display({errs, try math:sqrt(?MODULE:id(-1.0)) catch C:R -> {C, R} end,
                    try math:log(?MODULE:id(0.0)) catch C2:R2 -> {C2, R2} end,
                    try math:sqrt(?MODULE:id(foo)) catch C3:R3 -> {C3, R3} end}),
    ok.
