-module(recursion_body_map).
-export([main/0, id/1]).

%% Body-recursive list functions on long lists (map, filter, append,
%% zip) compared to tail-recursive + reverse versions.
id(X) -> X.

bmap(_, []) -> [];
bmap(F, [H | T]) -> [F(H) | bmap(F, T)].

tmap(F, L) -> tmap(F, L, []).
tmap(_, [], Acc) -> lists:reverse(Acc);
tmap(F, [H | T], Acc) -> tmap(F, T, [F(H) | Acc]).

bfilter(_, []) -> [];
bfilter(P, [H | T]) -> case P(H) of true -> [H | bfilter(P, T)]; false -> bfilter(P, T) end.

bapp([], L) -> L;
bapp([H | T], L) -> [H | bapp(T, L)].

main() ->
    L = lists:seq(1, ?MODULE:id(300000)),
    F = fun(X) -> X * 3 end,
    M1 = bmap(F, L), M2 = tmap(F, L),
    erlang:display({M1 =:= M2, lists:sum(M1), length(M1)}),
    Odd = bfilter(fun(X) -> X band 1 =:= 1 end, L),
    erlang:display({length(Odd), lists:last(Odd)}),
    A = bapp(L, L),
    erlang:display({length(A), lists:nth(300001, A)}),
    ok.
