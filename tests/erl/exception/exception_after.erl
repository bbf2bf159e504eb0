-module(exception_after).
-export([main/0, id/1]).

%% `after` blocks: always run, in the right order, their value is
%% discarded, they run on success, on caught and on uncaught exceptions.
id(X) -> X.

main() ->
    V1 = try ?MODULE:id(body) after erlang:display(after_success) end,
    erlang:display({v1, V1}),
    V2 = try throw(?MODULE:id(t)) catch throw:T -> {caught, T} after erlang:display(after_caught) end,
    erlang:display({v2, V2}),
    V3 = (catch try error(?MODULE:id(e)) after erlang:display(after_uncaught) end),
    erlang:display({v3, element(1, V3), element(1, element(2, V3))}),
    V4 = try ?MODULE:id(1) of 1 -> of_clause after erlang:display(after_of) end,
    erlang:display({v4, V4}),
    V5 = try ?MODULE:id(x) after ?MODULE:id(ignored_value) end,
    erlang:display({v5, V5}),
    V6 = (catch try throw(?MODULE:id(orig)) after throw(?MODULE:id(from_after)) end),
    erlang:display({v6, V6}),
    Counter = fun Loop(0) -> done; Loop(N) -> try Loop(N - 1) after erlang:display({unwinding, N}) end end,
    erlang:display(Counter(?MODULE:id(3))),
    V7 = (catch try exit(?MODULE:id(ex)) catch error:_ -> no after erlang:display(after_exit) end),
    erlang:display({v7, V7}),
    ok.
