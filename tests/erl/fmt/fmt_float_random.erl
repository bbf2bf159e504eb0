-module(fmt_float_random).
-export([main/0, id/1]).

%% float_to_list/2 and float_to_binary/1,2 on thousands of pseudo-random floats: short
%% (shortest round trip), {decimals, N} with and without compact, {scientific, N}.
id(X) -> X.

next(S) -> (S * 1103515245 + 12345) band 16#7FFFFFFF.

rnd(S, N) ->
    S1 = next(S),
    {(S1 bsr 7) rem N, S1}.

gen_float(S0) ->
    {Kind, S1} = rnd(S0, 6),
    {A, S2} = rnd(S1, 1000000),
    {B, S3} = rnd(S2, 1000003),
    {E, S4} = rnd(S3, 620),
    {Neg, S5} = rnd(S4, 2),
    F = case Kind of
            0 -> (A + B / 1000003) * math:pow(10, E - 320);
            1 -> A / 8;                    % exact binary fractions: rounding ties
            2 -> (A + B / 1000003) * math:pow(10, (E rem 40) - 20);
            3 -> float(A * B);
            4 -> A / 1000;
            5 -> B / (A + 1)
        end,
    {case Neg of 0 -> F; 1 -> -F end, S5}.

%% Fixed notation of huge floats is too long (badarg).
f2l(F, Opts) ->
    case catch float_to_list(F, Opts) of
        {'EXIT', {badarg, _}} -> badarg;
        S -> S
    end.

check(0, _S) -> ok;
check(N, S0) ->
    {F0, S1} = gen_float(S0),
    F = ?MODULE:id(F0),
    {D, S2} = rnd(S1, 25),
    {Sc, S3} = rnd(S2, 25),
    erlang:display({float_to_list(F, [short]),
                    f2l(F, [{decimals, D}]),
                    f2l(F, [{decimals, D}, compact]),
                    float_to_list(F, [{scientific, Sc}]),
                    float_to_binary(F, [short]),
                    list_to_float(float_to_list(F, [short])) =:= F}),
    check(N - 1, S3).

main() ->
    check(3000, 42),
    ok.
