-module(bin_unicode).
-export([main/0, id/1]).

%% unicode:characters_to_list/1,2 and characters_to_binary/1,2: conversions, and the
%% {error, Done, Rest} / {incomplete, Done, Rest} results erl builds.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    Data = [<<>>, [], "abc", <<"abc">>, [$a, <<"bc">>, [[$d], <<"e">> | <<"f">>]],
            [16#100, 16#10FFFF, 16#FFFF], <<196,128,240,159,152,128>>, [<<196>>, <<128>>],
            [$a, -1, $b], [$a, [$b, -1, $c], $d], [$a, [$b, <<"x", 255, "y">>, $c], $d],
            <<"a", 195>>, [<<"a", 195>>, <<169>>], [<<"a", 195>>, $b], [<<"a", 195>>],
            [$a, 16#D800], <<"a", 16#ED, 16#A0, 16#80>>, [$a | <<"b">>],
            <<"a", 16#E0, 16#80, 16#80>>,
            <<"a", 16#C0, 16#80>>, <<"a", 16#E0, 16#A0>>, <<"a", 16#E0, 16#20>>,
            <<"a", 16#F4, 16#90, 16#80, 16#80>>, <<"a", 16#F8>>, <<"a", 16#80>>,
            [$x, <<"a", 195>>], [[<<"a", 195>>], $b], [<<"a", 195>>, [$b]], [<<"a", 195>>, <<"b">>],
            [<<"a", 195>> | <<"b">>], [<<"a", 195>>, []], [$a, [-1]], [[-1]], [-1 | <<"x">>],
            [$a | <<255>>], [<<"a">>, 16#110000], [$a, [], <<>>, 255], [<<"a", 195>>, <<169, 255>>],
            [<<"a", 226>>, <<130>>, <<172>>], [<<"a", 226>>, <<130>>], [<<"a", 226>>, <<130>>, $b],
            [<<"a", 226>>, [<<130>>, $b]], [[$a, -1] | <<"q">>], [<<226>>, <<130, 130>>],
            [$a, 1 bsl 70], [$a, 256, $b], [<<255>>, 255],
            [<<"a", 226>>, <<"b">>], [<<"a", 226>>, <<"b">>, $c], [<<"a", 226>>, <<"bc">>],
            [<<"a", 226>>, <<"bcd">>, $e], [<<"a", 226>>, <<130, "b">>],
            [<<"a", 226>>, <<"b">> | <<"c">>], [<<"a", 240>>, <<"b">>], [<<"a", 240>>, <<"bcd">>],
            [<<"a", 240>>, <<144>>, <<"b">>], [<<"a", 195>>, <<"bc">>], [<<"a", 240>>, <<144>>],
            [<<"a", 240>>, <<>>, [<<144>>], <<128>>, [[<<128>>]]], [<<"a", 240>>, <<>>, -1],
            [$a, <<1:1>>], [$a, b], [a, -1], [-1, a], [$a, -1, a], [$a, 16#D800, a], [[], [[]]],
            a, 1, <<1:1>>, [$a | b], {<<"a">>}],
    erlang:display([{D, t(fun() -> unicode:characters_to_binary(?MODULE:id(D)) end)} || D <- Data]),
    erlang:display([{D, t(fun() -> unicode:characters_to_list(?MODULE:id(D)) end)} || D <- Data]),
    [erlang:display([t(fun() -> unicode:characters_to_binary(?MODULE:id(D), E) end) || D <- Data])
     || E <- [unicode, utf8, latin1]],
    [erlang:display([t(fun() -> unicode:characters_to_list(?MODULE:id(D), E) end) || D <- Data])
     || E <- [unicode, utf8, latin1]],
    erlang:display([t(fun() -> unicode:characters_to_list(<<"a">>, ?MODULE:id(E)) end)
                    || E <- [foo, {utf8, big}, "utf8", 1]]),
    erlang:display([t(fun() -> unicode:characters_to_binary(<<"a">>, ?MODULE:id(E)) end)
                    || E <- [foo, {utf8, big}, "utf8", 1]]),
    Long = lists:seq(1, 3000),
    LB = unicode:characters_to_binary(Long),
    erlang:display({byte_size(LB), length(unicode:characters_to_list(LB)),
                    unicode:characters_to_list(LB) =:= Long}),
    erlang:display(unicode:characters_to_binary(lists:duplicate(100, [<<"x">>, 16#20AC]))),
    erlang:display(unicode:characters_to_list(binary:copy(<<"Ã¿z">>, 30), latin1)),
    erlang:display(unicode:characters_to_binary(binary:copy(<<"Ã¿z">>, 30), latin1)),
    Deep = lists:foldl(fun(C, Acc) -> [Acc, C] end, [], lists:seq(1, 50000)),
    erlang:display(byte_size(unicode:characters_to_binary(Deep))),
    erlang:display(length(unicode:characters_to_list(Deep))),
    {error, Done, Rest} = unicode:characters_to_binary([Deep, -5, $z]),
    erlang:display({byte_size(Done), Rest}),
    ok.
