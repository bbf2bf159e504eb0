-module(guard_compare).
-export([main/0, id/1]).

%% Comparison operators in guards across types (== vs =:=, /= vs =/=).
id(X) -> X.

eq(A, B) when A =:= B -> exact;
eq(A, B) when A == B -> numeric_equal;
eq(A, B) when A < B -> less;
eq(_, _) -> greater.

ne(A, B) when A =/= B, A /= B -> both_differ;
ne(A, B) when A =/= B -> only_exact_differs;
ne(_, _) -> identical.

main() ->
    Pairs = [{1, 1}, {1, 1.0}, {1, 2}, {2, 1}, {a, 1}, {1, a}, {{1}, {1.0}}, {[1], [1.0]}, {"a", "a"}, {1 bsl 65, (1 bsl 65) * 1.0}],
    erlang:display([eq(?MODULE:id(A), ?MODULE:id(B)) || {A, B} <- Pairs]),
    erlang:display([ne(?MODULE:id(A), ?MODULE:id(B)) || {A, B} <- Pairs]),
    ok.
