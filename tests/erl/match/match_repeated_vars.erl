-module(match_repeated_vars).
-export([main/0, id/1]).

%% Repeated variables in patterns require equal (=:=) values; already
%% bound variables in patterns act as constraints.
id(X) -> X.

same(X, X) -> same;
same(_, _) -> different.

pair({X, X}) -> equal_pair;
pair({_, _}) -> unequal_pair.

three([X, X, X]) -> all_same;
three([X, _, X]) -> ends_same;
three(_) -> no.

main() ->
    erlang:display([same(?MODULE:id(A), ?MODULE:id(B)) || {A, B} <- [{1, 1}, {1, 1.0}, {a, a}, {[1], [1]}, {{x}, {y}}, {"s", "s"}, {1 bsl 70, 1 bsl 70}]]),
    erlang:display([pair(?MODULE:id(P)) || P <- [{1, 1}, {1, 2}, {0.0, -0.0}, {[], []}]]),
    erlang:display([three(?MODULE:id(L)) || L <- [[a, a, a], [a, b, a], [a, b, c], [1, 1.0, 1]]]),
    Bound = ?MODULE:id(42),
    R = [case ?MODULE:id(V) of Bound -> matched_bound; _ -> other end || V <- [42, 42.0, 43]],
    erlang:display(R),
    erlang:display(catch begin {Y, Y} = ?MODULE:id({1, 2}), Y end),
    ok.
