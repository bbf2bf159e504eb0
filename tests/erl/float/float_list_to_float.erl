-module(float_list_to_float).
-export([main/0, id/1]).

%% list_to_float/1: accepted syntaxes and badarg cases.
id(X) -> X.

p(S) ->
    try list_to_float(?MODULE:id(S)) of F -> {S, float_to_list(F)}
    catch C:R -> {S, C, R}
    end.

main() ->
    Good = ["1.0", "-1.0", "+1.5", "0.1", "1.0e10", "1.0E10", "1.0e-10", "1.0e+3", "123.456e2",
            "0.0", "-0.0", "3.14159265358979323846264338327950288", "1.7976931348623157e308", "4.9e-324",
            "00001.5000", "1.0e0"],
    Bad = ["1", "1.", ".5", "1e10", "abc", "", "1.0x", " 1.0", "1.0 ", "--1.0", "1.0e", "1,0", "inf", "nan", "1.0e400"],
    [erlang:display(p(S)) || S <- Good ++ Bad],
    erlang:display({not_list, try list_to_float(?MODULE:id(1.0)) catch C:R -> {C, R} end}),
    ok.
