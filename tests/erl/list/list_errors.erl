-module(list_errors).
-export([main/0, id/1]).

%% Errors raised by list operations caught with full class:reason.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    erlang:display([t(fun() -> [H | _] = ?MODULE:id([]), H end),
                    t(fun() -> lists:nth(?MODULE:id(5), [1, 2]) end),
                    t(fun() -> lists:last(?MODULE:id([])) end),
                    t(fun() -> lists:sum(?MODULE:id([1, a])) end),
                    t(fun() -> lists:max(?MODULE:id([])) end),
                    t(fun() -> lists:seq(?MODULE:id(5), 1) end),
                    t(fun() -> lists:seq(?MODULE:id(1), 5, 0) end),
                    t(fun() -> lists:split(?MODULE:id(4), [1, 2]) end),
                    t(fun() -> lists:sublist(?MODULE:id([1, 2]), 0, 1) end),
                    t(fun() -> lists:duplicate(?MODULE:id(-1), x) end),
                    t(fun() -> lists:zip(?MODULE:id([1]), [1, 2]) end)]),
    ok.
