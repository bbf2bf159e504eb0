-module(list_subtract).
-export([main/0, id/1]).

%% -- operator: removes first occurrence of each element, order kept,
%% exact (=:=) matching, right associativity.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    L = ?MODULE:id([1, 2, 3, 2, 1, 4, 2]),
    erlang:display({L -- [2], L -- [2, 2], L -- [2, 2, 2, 2], L -- [], [] -- L, L -- L, L -- [5]}),
    erlang:display({exact, ?MODULE:id([1, 1.0, 2]) -- [1.0], ?MODULE:id([1, 1.0]) -- [1]}),
    erlang:display({assoc, ?MODULE:id([1, 2, 3]) -- [1, 2] -- [1], (?MODULE:id([1, 2, 3]) -- [1, 2]) -- [1]}),
    erlang:display({strings, ?MODULE:id("hello world") -- "lo", ?MODULE:id("aaa") -- "a"}),
    erlang:display({terms, ?MODULE:id([{a}, [b], c, {a}]) -- [{a}, c]}),
    Big = lists:seq(1, 5000),
    erlang:display({big, length(Big -- lists:seq(1, 5000, 2)), lists:sum(Big -- lists:seq(2, 5000, 2))}),
    erlang:display([t(fun() -> ?MODULE:id(X) -- ?MODULE:id(Y) end) || {X, Y} <- [{a, []}, {[], a}, {[1 | 2], [1]}, {[1], [1 | 2]}]]),
    ok.
