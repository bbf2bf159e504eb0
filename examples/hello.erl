%% A first program for joist: sequential Erlang using OTP's own lists module.
-module(hello).
-export([main/0]).

main() ->
    erlang:display(hello_from_joist),
    Squares = lists:map(fun(X) -> X * X end, lists:seq(1, 10)),
    erlang:display({squares, Squares, lists:sum(Squares)}),
    erlang:display({factorial_30, fact(30)}),
    erlang:display({sorted, lists:sort([banana, apple, cherry])}),
    erlang:display(catch list_to_atom(not_a_list)).

fact(0) -> 1;
fact(N) -> N * fact(N - 1).
