-module(fun_higher_order).
-export([main/0, id/1]).

%% Hand-written higher-order functions: map, filter, fold, curry, pipelines.
id(X) -> X.

map(_, []) -> [];
map(F, [H | T]) -> [F(H) | map(F, T)].

filter(_, []) -> [];
filter(P, [H | T]) -> case P(H) of true -> [H | filter(P, T)]; false -> filter(P, T) end.

fold(_, Acc, []) -> Acc;
fold(F, Acc, [H | T]) -> fold(F, F(H, Acc), T).

curry(F) -> fun(A) -> fun(B) -> F(A, B) end end.

pipe(X, []) -> X;
pipe(X, [F | Fs]) -> pipe(F(X), Fs).

twice(F) -> fun(X) -> F(F(X)) end.

main() ->
    L = ?MODULE:id(lists:seq(1, 20)),
    erlang:display(map(fun(X) -> X * X end, L)),
    erlang:display(filter(fun(X) -> X rem 3 =:= 0 end, L)),
    erlang:display(fold(fun(X, A) -> [X | A] end, [], L)),
    Add = curry(fun(A, B) -> A + B end),
    erlang:display({((Add(3))(4)), map(Add(100), [1, 2, 3])}),
    erlang:display(pipe(?MODULE:id(5), [fun(X) -> X + 1 end, fun(X) -> X * 10 end, fun integer_to_list/1, fun lists:reverse/1])),
    Quad = twice(twice(fun(X) -> X * 2 end)),
    erlang:display({Quad(1), (twice(Quad))(1), ((twice(fun twice/1))(fun(X) -> X + 3 end))(0)}),
    ok.
