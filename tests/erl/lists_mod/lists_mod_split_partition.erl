-module(lists_mod_split_partition).
-export([main/0, id/1]).

%% lists:split/2, splitwith/2, partition/2.
id(X) -> X.

main() ->
    L = ?MODULE:id([1, 2, 3, 4, 5, 6]),
    erlang:display([lists:split(N, L) || N <- [0, 1, 3, 6]]),
    erlang:display(lists:splitwith(fun(X) -> X < 4 end, L)),
    erlang:display(lists:splitwith(fun(X) -> X > 10 end, L)),
    erlang:display(lists:partition(fun(X) -> X rem 2 =:= 0 end, L)),
    erlang:display(lists:partition(fun is_atom/1, ?MODULE:id([a, 1, b, "c", d]))),
    erlang:display({bad, try lists:split(?MODULE:id(7), L) catch C:R -> {C, R} end}),
    ok.
