%% erlang:fun_to_list/1 for closures (with and without free variables, nested) and external
%% funs (quoted names too), io_lib's ~p and ~w of funs (which use it), and badarg.
-module(fun_to_list).
-export([main/0, id/1, 'odd name'/1]).

id(X) -> X.

'odd name'(X) -> X.

main() ->
    A = ?MODULE:id(1),
    Funs = [fun() -> ok end, fun(X) -> X + A end, fun(X) -> fun(Y) -> {X, Y, A} end end,
            (fun(X) -> fun(Y) -> {X, Y} end end)(2),
            fun lists:map/2, fun ?MODULE:'odd name'/1, fun 'a b':'c d'/0, fun erlang:'+'/2],
    [erlang:display(erlang:fun_to_list(?MODULE:id(F))) || F <- Funs],
    erlang:display(lists:flatten(io_lib:format("~p ~w", [hd(Funs), lists:last(Funs)]))),
    [erlang:display(catch_reason(fun() -> erlang:fun_to_list(?MODULE:id(X)) end))
     || X <- [a, 1, "f", {fun() -> ok end}]],
    ok.

catch_reason(F) ->
    try F() catch error:R -> {error, R} end.
