-module(arith_accumulate).
-export([main/0]).

%% Loops accumulating integers: sums, alternating sums, products,
%% polynomial evaluation (Horner).

sum(0, Acc) -> Acc;
sum(N, Acc) -> sum(N - 1, Acc + N).

altsum(0, _, Acc) -> Acc;
altsum(N, S, Acc) -> altsum(N - 1, -S, Acc + S * N * N).

prod(0, Acc) -> Acc;
prod(N, Acc) -> prod(N - 1, (Acc * N) rem 1000000007).

horner([], _, Acc) -> Acc;
horner([C | Cs], X, Acc) -> horner(Cs, X, Acc * X + C).

collatz(1, Steps) -> Steps;
collatz(N, Steps) when N rem 2 =:= 0 -> collatz(N div 2, Steps + 1);
collatz(N, Steps) -> collatz(3 * N + 1, Steps + 1).

main() ->
    erlang:display({sum, sum(100, 0), sum(100000, 0), sum(1000000, 0)}),
    erlang:display({altsum, altsum(1000, 1, 0), altsum(1001, -1, 0)}),
    erlang:display({prodmod, prod(10000, 1)}),
    erlang:display({horner, horner([1, -2, 3, -4, 5], 7, 0), horner([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 100, 0)}),
    erlang:display({collatz, [collatz(N, 0) || N <- [1, 2, 3, 7, 27, 97, 871, 77031]]}),
    ok.
