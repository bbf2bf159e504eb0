-module(match_badmatch).
-export([main/0, id/1]).

%% badmatch errors carry the unmatched value.
id(X) -> X.

t(F) -> try F() catch error:R -> R end.

main() ->
    erlang:display([t(fun() -> {ok, _} = ?MODULE:id({error, x}) end),
                    t(fun() -> [_] = ?MODULE:id([1, 2]) end),
                    t(fun() -> 1 = ?MODULE:id(1.0) end),
                    t(fun() -> {} = ?MODULE:id(notatuple) end),
                    t(fun() -> {_, _} = ?MODULE:id({1, 2, 3}) end),
                    t(fun() -> X = ?MODULE:id(1), X = ?MODULE:id(2) end),
                    t(fun() -> "abc" = ?MODULE:id("abd") end),
                    t(fun() -> [] = ?MODULE:id([[]]) end)]),
    ok.
