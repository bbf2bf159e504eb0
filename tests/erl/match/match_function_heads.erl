-module(match_function_heads).
-export([main/0, id/1]).

%% Multi-clause functions with literal, structural and guarded heads.
id(X) -> X.

f(0, _) -> zero_first;
f(_, 0) -> zero_second;
f(X, X) -> same;
f([H | _], [H | _]) -> same_head;
f({A}, {B}) when A > B -> first_bigger;
f({_}, {_}) -> second_bigger_or_equal;
f(X, Y) when is_atom(X), is_atom(Y) -> both_atoms;
f(_, _) -> default.

len([]) -> 0;
len([_]) -> 1;
len([_, _]) -> 2;
len([_, _, _ | T]) -> 3 + len(T).

main() ->
    Args = [{0, 1}, {1, 0}, {5, 5}, {[a, b], [a, c]}, {{3}, {1}}, {{1}, {3}}, {x, y}, {1, x}, {0, 0}],
    erlang:display([f(?MODULE:id(A), ?MODULE:id(B)) || {A, B} <- Args]),
    erlang:display([len(?MODULE:id(lists:seq(1, N))) || N <- [0, 1, 2, 3, 4, 5, 10, 100]]),
    ok.
