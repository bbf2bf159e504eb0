-module(math_values).
-export([main/0, id/1]).

%% Every math BIF on small integers, floats, bignums and signed zeros; results shown in full
%% precision with float_to_list/1 (glibc's libm on both sides).
id(X) -> X.

show(X) when is_float(X) -> float_to_list(X);
show(X) -> X.

one(F) ->
    Args = [0, 1, -1, 2, 0.5, -0.5, 0.0, -0.0, 1.0e-10, 3.141592653589793, 10, 1.0e10,
            123456789012345678901234567890, -98765432109876543210],
    [{F, A, try show(math:F(?MODULE:id(A))) catch C:R -> {C, R} end} || A <- Args].

two(F) ->
    Args = [0, 1, -1, 2, 0.5, -2.5, 0.0, -0.0, 3, 1.0e300, 12345678901234567890123],
    [{F, A, B, try show(math:F(?MODULE:id(A), ?MODULE:id(B))) catch C:R -> {C, R} end}
     || A <- Args, B <- Args].

main() ->
    Unary = [sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, asinh, acosh, atanh, exp, log,
             log2, log10, sqrt, erf, erfc, ceil, floor],
    [erlang:display(L) || F <- Unary, L <- one(F)],
    [erlang:display(L) || F <- [atan2, pow, fmod], L <- two(F)],
    erlang:display({math:pi(), show(math:pi()), show(math:tau())}),
    erlang:display({math:sqrt(?MODULE:id(16)), math:pow(?MODULE:id(2), 10), math:floor(?MODULE:id(-3)),
                    math:ceil(?MODULE:id(7)), math:log2(?MODULE:id(1024)), math:exp(?MODULE:id(0))}),
    erlang:display({math:sqrt(?MODULE:id(1 bsl 1000)), math:log(?MODULE:id(1 bsl 1023)),
                    math:fmod(?MODULE:id(-7), ?MODULE:id(3)), math:fmod(?MODULE:id(7.5), ?MODULE:id(-2))}),
    erlang:display({math:exp(?MODULE:id(-1000)), math:pow(?MODULE:id(0.0), ?MODULE:id(0)),
                    math:atan2(?MODULE:id(-0.0), ?MODULE:id(-1)), math:sqrt(?MODULE:id(-0.0)),
                    math:floor(?MODULE:id(-0.5)), math:ceil(?MODULE:id(-0.5))}),
    %% Each result is a fresh float, usable afterwards.
    Sum = lists:foldl(fun(I, Acc) -> Acc + math:sin(I) * math:cos(I) end, 0.0, lists:seq(1, 2000)),
    erlang:display(show(Sum)),
    ok.
