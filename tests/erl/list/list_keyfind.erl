-module(list_keyfind).
-export([main/0, id/1]).

%% lists:keyfind/3, keymember/3, keysearch/3: key positions, numeric
%% equality (== for keys), non-tuple elements skipped, badarg cases.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    L = ?MODULE:id([{a, 1}, {b, 2, x}, notatuple, {c}, {1, one}, {2.0, two}, {b, 3}]),
    erlang:display({lists:keyfind(a, 1, L), lists:keyfind(b, 1, L), lists:keyfind(z, 1, L), lists:keyfind(2, 2, L)}),
    erlang:display({numeric, lists:keyfind(1.0, 1, L), lists:keyfind(2, 1, L), lists:keyfind(one, 2, L)}),
    erlang:display({pos3, lists:keyfind(x, 3, L), lists:keyfind(c, 1, L)}),
    erlang:display({member, lists:keymember(b, 1, L), lists:keymember(q, 1, L), lists:keymember(2, 2, L)}),
    erlang:display({search, lists:keysearch(b, 1, L), lists:keysearch(q, 1, L)}),
    erlang:display({empty, lists:keyfind(a, 1, []), lists:keymember(a, 1, [])}),
    erlang:display([t(fun() -> lists:keyfind(a, ?MODULE:id(P), L) end) || P <- [0, -1, x]]),
    erlang:display({not_list, t(fun() -> lists:keyfind(a, 1, ?MODULE:id(x)) end)}),
    ok.
