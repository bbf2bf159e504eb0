-module(list_length).
-export([main/0, id/1]).

%% length/1 on various lists; badarg for improper lists and non-lists.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    erlang:display([length(?MODULE:id(L)) || L <- [[], [a], "abc", [[], [], []], [[1, 2, 3]], lists:seq(1, 100000)]]),
    erlang:display([t(fun() -> length(?MODULE:id(X)) end) || X <- [[a | b], a, {1, 2}, [1, 2 | 3]]]),
    erlang:display({guard, [case ?MODULE:id(X) of Y when length(Y) > 1 -> long; _ -> short end || X <- [[], [1], [1, 2], a, [1 | 2]]]}),
    ok.
