-module(math_errors).
-export([main/0, id/1]).

%% math BIFs: badarith for a domain error, a non-finite result or an integer too big for a
%% float; badarg for a non-number; the failing call's frame in the stack trace.
id(X) -> X.

t(F, Args) ->
    try apply(math, F, [?MODULE:id(A) || A <- Args]) of
        V -> {ok, V}
    catch
        C:R:S -> {C, R, hd(S)}
    end.

main() ->
    Big = 1 bsl 2000,
    Cases = [{sqrt, [-1]}, {sqrt, [-1.0e-300]}, {log, [0]}, {log, [0.0]}, {log, [-0.0]},
             {log, [-1]}, {log2, [0]}, {log10, [-0.0]}, {pow, [10, 400]}, {pow, [0, -1]},
             {pow, [-8, 1/3]}, {pow, [Big, 0]}, {pow, [2, Big]}, {acos, [2]}, {asin, [-1.5]},
             {acosh, [0.5]}, {atanh, [1]}, {atanh, [-1.0]}, {exp, [1000]}, {cosh, [1000]},
             {sinh, [-1000]}, {fmod, [1, 0]}, {fmod, [1.0, 0.0]}, {fmod, [1, -0.0]},
             {sqrt, [Big]}, {ceil, [Big]}, {floor, [-Big]}, {sin, [Big]},
             {sqrt, [a]}, {sin, ["1"]}, {erf, [{1}]}, {fmod, [1, a]}, {fmod, [a, 0]},
             {fmod, [a, Big]}, {fmod, [Big, a]}, {atan2, [[], 1]}, {pow, [1, <<>>]},
             {pow, [a, b]}, {exp, [self]}, {log, [1 bsl 1023]}, {tan, [1.0e300]},
             {pow, [-8, 3]}, {pow, [-8.0, -3]}, {atan2, [0, 0]}, {atan2, [Big, 1]},
             {floor, [1 bsl 1023]}, {erfc, [-1000]}],
    [erlang:display({F, t(F, A)}) || {F, A} <- Cases],
    %% Uncaught: the process dies with badarith.
    erlang:display(math:log(?MODULE:id(-2))),
    ok.
