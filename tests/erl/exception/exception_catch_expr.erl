-module(exception_catch_expr).
-export([main/0, id/1]).

%% The old-style `catch Expr`: throw gives the value, exit gives
%% {'EXIT', Reason}, error gives {'EXIT', {Reason, Stacktrace}}.
id(X) -> X.

main() ->
    erlang:display(catch ?MODULE:id(plain)),
    erlang:display(catch throw(?MODULE:id(thrown))),
    erlang:display(catch exit(?MODULE:id(exited))),
    erlang:display(catch exit({?MODULE:id(complex), [reason]})),
    erlang:display(catch error(?MODULE:id(errored))),
    erlang:display(catch 1 / ?MODULE:id(0)),
    erlang:display(catch throw({'EXIT', fake})),
    X = (catch ?MODULE:id(5)) + 1,
    erlang:display(X),
    erlang:display(catch catch throw(double)),
    erlang:display([catch throw(I) || I <- [1, 2, 3]]),
    erlang:display(catch [a | throw(in_list)]),
    ok.
