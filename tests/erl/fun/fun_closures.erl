-module(fun_closures).
-export([main/0, id/1]).

%% Closures capturing variables: counters built from nested closures,
%% captured values are immutable snapshots, many free variables.
id(X) -> X.

make_adder(N) -> fun(X) -> X + N end.
make_multi(A, B, C, D) -> fun(X) -> {A * X, B * X, C, D} end.
compose(F, G) -> fun(X) -> F(G(X)) end.

main() ->
    Add5 = make_adder(?MODULE:id(5)), Add10 = make_adder(?MODULE:id(10)),
    erlang:display({Add5(1), Add10(1), (compose(Add5, Add10))(0)}),
    M = make_multi(?MODULE:id(2), 3, "str", {tuple}),
    erlang:display(M(7)),
    X = ?MODULE:id(1),
    F = fun() -> X end,
    X2 = X + 1,
    erlang:display({F(), X2}),
    Fs = [fun() -> I * I end || I <- lists:seq(1, 10)],
    erlang:display([G() || G <- Fs]),
    Chain = lists:foldl(fun(I, Acc) -> compose(make_adder(I), Acc) end, fun(Y) -> Y end, lists:seq(1, 100)),
    erlang:display({chain, Chain(0)}),
    Big = ?MODULE:id(1 bsl 100),
    FB = fun(Y) -> Big + Y end,
    erlang:display({big_capture, FB(1)}),
    Shadow = fun(X3) -> fun(X4) -> {X3, X4} end end,
    erlang:display(((Shadow(outer))(inner))),
    ok.
