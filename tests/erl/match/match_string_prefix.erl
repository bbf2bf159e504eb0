-module(match_string_prefix).
-export([main/0, id/1]).

%% "prefix" ++ Rest patterns and char-level list matching.
id(X) -> X.

cmd("get " ++ Key) -> {get, Key};
cmd("set " ++ Rest) -> [K | V] = string:tokens(Rest, " "), {set, K, V};
cmd("quit") -> quit;
cmd([$# | Comment]) -> {comment, Comment};
cmd([C | _]) when C >= $0, C =< $9 -> number;
cmd(_) -> unknown.

main() ->
    erlang:display([cmd(?MODULE:id(S)) || S <- ["get foo", "set k v1 v2", "quit", "quitx", "#note", "42", "", "get "]]),
    "abc" ++ T = ?MODULE:id("abcdef"),
    erlang:display(T),
    [$x, $y | T2] = ?MODULE:id("xyz"),
    erlang:display(T2),
    erlang:display(catch begin "no" ++ _ = ?MODULE:id("yes"), ok end),
    ok.
