-module(misc_display_terms).
-export([main/0, id/1]).

%% erlang:display/1 of every printable (non-pid/ref/port) term type,
%% with nesting. Also checks display's return value (true).
id(X) -> X.

main() ->
    R = erlang:display(?MODULE:id(ok)),
    erlang:display({return_value, R}),
    Terms = [0, -1, 1 bsl 100, -(1 bsl 100), 1.0, -0.5, 0.1, 1.0e100, 1.0e-100, -0.0,
             atom, 'Atom', 'hello world', '', '[]', [], {}, [[]], {{}}, [{}], {[]},
             "string", [104, 105], [1, 2, 3], [a | b], [1, [2, [3]] | 4], {a, "b", [c], {d, 1.5}},
             ["a", ["b", ["c"]]], [$a, 0], [255, 256], "\n\t\"\\'", fun lists:map/2],
    [erlang:display(?MODULE:id(T)) || T <- Terms],
    erlang:display(?MODULE:id(Terms)),
    ok.
