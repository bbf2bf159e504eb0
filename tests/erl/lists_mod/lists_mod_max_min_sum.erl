-module(lists_mod_max_min_sum).
-export([main/0, id/1]).

%% lists:max, min, sum (with mixed numbers).
id(X) -> X.

main() ->
    L = ?MODULE:id([3, 1.5, -2, 1 bsl 70, 0]),
    erlang:display({lists:max(L), lists:min(L), lists:sum(L)}),
    erlang:display({lists:max(?MODULE:id([a, 1, {}, "s"])), lists:min(?MODULE:id([a, 1, {}, "s"]))}),
    erlang:display({lists:max(?MODULE:id([1, 1.0])), lists:max(?MODULE:id([1.0, 1])), lists:min(?MODULE:id([2, 2.0]))}),
    erlang:display({lists:sum(?MODULE:id([])), lists:sum(lists:seq(1, 10000)), lists:sum(?MODULE:id([0.1, 0.2, 0.3]))}),
    erlang:display({single, lists:max([x]), lists:min([x])}),
    ok.
