-module(list_comprehension).
-export([main/0, id/1]).

%% List comprehensions: generators, filters, multiple generators,
%% pattern generators (non-matching skipped), nested comprehensions.
id(X) -> X.

main() ->
    L = ?MODULE:id(lists:seq(1, 10)),
    erlang:display([X * X || X <- L]),
    erlang:display([X || X <- L, X rem 2 =:= 0, X > 4]),
    erlang:display([{X, Y} || X <- [1, 2, 3], Y <- [a, b]]),
    erlang:display([{X, Y} || X <- L, Y <- L, X + Y =:= 10, X < Y]),
    erlang:display([X || {ok, X} <- ?MODULE:id([{ok, 1}, error, {ok, 2}, {error, 3}, {ok, 3, 4}])]),
    erlang:display([[Y || Y <- lists:seq(1, X)] || X <- [0, 1, 2, 3]]),
    erlang:display([X || X <- ?MODULE:id([1, a, 2.0, "s", {}]), is_number(X)]),
    erlang:display([C - 32 || C <- ?MODULE:id("hello"), C >= $a, C =< $z]),
    erlang:display([{A, B, C} || C <- lists:seq(1, 30), B <- lists:seq(1, C), A <- lists:seq(1, B), A * A + B * B =:= C * C]),
    erlang:display([X || _ <- [], X <- [1]]),
    erlang:display([true || true]),
    erlang:display([x || false]),
    ok.
