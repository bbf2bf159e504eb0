-module(guard_sequences).
-export([main/0, id/1]).

%% Guard sequences: comma (and) vs semicolon (or), multiple guards per
%% clause in functions, funs, case, receive-free if.
id(X) -> X.

r(X) when X > 0, X < 10; X > 100, X < 110; X =:= -1 -> in;
r(_) -> out.

main() ->
    erlang:display([r(?MODULE:id(V)) || V <- [5, 50, 105, -1, 0, 110, 9.5]]),
    F = fun(X) when is_atom(X); is_list(X) -> text; (X) when is_number(X), X > 0 -> pos; (_) -> other end,
    erlang:display([F(?MODULE:id(V)) || V <- [a, "b", 3, -3, {}]]),
    C = [case ?MODULE:id(V) of Y when Y < 0; Y > 10 -> outside; _ -> inside end || V <- [-5, 5, 15]],
    erlang:display(C),
    ok.
