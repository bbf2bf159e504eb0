-module(atom_conversions).
-export([main/0, id/1]).

%% list_to_atom, atom_to_list, list_to_existing_atom, and badarg cases.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    erlang:display([list_to_atom(?MODULE:id(S)) || S <- ["abc", "Hello World", "", "123", "a'b", "[]", "é", [955]]]),
    erlang:display([atom_to_list(list_to_atom(?MODULE:id(S))) =:= S || S <- ["x", "with space", [1, 2, 3], [255], [1000]]]),
    erlang:display({existing, list_to_existing_atom(?MODULE:id("ok")), list_to_existing_atom(?MODULE:id("atom_conversions"))}),
    erlang:display({not_existing, t(fun() -> list_to_existing_atom(?MODULE:id("surely_no_such_atom_q8z7x6")) end)}),
    erlang:display({bad, t(fun() -> list_to_atom(?MODULE:id(abc)) end), t(fun() -> list_to_atom(?MODULE:id([a])) end),
                    t(fun() -> list_to_atom(?MODULE:id([-1])) end), t(fun() -> list_to_atom(?MODULE:id("ab" ++ c)) end),
                    t(fun() -> atom_to_list(?MODULE:id("abc")) end), t(fun() -> atom_to_list(?MODULE:id(1)) end)}),
    ok.
