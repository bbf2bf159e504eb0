-module(fun_recursive).
-export([main/0, id/1]).

%% Recursion through funs: named funs (fun Name(...)), passing self,
%% Y-combinator.
id(X) -> X.

y(F) -> (fun(X) -> F(fun(V) -> (X(X))(V) end) end)(fun(X) -> F(fun(V) -> (X(X))(V) end) end).

main() ->
    Fact = fun Fact(0) -> 1; Fact(N) -> N * Fact(N - 1) end,
    erlang:display({Fact(?MODULE:id(10)), Fact(?MODULE:id(25))}),
    Fib = fun(Self, N) when N < 2 -> N; (Self, N) -> Self(Self, N - 1) + Self(Self, N - 2) end,
    erlang:display({fib, Fib(Fib, ?MODULE:id(20))}),
    YFact = y(fun(F) -> fun(0) -> 1; (N) -> N * F(N - 1) end end),
    erlang:display({yfact, YFact(?MODULE:id(15))}),
    Count = fun Loop(0, Acc) -> Acc; Loop(N, Acc) -> Loop(N - 1, Acc + 1) end,
    erlang:display({count, Count(?MODULE:id(1000000), 0)}),
    Len = fun L([]) -> 0; L([_ | T]) -> 1 + L(T) end,
    erlang:display({len, Len(lists:seq(1, 10000))}),
    ok.
