-module(bignum_factorial).
-export([main/0]).

%% Huge bignums: factorials, digit counts, digit sums, trailing zeros.

fact(0) -> 1;
fact(N) -> N * fact(N - 1).

fact_tail(N) -> fact_tail(N, 1).
fact_tail(0, Acc) -> Acc;
fact_tail(N, Acc) -> fact_tail(N - 1, Acc * N).

digit_sum(0, Acc) -> Acc;
digit_sum(N, Acc) -> digit_sum(N div 10, Acc + N rem 10).

trailing_zeros(N) -> trailing_zeros(N, 0).
trailing_zeros(N, Z) when N rem 10 =:= 0 -> trailing_zeros(N div 10, Z + 1);
trailing_zeros(_, Z) -> Z.

main() ->
    [erlang:display({N, fact(N)}) || N <- [0, 1, 5, 10, 20, 21, 25, 30, 50]],
    F200 = fact(200),
    erlang:display(F200),
    erlang:display({f200_len, length(integer_to_list(F200)), digit_sum(F200, 0), trailing_zeros(F200)}),
    erlang:display({neg, -F200}),
    erlang:display({same, F200 =:= fact_tail(200), F200 div fact(199), F200 rem fact(150)}),
    F1000 = fact_tail(1000),
    erlang:display({f1000_len, length(integer_to_list(F1000)), digit_sum(F1000, 0), trailing_zeros(F1000)}),
    erlang:display({f1000_div, F1000 div fact_tail(998)}),
    ok.
