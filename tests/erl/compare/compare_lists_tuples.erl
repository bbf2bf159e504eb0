-module(compare_lists_tuples).
-export([main/0, id/1]).

%% Tuples compare by size first, then element-wise; lists compare
%% element-wise (lexicographic), shorter prefix first; improper tails.
id(X) -> X.

main() ->
    Pairs = [{{1, 2}, {1, 3}}, {{2}, {1, 1}}, {{a, b, c}, {z, z}}, {{}, {a}}, {{1, {2}}, {1, {2.0}}},
             {[1, 2], [1, 3]}, {[2], [1, 1]}, {[], [a]}, {[1, 2], [1, 2, 3]}, {[1 | 2], [1, 2]}, {[1 | a], [1 | b]},
             {[a], {a}}, {"abc", "abd"}, {[1 | 2], [1 | 2.0]}],
    [erlang:display({A, B, A < B, A > B, A == B, A =:= B}) || {A0, B0} <- Pairs, A <- [?MODULE:id(A0)], B <- [?MODULE:id(B0)]],
    ok.
