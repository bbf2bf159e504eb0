-module(bif_size_length).
-export([main/0, id/1]).

%% length/1, tuple_size/1, size/1 (tuples only here), erlang:length
%% called through apply.
id(X) -> X.

main() ->
    erlang:display({length(?MODULE:id([])), length(?MODULE:id([1, 2, 3])), tuple_size(?MODULE:id({1, 2})), size(?MODULE:id({}))}),
    erlang:display({apply(erlang, length, [?MODULE:id([a, b])]), apply(erlang, tuple_size, [?MODULE:id({a})])}),
    erlang:display({size_badarg, try size(?MODULE:id([1])) catch C:R -> {C, R} end}),
    ok.
