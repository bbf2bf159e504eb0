-module(bignum_pow).
-export([main/0]).

%% Large powers, powers of 10, Mersenne numbers, modular checks.

pow(_, 0) -> 1;
pow(B, E) when E rem 2 =:= 0 -> H = pow(B, E div 2), H * H;
pow(B, E) -> B * pow(B, E - 1).

main() ->
    erlang:display(pow(3, 300)),
    erlang:display(pow(-7, 77)),
    erlang:display([pow(10, N) - 1 || N <- [17, 18, 19, 20, 38, 39]]),
    erlang:display([pow(2, P) - 1 || P <- [61, 89, 107, 127]]),
    X = pow(12345, 100),
    erlang:display({mod_checks, X rem 9, X rem 1000, X rem 12345, (X div 12345) rem 12345}),
    erlang:display({len, length(integer_to_list(pow(2, 10000)))}),
    ok.
