-module(compare_sort_mixed).
-export([main/0, id/1]).

%% Sorting heterogeneous lists of printable terms.
id(X) -> X.

main() ->
    L = [?MODULE:id(X) || X <- [{b}, "abc", [], 3, abc, {a, b}, 2.5, [1, 2], {}, 'Abc', -10, [a], "ab", {a}, 1 bsl 64, x, [[]]]],
    erlang:display(lists:sort(L)),
    erlang:display(lists:reverse(lists:sort(L))),
    erlang:display(lists:usort(L ++ L)),
    erlang:display({lists:max(L), lists:min(L)}),
    erlang:display(lists:sort(fun(A, B) -> A > B end, L)),
    ok.
