-module(atom_basics).
-export([main/0, id/1]).

%% Atom identity, equality, is_atom, atom_to_list, length of atom names.
id(X) -> X.

main() ->
    A = ?MODULE:id(hello), B = ?MODULE:id(list_to_atom("hel" ++ "lo")),
    erlang:display({A, B, A =:= B, A == B, is_atom(A), is_atom("hello"), is_atom(1)}),
    erlang:display({true, false, undefined, ok, error, 'EXIT', '$end_of_table', nil, null}),
    erlang:display({is_atom(true), is_atom([]), is_atom('[]'), is_atom({}), is_boolean(?MODULE:id(true)), is_boolean(?MODULE:id(ok))}),
    erlang:display([atom_to_list(X) || X <- [?MODULE:id(a), 'A', 'hello world', '', 'a\'b', '\n', 'é', [] =:= '[]']]),
    erlang:display({length, length(atom_to_list(?MODULE:id(abcdefghijklmnopqrstuvwxyz)))}),
    erlang:display({quoted_same, 'abc' =:= abc, 'true' =:= true}),
    ok.
