-module(conv_errors).
-export([main/0, id/1]).

%% badarg from conversion BIFs with wrong argument types.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    erlang:display([t(fun() -> atom_to_list(?MODULE:id(X)) end) || X <- [1, "a", {a}]]),
    erlang:display([t(fun() -> list_to_atom(?MODULE:id(X)) end) || X <- [a, [a], [1 | 2], [-1], [16#110000]]]),
    erlang:display([t(fun() -> integer_to_list(?MODULE:id(X)) end) || X <- [1.5, a]]),
    erlang:display([t(fun() -> list_to_integer(?MODULE:id(X)) end) || X <- [a, "1.5", [$1, a]]]),
    erlang:display([t(fun() -> float_to_list(?MODULE:id(X)) end) || X <- [1, a]]),
    erlang:display([t(fun() -> list_to_float(?MODULE:id(X)) end) || X <- ["1", 1.0]]),
    erlang:display([t(fun() -> tuple_to_list(?MODULE:id(X)) end) || X <- [[], a]]),
    erlang:display([t(fun() -> list_to_tuple(?MODULE:id(X)) end) || X <- [a, [a | b]]]),
    erlang:display([t(fun() -> float(?MODULE:id(X)) end) || X <- [a, "1"]]),
    ok.
