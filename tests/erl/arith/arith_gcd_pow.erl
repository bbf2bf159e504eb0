-module(arith_gcd_pow).
-export([main/0]).

%% Classic integer algorithms: gcd, lcm, integer power, modular power,
%% integer square root.

gcd(A, 0) -> abs(A);
gcd(A, B) -> gcd(B, A rem B).

lcm(A, B) -> abs(A * B) div gcd(A, B).

pow(_, 0) -> 1;
pow(B, E) when E rem 2 =:= 0 -> H = pow(B, E div 2), H * H;
pow(B, E) -> B * pow(B, E - 1).

powmod(_, 0, _) -> 1;
powmod(B, E, M) when E band 1 =:= 1 -> (B * powmod(B, E - 1, M)) rem M;
powmod(B, E, M) -> H = powmod(B, E bsr 1, M), (H * H) rem M.

isqrt(0) -> 0;
isqrt(N) -> isqrt_iter(N, N).
isqrt_iter(N, X) ->
    Y = (X + N div X) div 2,
    if Y >= X -> X; true -> isqrt_iter(N, Y) end.

main() ->
    erlang:display({gcd, [gcd(A, B) || {A, B} <- [{12, 18}, {-12, 18}, {17, 5}, {0, 9}, {1071, 462}, {1 bsl 40, 1 bsl 35}]]}),
    erlang:display({lcm, [lcm(A, B) || {A, B} <- [{4, 6}, {21, 6}, {-3, 7}, {1000000007, 998244353}]]}),
    erlang:display({pow, [pow(B, E) || {B, E} <- [{2, 10}, {-3, 3}, {10, 18}, {2, 62}, {7, 30}, {-2, 63}]]}),
    erlang:display({powmod, [powmod(B, E, M) || {B, E, M} <- [{2, 100, 1000000007}, {3, 200, 13}, {123456789, 987654321, 1000000009}]]}),
    erlang:display({isqrt, [isqrt(N) || N <- [0, 1, 2, 15, 16, 17, 1000000, 999999999999, 1 bsl 62, (1 bsl 100) + 12345]]}),
    ok.
