-module(lists_mod_merge).
-export([main/0, id/1]).

%% lists:merge/1,2,3, merge3, umerge3, rmerge-free custom orders.
id(X) -> X.

main() ->
    erlang:display(lists:merge(?MODULE:id([1, 4, 7]), [2, 5, 8])),
    erlang:display(lists:merge(?MODULE:id([[1, 5], [2, 6], [3, 4]]))),
    erlang:display(lists:merge(fun(A, B) -> A >= B end, ?MODULE:id([7, 4, 1]), [8, 5, 2])),
    erlang:display(lists:merge3(?MODULE:id([1, 4]), [2, 5], [3, 6])),
    erlang:display(lists:umerge3(?MODULE:id([1, 2]), [2, 3], [3, 4])),
    erlang:display(lists:merge(?MODULE:id([]), [1, 2])),
    erlang:display(lists:merge(?MODULE:id([1, 1.0, 2]), [1, 2.0])),
    ok.
