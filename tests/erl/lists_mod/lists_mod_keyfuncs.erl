-module(lists_mod_keyfuncs).
-export([main/0, id/1]).

%% lists:keydelete, keyreplace, keystore, keytake, keymap.
id(X) -> X.

main() ->
    L = ?MODULE:id([{a, 1}, {b, 2}, {c, 3}, {b, 4}]),
    erlang:display({lists:keydelete(b, 1, L), lists:keydelete(z, 1, L)}),
    erlang:display({lists:keyreplace(b, 1, L, {b, new}), lists:keyreplace(z, 1, L, {z, 0})}),
    erlang:display({lists:keystore(c, 1, L, {c, 30}), lists:keystore(d, 1, L, {d, 5})}),
    erlang:display({lists:keytake(b, 1, L), lists:keytake(z, 1, L)}),
    erlang:display(lists:keymap(fun(V) -> V * 100 end, 2, L)),
    ok.
