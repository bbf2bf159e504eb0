%% Two-element tuples built right after a heap test, from each pair of register kinds
%% (x/y), returned directly or kept: the loader's kind-specialised rows. Deep trees make
%% the heap tests collect in the middle of building.
-module(tuple_pair_rows).
-export([main/0]).

make(0) -> {nil, nil};
make(D) -> {make(D - 1), make(D - 1)}.                 % y, x, then return

check({nil, nil}) -> 1;
check({L, R}) -> 1 + check(L) + check(R).

xx(A, B) -> {B, A}.                                    % x, x
xy(A) -> B = id(A), {B, A}.                           % x, y
yx(A) -> B = id(A), {A, B}.                           % y, x
yy(A, B) -> C = id(A), D = id(B), E = id(0), {E, {C, D}}.  % y, y
id(X) -> X.
keep(A, B) -> T = {A, B}, [T, id(T)].                  % not followed by a return

chain(0, Acc) -> Acc;
chain(N, Acc) -> chain(N - 1, {N, Acc}).

main() ->
    io:format("~p~n", [[check(make(D)) || D <- lists:seq(0, 14)]]),
    io:format("~p~n", [[xx(1, a), xy(<<"b">>), yx([c]), yy(d, 2.0), keep(e, f)]]),
    T = chain(100000, done),
    io:format("~p ~p~n", [element(1, T), erts_debug:flat_size(T)]),
    io:format("~p~n", [lists:foldl(fun(I, Acc) -> xx(I, Acc) end, start, lists:seq(1, 5))]),
    ok.
