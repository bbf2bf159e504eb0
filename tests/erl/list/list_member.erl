-module(list_member).
-export([main/0, id/1]).

%% lists:member/2 uses exact (=:=) matching.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    L = ?MODULE:id([1, a, "str", {t}, [l], 2.0]),
    erlang:display([lists:member(X, L) || X <- [1, 1.0, a, b, "str", {t}, [l], 2, 2.0, []]]),
    erlang:display({empty, lists:member(a, [])}),
    Big = lists:seq(1, 100000),
    erlang:display({big, lists:member(100000, Big), lists:member(0, Big)}),
    erlang:display({improper, t(fun() -> lists:member(z, ?MODULE:id([a | b])) end), t(fun() -> lists:member(a, ?MODULE:id([a | b])) end)}),
    erlang:display({not_list, t(fun() -> lists:member(a, ?MODULE:id(a)) end)}),
    ok.
