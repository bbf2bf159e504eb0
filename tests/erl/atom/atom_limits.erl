-module(atom_limits).
-export([main/0, id/1]).

%% Atom length limit: 255 characters ok, 256 gives system_limit.
id(X) -> X.

main() ->
    S255 = lists:duplicate(255, $a),
    A = list_to_atom(?MODULE:id(S255)),
    erlang:display({len255, length(atom_to_list(A)), A =:= list_to_atom(S255)}),
    erlang:display({len256, try list_to_atom(?MODULE:id([$b | S255])) catch C:R -> {C, R} end}),
    U = lists:duplicate(255, 955),
    erlang:display({unicode255, length(atom_to_list(list_to_atom(?MODULE:id(U))))}),
    erlang:display({unicode256, try list_to_atom(?MODULE:id([955 | U])) catch C2:R2 -> {C2, R2} end}),
    ok.
