-module(exception_try_classes).
-export([main/0, id/1]).

%% try/catch with all three classes, class-specific clauses, default
%% class (throw), catch-all patterns.
id(X) -> X.

classify(F) ->
    try F() of
        V -> {value, V}
    catch
        throw:T -> {thrown, T};
        error:E -> {error, E};
        exit:X -> {exited, X}
    end.

default_class(F) ->
    try F() catch T -> {default_is_throw, T} end.

main() ->
    erlang:display([classify(fun() -> ?MODULE:id(ok) end),
                    classify(fun() -> throw(?MODULE:id(ball)) end),
                    classify(fun() -> error(?MODULE:id(oops)) end),
                    classify(fun() -> exit(?MODULE:id(bye)) end),
                    classify(fun() -> throw({complex, [1, 2], "s"}) end),
                    classify(fun() -> exit(normal) end),
                    classify(fun() -> ?MODULE:id(1) + ?MODULE:id(a) end)]),
    erlang:display(default_class(fun() -> throw(x) end)),
    erlang:display(try default_class(fun() -> error(not_caught_by_default) end) catch error:R -> {outer, R} end),
    erlang:display(try exit(e) catch _:W -> {any, W} end),
    erlang:display(try throw(t) catch Class:Reason -> {Class, Reason} end),
    erlang:display(try error(e) catch throw:_ -> wrong; exit:_ -> wrong; error:_ -> right end),
    ok.
