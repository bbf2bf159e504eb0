%% erlang:crc32/1,2, crc32_combine/3, adler32/1,2, adler32_combine/3 on iodata of every
%% shape (bytes, binaries, sub-binaries, nested lists), continued and combined, and their
%% badarg cases.
-module(bif_checksum).
-export([main/0]).

main() ->
    Big = list_to_binary([I rem 256 || I <- lists:seq(1, 100000)]),
    <<_:3/binary, Sub:50/binary, _/binary>> = Big,
    <<_:3, Odd:40/binary, _/bitstring>> = Big,
    Datas = [<<>>, [], "hello", <<"hello">>, ["he", [$l, <<"lo">>], []], Big, Sub,
             [Sub, 0, 255, [Big | <<"tail">>]], Odd, [Odd, Odd]],
    [io:format("~p ~p~n", [erlang:crc32(D), erlang:adler32(D)]) || D <- Datas],
    C1 = erlang:crc32("abc"), A1 = erlang:adler32("abc"),
    io:format("~p ~p~n", [erlang:crc32(C1, "def") =:= erlang:crc32("abcdef"),
                          erlang:adler32(A1, "def") =:= erlang:adler32("abcdef")]),
    io:format("~p ~p~n", [erlang:crc32_combine(C1, erlang:crc32("def"), 3),
                          erlang:adler32_combine(A1, erlang:adler32("def"), 3)]),
    io:format("~p ~p~n", [erlang:crc32(16#FFFFFFFF, Big), erlang:adler32(16#FFFFFFFF, Big)]),
    Bad = [a, 1.0, [256], [-1], <<1:3>>, [<<1:7>>], ["ab" | c], 12],
    [io:format("~p ~p~n", [err(fun() -> erlang:crc32(B) end), err(fun() -> erlang:adler32(B) end)])
     || B <- Bad],
    io:format("~p~n", [[err(F) || F <- [fun() -> erlang:crc32(-1, "a") end,
                                         fun() -> erlang:crc32(1 bsl 32, "a") end,
                                         fun() -> erlang:adler32(x, "a") end,
                                         fun() -> erlang:crc32_combine(1, 2, -1) end,
                                         fun() -> erlang:adler32_combine(a, 2, 1) end,
                                         fun() -> erlang:crc32_combine(1, 1 bsl 32, 1) end]]]),
    ok.

err(F) ->
    try F() catch error:R -> R end.
