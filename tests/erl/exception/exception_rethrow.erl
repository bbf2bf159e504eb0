-module(exception_rethrow).
-export([main/0, id/1]).

%% Rethrowing: catch, inspect and re-raise with the same class, reason
%% and stacktrace via erlang:raise/3; wrapping exceptions.
id(X) -> X.

fail(X) -> error({failed, X}).

rethrow(F) ->
    try F()
    catch Class:Reason:St ->
        erlang:display({intercepted, Class, Reason}),
        erlang:raise(Class, Reason, St)
    end.

wrap(F) ->
    try F() catch C:R -> throw({wrapped, C, R}) end.

main() ->
    erlang:display(try rethrow(fun() -> fail(?MODULE:id(1)) end) catch C:R:S -> {C, R, S} end),
    erlang:display(try rethrow(fun() -> throw(?MODULE:id(t)) end) catch C2:R2:S2 -> {C2, R2, length(S2)} end),
    erlang:display(try rethrow(fun() -> exit(?MODULE:id(x)) end) catch C3:R3 -> {C3, R3} end),
    erlang:display(catch wrap(fun() -> fail(?MODULE:id(2)) end)),
    erlang:display(catch wrap(fun() -> wrap(fun() -> exit(?MODULE:id(inner)) end) end)),
    ok.
