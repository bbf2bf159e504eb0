-module(misc_primes).
-export([main/0, id/1]).

%% Primes by trial division and a list-based sieve; Miller-Rabin on bignums.
id(X) -> X.

is_prime(N) when N < 2 -> false;
is_prime(2) -> true;
is_prime(N) when N rem 2 =:= 0 -> false;
is_prime(N) -> is_prime(N, 3).
is_prime(N, D) when D * D > N -> true;
is_prime(N, D) when N rem D =:= 0 -> false;
is_prime(N, D) -> is_prime(N, D + 2).

sieve([]) -> [];
sieve([P | T]) -> [P | sieve([X || X <- T, X rem P =/= 0])].

powmod(_, 0, _) -> 1;
powmod(B, E, M) when E rem 2 =:= 0 -> H = powmod(B, E div 2, M), (H * H) rem M;
powmod(B, E, M) -> (B * powmod(B, E - 1, M)) rem M.

mr(N) when N < 4 -> N >= 2;
mr(N) ->
    {D, S} = split(N - 1, 0),
    lists:all(fun(A) -> witness(A rem N, D, S, N) end, [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]).
split(D, S) when D rem 2 =:= 0 -> split(D div 2, S + 1);
split(D, S) -> {D, S}.
witness(0, _, _, _) -> true;
witness(A, D, S, N) ->
    X = powmod(A, D, N),
    X =:= 1 orelse X =:= N - 1 orelse sq(X, S - 1, N).
sq(_, 0, _) -> false;
sq(X, K, N) -> Y = (X * X) rem N, Y =:= N - 1 orelse sq(Y, K - 1, N).

main() ->
    Ps = [N || N <- lists:seq(1, ?MODULE:id(200)), is_prime(N)],
    erlang:display(Ps),
    erlang:display(sieve(lists:seq(2, ?MODULE:id(200))) =:= Ps),
    erlang:display(length([N || N <- lists:seq(1, ?MODULE:id(50000)), is_prime(N)])),
    erlang:display([mr(?MODULE:id(N)) || N <- [2, 15, 97, 561, 1000000007, (1 bsl 61) - 1, (1 bsl 64) + 1, (1 bsl 89) - 1, (1 bsl 127) - 1, 1 bsl 127 + 1]]),
    ok.
