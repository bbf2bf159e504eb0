-module(misc_sieve).
-export([main/0, id/1]).

%% Sieve of Eratosthenes using a tuple as a bit array (setelement-heavy),
%% plus prime-counting and twin primes.
id(X) -> X.

sieve(N) ->
    T0 = erlang:make_tuple(N, true),
    T1 = setelement(1, T0, false),
    mark(2, N, T1).

mark(P, N, T) when P * P > N -> T;
mark(P, N, T) ->
    case element(P, T) of
        true -> mark(P + 1, N, cross(P * P, P, N, T));
        false -> mark(P + 1, N, T)
    end.

cross(I, _, N, T) when I > N -> T;
cross(I, P, N, T) -> cross(I + P, P, N, setelement(I, T, false)).

main() ->
    N = ?MODULE:id(3000),
    T = sieve(N),
    Ps = [I || I <- lists:seq(1, N), element(I, T)],
    erlang:display({length(Ps), lists:sublist(Ps, 15), lists:last(Ps)}),
    Twins = [{P, P + 2} || P <- Ps, P + 2 =< N, element(P + 2, T)],
    erlang:display({length(Twins), lists:last(Twins)}),
    ok.
