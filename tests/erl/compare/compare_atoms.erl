-module(compare_atoms).
-export([main/0, id/1]).

%% Atoms compare by their characters (code point order), not creation.
id(X) -> X.

main() ->
    Names = ["b", "a", "B", "aa", "a_", "a0", "", "é", "z", "zz", "Z", "_", "0"],
    Atoms = [list_to_atom(?MODULE:id(N)) || N <- Names],
    erlang:display(lists:sort(Atoms)),
    erlang:display([atom_to_list(A) || A <- lists:sort(Atoms)] =:= lists:sort([atom_to_list(A) || A <- Atoms])),
    erlang:display({?MODULE:id(a) < 'B', ?MODULE:id('B') < a, ?MODULE:id(abc) < abcd, ?MODULE:id(zz) > z}),
    ok.
