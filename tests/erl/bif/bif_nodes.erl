%% erlang:nodes/0,1 on a node that is not alive: no other node is visible, hidden, connected
%% or known; `this` and `known` list the local node; badarg for other arguments.
-module(bif_nodes).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    erlang:display(nodes()),
    Args = [visible, hidden, connected, this, known, [], [this, this], [known, this],
            [visible, hidden, connected], [connected, this],
            bad, [bad], [visible | hidden], "a", 1, {this}],
    [erlang:display({A, catch_reason(fun() -> nodes(?MODULE:id(A)) end)}) || A <- Args],
    ok.

catch_reason(F) ->
    try F() catch error:R -> {error, R} end.
