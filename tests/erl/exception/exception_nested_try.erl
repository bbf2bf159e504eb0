-module(exception_nested_try).
-export([main/0, id/1]).

%% Nested try expressions: inner handles some classes, outer others;
%% exceptions raised inside catch clauses propagate outwards.
id(X) -> X.

inner(F) ->
    try F() catch throw:T -> {inner_caught, T} end.

outer(F) ->
    try inner(F) catch error:E -> {outer_caught, E}; exit:X -> {outer_exit, X} end.

main() ->
    erlang:display([outer(fun() -> throw(?MODULE:id(a)) end),
                    outer(fun() -> error(?MODULE:id(b)) end),
                    outer(fun() -> exit(?MODULE:id(c)) end),
                    outer(fun() -> ?MODULE:id(d) end)]),
    R = try
            try error(?MODULE:id(first))
            catch error:first -> throw(?MODULE:id(second))
            end
        catch throw:second -> {got, second}
        end,
    erlang:display(R),
    Deep = try try try throw(?MODULE:id(deep)) after erlang:display(after3) end
               after erlang:display(after2) end
           catch throw:deep -> caught_deep after erlang:display(after1) end,
    erlang:display(Deep),
    Level = fun Lv(0) -> throw(bottom); Lv(N) -> try Lv(N - 1) catch error:_ -> never end end,
    erlang:display(catch Level(?MODULE:id(100))),
    erlang:display(try (try ?MODULE:id(1) of 1 -> error(in_of) catch error:_ -> not_here end) catch error:Y -> {outer, Y} end),
    ok.
