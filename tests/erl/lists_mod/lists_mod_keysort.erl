-module(lists_mod_keysort).
-export([main/0, id/1]).

%% lists:keysort/2 (stable), ukeysort/2, keymerge/3.
id(X) -> X.

main() ->
    L = ?MODULE:id([{c, 3, x}, {a, 1, y}, {b, 2, z}, {a, 0, w}, {c, 1, v}]),
    erlang:display(lists:keysort(1, L)),
    erlang:display(lists:keysort(2, L)),
    erlang:display(lists:keysort(3, L)),
    erlang:display(lists:ukeysort(1, L)),
    erlang:display(lists:ukeysort(2, L)),
    erlang:display(lists:keymerge(1, ?MODULE:id([{a, 1}, {c, 3}]), [{b, 2}, {c, 4}, {d, 5}])),
    erlang:display(lists:keysort(1, ?MODULE:id([{2, a}, {1.0, b}, {1, c}, {2.0, d}]))),
    erlang:display({bad, try lists:keysort(3, ?MODULE:id([{a, 1}, {b, 2}])) catch C:R -> {C, R} end}),
    ok.
