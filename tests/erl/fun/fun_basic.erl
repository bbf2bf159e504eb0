-module(fun_basic).
-export([main/0, id/1, double/1]).

%% Anonymous funs of various arities, fun references to local and
%% exported functions, is_function/1,2.
id(X) -> X.
double(X) -> X * 2.
triple(X) -> X * 3.

main() ->
    F0 = fun() -> zero end,
    F1 = fun(X) -> X + 1 end,
    F2 = fun(X, Y) -> {X, Y} end,
    F5 = fun(A, B, C, D, E) -> A + B + C + D + E end,
    erlang:display({F0(), F1(1), F2(a, b), F5(1, 2, 3, 4, 5)}),
    L = fun triple/1, E = fun ?MODULE:double/1,
    erlang:display({L(5), E(5), (fun triple/1)(2), (fun(X) -> X end)(same)}),
    erlang:display({is_function(F1), is_function(F1, 1), is_function(F1, 2), is_function(E, 1), is_function(?MODULE:id(x)), is_function(?MODULE:id(x), 0)}),
    G = ?MODULE:id(F2),
    erlang:display(G(?MODULE:id(1), 2)),
    Multi = fun(0) -> zero; (N) when N > 0 -> pos; (_) -> neg end,
    erlang:display([Multi(?MODULE:id(X)) || X <- [0, 5, -5]]),
    ok.
