-module(list_append).
-export([main/0, id/1]).

%% ++ operator: empty operands, improper tails, strings, badarg.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    A = ?MODULE:id([1, 2]), B = ?MODULE:id([3, 4]), E = ?MODULE:id([]),
    erlang:display({A ++ B, B ++ A, A ++ E, E ++ A, E ++ E, A ++ A ++ A}),
    erlang:display({improper, A ++ ?MODULE:id(x), E ++ ?MODULE:id(x), A ++ ?MODULE:id([3 | 4]), E ++ ?MODULE:id({t})}),
    erlang:display({strings, ?MODULE:id("hello") ++ " " ++ ?MODULE:id("world"), "abc" ++ [0]}),
    erlang:display({erlang_append, erlang:'++'(A, B), erlang:append(A, B)}),
    Long = lists:foldl(fun(I, Acc) -> Acc ++ [I] end, [], lists:seq(1, 500)),
    erlang:display({long, length(Long), lists:sum(Long), lists:last(Long)}),
    erlang:display([t(fun() -> ?MODULE:id(X) ++ [1] end) || X <- [a, [1 | 2], {1}]]),
    ok.
