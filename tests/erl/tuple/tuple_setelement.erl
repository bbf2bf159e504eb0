-module(tuple_setelement).
-export([main/0, id/1]).

%% setelement/3 creates a new tuple; original is unchanged.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    T = ?MODULE:id({a, b, c}),
    T2 = setelement(2, T, x),
    erlang:display({T, T2, setelement(1, T, {nested}), setelement(3, T2, [])}),
    Big = erlang:make_tuple(100, 0),
    Big2 = lists:foldl(fun(I, Acc) -> setelement(I, Acc, I * I) end, Big, lists:seq(1, 100)),
    erlang:display({element(1, Big2), element(50, Big2), element(100, Big2), element(100, Big), lists:sum(tuple_to_list(Big2))}),
    erlang:display([t(fun() -> setelement(?MODULE:id(I), T, z) end) || I <- [0, 4, -1, b]]),
    erlang:display({not_tuple, t(fun() -> setelement(1, ?MODULE:id([a]), z) end)}),
    erlang:display({same, setelement(1, T, a) =:= T}),
    ok.
