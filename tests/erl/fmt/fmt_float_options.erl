-module(fmt_float_options).
-export([main/0, id/1]).

%% float_to_list/2 and float_to_binary/1,2: options, their order, limits and errors.
id(X) -> X.

t(F, Opts) ->
    erlang:display({F, Opts, catch float_to_list(?MODULE:id(F), Opts),
                    catch float_to_binary(?MODULE:id(F), Opts)}).

main() ->
    Fs = [0.0, -0.0, 1.0, 0.1, 1.5, 2.5, 0.5, -0.5, 2.675, 0.125, 1.0e20, 1.0e21, 1.0e22,
          1.0e23, 123456789.0, 1.0e-10, 0.001, 0.0001, 1.0e-5, 1.0e15, 1.0e16, 5.0e-324,
          2.2250738585072014e-308, 1.7976931348623157e308, 100.0, 1000.0, 1234.5678,
          9.999999999999999e22, 0.30000000000000004, 123.0, 1.0e100, 1.0e-100],
    [erlang:display({F, float_to_list(?MODULE:id(F), [short]),
                     float_to_binary(?MODULE:id(F)),
                     float_to_list(?MODULE:id(F), [{scientific, 3}]),
                     catch float_to_list(?MODULE:id(F), [{decimals, 3}]),
                     catch float_to_list(?MODULE:id(F), [{decimals, 3}, compact])}) || F <- Fs],
    [t(F, O) || F <- [1.0, 0.1, -1.5, 1.0e253, 1.0e254, 1.0e255, 1.0e300],
                O <- [[], [compact], [short], [{decimals, 0}], [{decimals, 0}, compact],
                      [{decimals, 1}], [{decimals, 253}], [{decimals, 254}],
                      [{scientific, 0}], [{scientific, 249}], [{scientific, 250}],
                      [{decimals, 2}, {scientific, 2}], [{scientific, 2}, {decimals, 2}],
                      [short, {decimals, 3}], [{decimals, 3}, short], [compact, short],
                      [{decimals, -1}], [{decimals, a}], x, [short | x], [bad],
                      [{scientific, 3}, compact], [{decimals, 3, 4}]]],
    %% Ties: erl rounds half away from zero up to 18 decimals below 2^53, else to even.
    erlang:display([float_to_list(?MODULE:id(math:pow(2, -(D + 1))), [{decimals, D}])
                    || D <- lists:seq(0, 30)]),
    erlang:display([float_to_list(?MODULE:id(math:pow(2, K) + 0.125), [{decimals, 2}])
                    || K <- lists:seq(40, 49)]),
    erlang:display([float_to_list(?MODULE:id(F), [{decimals, 0}, compact])
                    || F <- [100.0, 1.0e15, 1.0e16, 9007199254740990.0, 9007199254741000.0]]),
    erlang:display([float_to_list(?MODULE:id(F), [{decimals, 25}, compact])
                    || F <- [0.0, 0.5, 100.0, 1.0e16]]),
    t(1, [short]),
    t(a, []),
    erlang:display(catch float_to_binary(1)),
    ok.
