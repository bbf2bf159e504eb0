-module(match_nested).
-export([main/0, id/1]).

%% Deeply nested patterns over tuples and lists.
id(X) -> X.

classify({point, X, Y}) -> {point2d, X + Y};
classify({point, X, Y, Z}) -> {point3d, X + Y + Z};
classify({line, {point, X1, Y1}, {point, X2, Y2}}) -> {line, X2 - X1, Y2 - Y1};
classify({poly, [{point, X, _} | Rest]}) -> {poly_first_x, X, length(Rest)};
classify([{k, V} | _]) -> {kv_head, V};
classify([[[X]]]) -> {triple_nested, X};
classify({_, _}) -> pair;
classify(_) -> other.

main() ->
    Inputs = [{point, 1, 2}, {point, 1, 2, 3}, {line, {point, 0, 0}, {point, 3, 4}},
              {poly, [{point, 9, 9}, {point, 1, 1}]}, {poly, []}, [{k, v}, x], [[[deep]]],
              [[[a, b]]], {a, b}, {a, b, c, d, e}, []],
    erlang:display([classify(?MODULE:id(I)) || I <- Inputs]),
    {A, [B, {C, [D | E]}]} = ?MODULE:id({1, [2, {3, [4, 5, 6]}]}),
    erlang:display({A, B, C, D, E}),
    [{_, [_, {_, X}]}] = ?MODULE:id([{a, [b, {c, found}]}]),
    erlang:display(X),
    ok.
