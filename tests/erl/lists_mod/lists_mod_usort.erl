-module(lists_mod_usort).
-export([main/0, id/1]).

%% lists:usort/1,2 dedup semantics (== for numbers), umerge.
id(X) -> X.

main() ->
    erlang:display(lists:usort(?MODULE:id([3, 1, 2, 3, 1, 2, 2]))),
    erlang:display(lists:usort(?MODULE:id([1, 1.0, 2, 2.0, a, a, "x", "x"]))),
    erlang:display(lists:usort(fun(A, B) -> A >= B end, ?MODULE:id([1, 3, 2, 3, 1]))),
    erlang:display(lists:usort(fun({A, _}, {B, _}) -> A =< B end, ?MODULE:id([{a, 1}, {b, 2}, {a, 3}, {b, 4}]))),
    erlang:display(lists:usort(?MODULE:id([]))),
    erlang:display(length(lists:usort([X rem 97 || X <- lists:seq(1, 10000)]))),
    erlang:display(lists:umerge(?MODULE:id([1, 3, 5]), [2, 3, 4])),
    erlang:display(lists:umerge(?MODULE:id([[1, 2], [2, 3], [5]]))),
    ok.
