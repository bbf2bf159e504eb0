-module(tuple_nested).
-export([main/0, id/1]).

%% Deeply nested tuples: building, walking, comparing, displaying.
id(X) -> X.

nest(0, Acc) -> Acc;
nest(N, Acc) -> nest(N - 1, {N, Acc}).

depth({_, T}) -> 1 + depth(T);
depth(_) -> 0.

sumt({N, T}) -> N + sumt(T);
sumt(_) -> 0.

main() ->
    erlang:display(nest(10, leaf)),
    Deep = nest(?MODULE:id(10000), leaf),
    erlang:display({depth(Deep), sumt(Deep)}),
    erlang:display({eq, Deep =:= nest(10000, leaf), Deep < nest(10000, leag), Deep == nest(10000, leaf)}),
    M = ?MODULE:id({{1, 2}, {3, {4, {5, {}}}}, {{{{{}}}}}}),
    {{A, B}, {C, {D, {E, Empty}}}, {{{{X}}}}} = M,
    erlang:display({A, B, C, D, E, Empty, X, element(2, element(2, element(2, M)))}),
    ok.
