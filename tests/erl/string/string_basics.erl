-module(string_basics).
-export([main/0, id/1]).

%% Strings are lists of character codes.
id(X) -> X.

main() ->
    S = ?MODULE:id("Hello"),
    erlang:display({S, length(S), hd(S), S =:= [72, 101, 108, 108, 111], is_list(S)}),
    erlang:display({concat, S ++ ", " ++ "World!", lists:append(["a", "b", "c"]), lists:concat([a, "b", 1, 2.5])}),
    erlang:display({chars, $a, $Z, $0, $\n, $\t, $\s, $\\, $', $", $\e, $\0, $\x41, $\101}),
    erlang:display({empty, "", [] =:= "", length("")}),
    erlang:display({upper, [C - 32 || C <- ?MODULE:id("shout"), C >= $a]}),
    erlang:display({adjacent, "abc" "def" "ghi"}),
    erlang:display({reverse, lists:reverse(?MODULE:id("stressed"))}),
    ok.
