-module(list_hd_tl).
-export([main/0, id/1]).

%% hd/1, tl/1 on proper, improper and empty lists; cons construction.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    L = ?MODULE:id([1, 2, 3]),
    erlang:display({hd(L), tl(L), hd(tl(L)), tl(tl(tl(L))), [0 | L], [L | L]}),
    I = ?MODULE:id([a | b]),
    erlang:display({hd(I), tl(I), [x, y | I]}),
    erlang:display({string, hd(?MODULE:id("abc")), tl(?MODULE:id("abc"))}),
    erlang:display([t(fun() -> hd(?MODULE:id(X)) end) || X <- [[], a, {1}, "x"]]),
    erlang:display([t(fun() -> tl(?MODULE:id(X)) end) || X <- [[], a, [x]]]),
    ok.
