-module(lists_mod_zip).
-export([main/0, id/1]).

%% lists:zip/2, zip3/3, unzip/1, unzip3/1.
id(X) -> X.

main() ->
    Z = lists:zip(?MODULE:id([1, 2, 3]), [a, b, c]),
    erlang:display(Z),
    erlang:display(lists:unzip(Z)),
    Z3 = lists:zip3(?MODULE:id([1, 2]), [a, b], ["x", "y"]),
    erlang:display({Z3, lists:unzip3(Z3)}),
    erlang:display({lists:zip([], []), lists:unzip([])}),
    erlang:display({mismatch, try lists:zip(?MODULE:id([1, 2]), [a]) catch C:R -> {C, R} end}),
    ok.
