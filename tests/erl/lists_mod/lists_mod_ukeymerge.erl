-module(lists_mod_ukeymerge).
-export([main/0, id/1]).

%% lists:ukeymerge/3 and keymerge/3: duplicates keep the first list's tuple.
id(X) -> X.

main() ->
    A = ?MODULE:id([{1, a}, {3, c}, {5, e}]),
    B = ?MODULE:id([{1, x}, {2, b}, {5, y}, {6, f}]),
    erlang:display(lists:ukeymerge(1, A, B)),
    erlang:display(lists:ukeymerge(1, B, A)),
    erlang:display(lists:keymerge(1, A, B)),
    erlang:display(lists:ukeymerge(2, ?MODULE:id([{x, 1}, {y, 3}]), [{z, 1}, {w, 2}])),
    erlang:display(lists:ukeymerge(1, ?MODULE:id([]), B)),
    ok.
