-module(bin_lists).
-export([main/0, id/1]).

%% binary_to_list/1,3, bitstring_to_list/1, list_to_binary/1, iolist_to_binary/1,
%% iolist_size/1, list_to_bitstring/1: good, bad, deep and large arguments.
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

deep(0, Acc) -> Acc;
deep(N, Acc) -> deep(N - 1, [Acc, N rem 256]).

deep_tail(0) -> <<"end">>;
deep_tail(N) -> [N rem 256 | deep_tail(N - 1)].

main() ->
    Big = list_to_binary(lists:seq(0, 255)),
    erlang:display([t(fun() -> binary_to_list(?MODULE:id(X)) end)
                    || X <- [<<>>, <<"abc">>, <<1,2:4>>, <<1:1>>, a, "abc"]]),
    erlang:display(binary_to_list(Big)),
    erlang:display([t(fun() -> binary_to_list(?MODULE:id(<<"abcde">>), S, E) end)
                    || {S, E} <- [{1, 5}, {2, 3}, {3, 3}, {0, 1}, {1, 6}, {3, 2}, {a, 1}, {1, b}]]),
    erlang:display(binary_to_list(Big, 100, 120)),
    erlang:display(t(fun() -> binary_to_list(?MODULE:id(<<1,2:4>>), 1, 1) end)),
    erlang:display([t(fun() -> bitstring_to_list(?MODULE:id(X)) end)
                    || X <- [<<>>, <<"abc">>, <<1,2:4>>, <<1:1>>, <<255,255,3:2>>, a]]),
    Lists = [[], "abc", [1, <<2,3>>, [4, [5 | <<6>>]], []], [<<>> | <<>>], [[[[]]]],
             [256], [-1], [a], [1 | 2], [<<1:1>>], [1.0], <<"x">>, a, [1, [2 | 3]],
             [[1, 2] | <<"t">>], [<<1,2,3>>, 4 | [5]], [$a | <<1:4>>]],
    erlang:display([t(fun() -> list_to_binary(?MODULE:id(L)) end) || L <- Lists]),
    erlang:display([t(fun() -> iolist_to_binary(?MODULE:id(L)) end) || L <- Lists]),
    erlang:display([t(fun() -> iolist_size(?MODULE:id(L)) end) || L <- Lists]),
    erlang:display([t(fun() -> list_to_bitstring(?MODULE:id(L)) end) || L <- Lists]),
    erlang:display([t(fun() -> list_to_bitstring(?MODULE:id(L)) end)
                    || L <- [[<<1:1>>, <<1:1>>, 255 | <<3:2>>], [<<1:3>>, <<"abc">>, [<<5:5>>]],
                             [<<1:7>>, <<1:7>>, <<1:7>>, <<1:7>>, <<1:7>>, <<1:7>>, <<1:7>>,
                              <<1:7>>, 9]]]),
    erlang:display(iolist_size([Big, Big, [Big | Big]])),
    erlang:display(iolist_to_binary([Big, "xyz", [Big | <<"end">>]])),
    erlang:display(iolist_to_binary(Big) =:= Big),
    D = deep(200000, []),
    erlang:display(iolist_size(D)),
    erlang:display(byte_size(list_to_binary(D))),
    erlang:display(binary:part(iolist_to_binary(D), 199990, 10)),
    T = deep_tail(100000),
    erlang:display(iolist_size(T)),
    erlang:display(binary:part(list_to_binary(T), 99990, 13)),
    erlang:display(t(fun() -> iolist_size(deep(100000, a)) end)),
    erlang:display(t(fun() -> list_to_binary([deep(100000, []) | 7]) end)),
    Bits = list_to_bitstring([<<1:1>> || _ <- lists:seq(1, 1001)]),
    erlang:display({bit_size(Bits), byte_size(Bits)}),
    ok.
