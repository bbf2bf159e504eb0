-module(recursion_mutual).
-export([main/0, id/1]).

%% Mutual recursion (non-tail and tail), a small recursive-descent
%% expression parser/evaluator.
id(X) -> X.

%% expr := term ('+' term)* ; term := factor ('*' factor)* ; factor := digit | '(' expr ')'
expr(S) -> {V, R} = term(S), expr_rest(V, R).
expr_rest(Acc, [$+ | R]) -> {V, R2} = term(R), expr_rest(Acc + V, R2);
expr_rest(Acc, [$- | R]) -> {V, R2} = term(R), expr_rest(Acc - V, R2);
expr_rest(Acc, R) -> {Acc, R}.
term(S) -> {V, R} = factor(S), term_rest(V, R).
term_rest(Acc, [$* | R]) -> {V, R2} = factor(R), term_rest(Acc * V, R2);
term_rest(Acc, R) -> {Acc, R}.
factor([$( | R]) -> {V, [$) | R2]} = expr(R), {V, R2};
factor([D | R]) when D >= $0, D =< $9 -> {D - $0, R}.

eval(S) -> {V, []} = expr(S), V.

main() ->
    erlang:display([eval(?MODULE:id(S)) || S <- ["1+2*3", "(1+2)*3", "2*(3+4)*5-6", "((((9))))", "1-2-3", "9*9*9*9*9*9*9*9*9*9*9*9*9*9*9*9*9*9*9*9*9*9"]]),
    Nested = lists:duplicate(2000, $() ++ "7" ++ lists:duplicate(2000, $)),
    erlang:display(eval(?MODULE:id(Nested))),
    ok.
