-module(arith_errors).
-export([main/0, id/1]).

%% badarith for every arithmetic operator with non-numeric operands.
id(X) -> X.

t(F) ->
    try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    A = ?MODULE:id(a), L = ?MODULE:id([1]), T = ?MODULE:id({1}), One = ?MODULE:id(1),
    erlang:display([t(fun() -> A + One end), t(fun() -> One - L end), t(fun() -> T * One end),
                    t(fun() -> One / A end), t(fun() -> A div One end), t(fun() -> One rem T end)]),
    erlang:display([t(fun() -> A band One end), t(fun() -> One bor L end), t(fun() -> T bxor One end),
                    t(fun() -> bnot A end), t(fun() -> A bsl 1 end), t(fun() -> One bsr A end)]),
    erlang:display([t(fun() -> -A end), t(fun() -> One div 0 end), t(fun() -> One / 0 end),
                    t(fun() -> One rem 0 end), t(fun() -> One + 1 end)]),
    ok.
