-module(exception_catch_values).
-export([main/0, id/1]).

%% throw of complex terms, throw from deep recursion, non-local return.
id(X) -> X.

find(_, []) -> not_found;
find(P, [H | T]) -> case P(H) of true -> throw({found, H}); false -> find(P, T) end.

search(P, L) -> try find(P, L) catch throw:{found, X} -> {ok, X} end.

walk(0) -> throw(reached_bottom);
walk(N) -> 1 + walk(N - 1).

main() ->
    erlang:display([search(fun(X) -> X > 3 end, ?MODULE:id([1, 2, 3, 4, 5])), search(fun(X) -> X > 9 end, ?MODULE:id([1, 2]))]),
    erlang:display(catch walk(?MODULE:id(50000))),
    erlang:display(catch throw(?MODULE:id({[1, 2, 3], {a, "b"}, 1.5, -1 bsl 70}))),
    Fs = [fun() -> throw(1) end, fun() -> 2 end, fun() -> throw(3) end],
    erlang:display([catch F() || F <- Fs]),
    ok.
