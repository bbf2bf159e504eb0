-module(lists_mod_flatten).
-export([main/0, id/1]).

%% lists:flatten/1,2, flatlength/1, append/1.
id(X) -> X.

main() ->
    erlang:display(lists:flatten(?MODULE:id([1, [2, [3, [4, [5]]]], [], [[[]]], 6]))),
    erlang:display(lists:flatten(?MODULE:id(["abc", [$d, "ef"], [[[$g]]]]))),
    erlang:display(lists:flatten(?MODULE:id([a, [b]]), [c, [d]])),
    erlang:display(lists:flatten(?MODULE:id([{a, [b]}, [{c}]]))),
    erlang:display(lists:flatlength(?MODULE:id([1, [2, [3, 4]], [], 5]))),
    erlang:display(lists:append(?MODULE:id([[1, 2], [], [3], [4, [5]]]))),
    Deep = lists:foldl(fun(I, Acc) -> [Acc, I] end, [], lists:seq(1, 5000)),
    F = lists:flatten(Deep),
    erlang:display({length(F), lists:sum(F), lists:sublist(F, 5)}),
    ok.
