-module(bignum_fib).
-export([main/0]).

%% Fibonacci numbers into the bignum range, by iteration and by fast
%% doubling, cross-checked.

fib(N) -> fib(N, 0, 1).
fib(0, A, _) -> A;
fib(N, A, B) -> fib(N - 1, B, A + B).

%% fast doubling: returns {F(n), F(n+1)}
fd(0) -> {0, 1};
fd(N) ->
    {A, B} = fd(N div 2),
    C = A * (2 * B - A),
    D = A * A + B * B,
    case N rem 2 of
        0 -> {C, D};
        1 -> {D, C + D}
    end.

main() ->
    erlang:display([fib(N) || N <- lists:seq(80, 100)]),
    erlang:display(fib(1000)),
    erlang:display({check, [fib(N) =:= element(1, fd(N)) || N <- [0, 1, 2, 50, 91, 92, 93, 500, 1000]]}),
    {F, _} = fd(10000),
    erlang:display({fib10000_len, length(integer_to_list(F)), F rem 1000000007}),
    ok.
