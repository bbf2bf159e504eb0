-module(conv_chars).
-export([main/0, id/1]).

%% Character values, digit conversion by hand, hex formatting by hand.
id(X) -> X.

hex(N) when N < 16 -> [digit(N)];
hex(N) -> hex(N div 16) ++ [digit(N rem 16)].
digit(D) when D < 10 -> $0 + D;
digit(D) -> $a + D - 10.

main() ->
    erlang:display([$a, $z, $A, $Z, $0, $9, $\s, $~]),
    erlang:display([hex(?MODULE:id(N)) || N <- [0, 9, 10, 15, 16, 255, 4096, 65535, 1 bsl 64]]),
    erlang:display([hex(?MODULE:id(N)) =:= integer_to_list(N, 16) || N <- [255, 4096]]),
    erlang:display([list_to_integer([C]) || C <- ?MODULE:id("0123456789")]),
    erlang:display(lists:map(fun(C) -> C + 1 end, ?MODULE:id("HAL"))),
    ok.
