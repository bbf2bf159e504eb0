-module(bin_unicode_wide).
-export([main/0, id/1]).

%% unicode:characters_to_binary/2 and characters_to_list/2 with UTF-16 and UTF-32 input
%% (erl's Erlang fallback): results, errors and incomplete input.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

summary({Tag, Done, Rest}) -> {Tag, byte_size(Done), Rest};
summary(Bin) -> byte_size(Bin).

main() ->
    Encs = [utf16, {utf16, big}, {utf16, little}, utf32, {utf32, big}, {utf32, little},
            {utf16, middle}, {utf8, little}],
    Data = [<<>>, [], <<0, 97, 0, 98>>, <<97, 0, 98, 0>>, <<0, 0, 0, 97>>, <<97, 0, 0, 0>>,
            <<216, 61, 222, 0>>, <<61, 216, 0, 222>>, <<0, 1, 246, 0>>, <<0, 246, 1, 0>>,
            <<0>>, <<0, 97, 0>>, <<216>>, <<216, 61>>, <<216, 61, 222>>, <<220, 0>>,
            <<0, 0>>, <<0, 0, 0>>, <<0, 17, 0, 0>>, <<0, 0, 216, 0>>, <<255, 254, 0>>,
            [<<0>>, <<97>>], [<<216, 61>>, <<222, 0, 0, 98>>], [<<216>>, <<61>>, <<222>>, <<0>>],
            [<<0>>, 97], [<<0>>, [<<97>>]], [<<0>> | <<97>>], [<<0, 97, 0>> | <<98, 0>>],
            [97, 98, <<0, 99>>, [100 | <<0, 101>>]], [-1], [97, [16#D800, 98]], [1 bsl 70],
            [<<220, 0, 0, 97>>, 98], [<<0, 97>> | <<220, 0, 0, 98>>], [a], [97, a], [-1, a],
            [<<1:1>>], [<<0>>, -1], [[<<0>>], 97], [<<0>>, []], [<<0, 97>>, <<0>>],
            [<<216, 61>>, <<0, 97>>], [<<216, 61, 0>>], a, <<1:1>>, [97 | b],
            [<<0,0>>, <<0>>, <<1>>]],
    [erlang:display([t(fun() -> unicode:characters_to_binary(?MODULE:id(D), E) end) || D <- Data])
     || E <- Encs],
    [erlang:display([t(fun() -> unicode:characters_to_list(?MODULE:id(D), E) end) || D <- Data])
     || E <- Encs],
    Big16 = binary:copy(<<0, 97>>, 5000),
    erlang:display(byte_size(unicode:characters_to_binary(Big16, utf16))),
    erlang:display(length(unicode:characters_to_list([Big16, <<1, 0>>], {utf16, little}))),
    Odd = <<0, (binary:copy(<<0, 97>>, 4100))/binary, 220, 0, 0, 98>>,
    erlang:display(summary(unicode:characters_to_binary([Odd, <<0, 99>>], utf16))),
    erlang:display(summary(unicode:characters_to_binary(Odd, {utf16, little}))),
    Bad = <<(binary:copy(<<0, 97>>, 4100))/binary, 220, 0, 0, 98, 0, 99>>,
    erlang:display(summary(unicode:characters_to_binary([Bad, <<0, 100>>], utf16))),
    erlang:display(summary(unicode:characters_to_binary(Bad, utf16))),
    ok.
