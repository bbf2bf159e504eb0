-module(atom_compare).
-export([main/0, id/1]).

%% Atoms compare alphabetically by their text (not by creation order).
id(X) -> X.

main() ->
    L = [?MODULE:id(A) || A <- [zebra, apple, 'Zebra', 'Apple', a, aa, ab, 'a b', '', '_x', z, 'é', true, false, nil]],
    erlang:display(lists:sort(L)),
    erlang:display(lists:reverse(lists:sort(L))),
    erlang:display({?MODULE:id(a) < b, ?MODULE:id(aa) < ab, ?MODULE:id(b) < aa, ?MODULE:id('Z') < a, ?MODULE:id('') < a}),
    erlang:display({?MODULE:id(abc) < abcd, ?MODULE:id(abcd) > abc, ?MODULE:id(true) > false, max(?MODULE:id(x), y), min(?MODULE:id(x), y)}),
    New = list_to_atom(?MODULE:id("aaaa_new_atom_created_late")),
    erlang:display({New < aaab, New > aaa}),
    ok.
