%% string:list_to_integer/1, string:list_to_float/1 (a number at the start of a list, and
%% the rest) and erlang:binary_to_float/1.
-module(conv_string_to_number).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Ints = ["123abc", "-12", "+7", "+", "-", "", "abc", " 12", "12 ", [$1, $2 | foo],
            [$1, $2, foo], [$1 | $2], a, <<"12">>, "007x", "1.5",
            "99999999999999999999999999999x", [$1, 256], [$-, $1, -1], [$- | foo]],
    [erlang:display(string:list_to_integer(?MODULE:id(X))) || X <- Ints],
    Floats = ["1.5abc", "-1.5e3x", "+1.0", "1", "1.", "1.e5", "1.5e", "1.5e+", "1.5E-2",
              ".5", "1,5", "", a, "1.0e999", "1.5e1000x", [$1, $., $5 | foo], "0.1e-400",
              "2.5e+3", "3.0e2.0", "-0.0"],
    [erlang:display(string:list_to_float(?MODULE:id(X))) || X <- Floats],
    Bins = [<<"1.5">>, <<"1.5x">>, <<"1">>, <<"-2.5e3">>, <<"1,5">>, "1.5", <<"1.0e999">>,
            <<"1.5"/utf16>>, <<1:1>>, <<" 1.5">>, <<"0.1e-400">>, <<"+3.25">>],
    [erlang:display(catch_reason(fun() -> binary_to_float(?MODULE:id(B)) end)) || B <- Bins],
    <<_:3, Shifted:3/binary, _:5>> = ?MODULE:id(<<0:3, "0.5", 0:5>>),
    erlang:display(binary_to_float(?MODULE:id(binary:part(<<"x2.75">>, 1, 4)))),
    erlang:display(catch_reason(fun() -> binary_to_float(?MODULE:id(Shifted)) end)),
    ok.

catch_reason(F) ->
    try F() catch error:R -> {error, R} end.
