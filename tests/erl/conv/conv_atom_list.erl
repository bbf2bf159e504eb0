-module(conv_atom_list).
-export([main/0, id/1]).

%% atom <-> list round trips, including unicode code points in atoms.
id(X) -> X.

main() ->
    Names = ["simple", "With Caps", "with space", "", "a'b", "\\", "ünïcödé", [955, 956], [128512]],
    erlang:display([atom_to_list(list_to_atom(?MODULE:id(N))) =:= N || N <- Names]),
    erlang:display([length(atom_to_list(list_to_atom(?MODULE:id(N)))) || N <- Names]),
    erlang:display([list_to_atom(?MODULE:id(N)) || N <- Names]),
    erlang:display(atom_to_list(?MODULE:id('ünïcödé'))),
    ok.
