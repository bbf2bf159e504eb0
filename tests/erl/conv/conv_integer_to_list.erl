-module(conv_integer_to_list).
-export([main/0, id/1]).

%% integer_to_list/1,2 for small, negative and big integers, all bases.
id(X) -> X.

t(F) -> try F() of V -> V catch C:R -> {C, R} end.

main() ->
    erlang:display([integer_to_list(?MODULE:id(I)) || I <- [0, 1, -1, 9, 10, -10, 123456789, 1 bsl 59, -(1 bsl 59), 1 bsl 64]]),
    [erlang:display({B, integer_to_list(?MODULE:id(255), B), integer_to_list(?MODULE:id(-255), B), integer_to_list(?MODULE:id(0), B)}) || B <- lists:seq(2, 36)],
    erlang:display({uppercase, integer_to_list(?MODULE:id(16#abcdef), 16), integer_to_list(?MODULE:id(35), 36)}),
    erlang:display([t(fun() -> integer_to_list(?MODULE:id(10), B) end) || B <- [1, 37, 0, -2, a]]),
    erlang:display([t(fun() -> integer_to_list(?MODULE:id(X)) end) || X <- [1.0, a, "1"]]),
    ok.
