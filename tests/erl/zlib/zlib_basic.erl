-module(zlib_basic).
-export([main/0]).

%% zlib through Debian's zlib: the one-shot functions, streams with chunked input and flush
%% modes, dictionaries, and the errors zlib.erl and its NIFs raise.
main() ->
    Data = list_to_binary([integer_to_list(N) || N <- lists:seq(1, 3000)]),
    Small = <<"hello hello hello hello">>,
    C = zlib:compress(Small),
    p(C),
    p(zlib:uncompress(C)),
    p(zlib:uncompress(zlib:compress(Data)) =:= Data),
    p(byte_size(zlib:compress(Data))),
    p(zlib:zip(Small)),
    p(zlib:unzip(zlib:zip(Data)) =:= Data),
    G = zlib:gzip(Small),
    p(G),
    p(zlib:gunzip(G)),
    p(zlib:gunzip([G, G])),
    p(zlib:compress(["ab", [$c | <<"de">>]])),
    p(zlib:compress(<<>>)),
    p(zlib:uncompress(zlib:compress(<<>>))),
    %% streams
    Z = zlib:open(),
    p(zlib:deflateInit(Z, best_compression)),
    D1 = zlib:deflate(Z, binary:part(Data, 0, 5000)),
    D2 = zlib:deflate(Z, binary:part(Data, 5000, byte_size(Data) - 5000), sync),
    D3 = zlib:deflate(Z, <<>>, finish),
    p(zlib:deflateEnd(Z)),
    Compressed = iolist_to_binary([D1, D2, D3]),
    p(byte_size(Compressed)),
    p(zlib:inflateInit(Z)),
    Out = zlib:inflate(Z, Compressed),
    p(iolist_to_binary(Out) =:= Data),
    p(zlib:inflateEnd(Z)),
    p(catch zlib:inflateEnd(Z)),
    p(zlib:deflateInit(Z, default, deflated, -15, 8, default)),
    Raw = iolist_to_binary(zlib:deflate(Z, Small, finish)),
    p(Raw),
    p(zlib:deflateEnd(Z)),
    p(zlib:inflateInit(Z, -15)),
    p(iolist_to_binary(zlib:inflate(Z, Raw))),
    p(zlib:inflateEnd(Z)),
    %% safeInflate in small steps
    p(zlib:inflateInit(Z)),
    p(safe(Z, zlib:safeInflate(Z, zlib:compress(Data)), []) =:= Data),
    p(zlib:inflateEnd(Z)),
    %% dictionaries
    Dict = <<"hello world">>,
    p(zlib:deflateInit(Z)),
    p(zlib:deflateSetDictionary(Z, Dict)),
    WithDict = iolist_to_binary(zlib:deflate(Z, <<"hello world hello">>, finish)),
    p(zlib:deflateEnd(Z)),
    p(zlib:inflateInit(Z)),
    p(catch zlib:inflate(Z, WithDict)),
    p(zlib:inflateSetDictionary(Z, Dict)),
    p(iolist_to_binary(zlib:inflate(Z, []))),
    p(zlib:inflateEnd(Z)),
    p(zlib:close(Z)),
    %% errors
    p(catch zlib:uncompress(<<"garbage">>)),
    p(catch zlib:unzip(<<1, 2, 3>>)),
    p(catch zlib:gunzip(<<"not gzip">>)),
    p(catch zlib:compress(foo)),
    p(catch zlib:deflate(foo, <<>>)),
    Z2 = zlib:open(),
    p(catch zlib:deflate(Z2, <<"x">>)),
    p(catch zlib:deflateInit(Z2, 42)),
    p(catch zlib:inflateInit(Z2, 99)),
    p(zlib:deflateInit(Z2)),
    p(catch zlib:deflateInit(Z2)),
    p(catch zlib:deflate(Z2, <<"x">>, bad_flush)),
    Self = self(),
    spawn(fun() -> Self ! {other, catch zlib:deflate(Z2, <<"x">>)} end),
    receive {other, R} -> p(R) end,
    p(zlib:close(Z2)),
    p(catch zlib:close(Z2)),
    ok.

safe(Z, {continue, Out}, Acc) -> safe(Z, zlib:safeInflate(Z, []), [Acc, Out]);
safe(_Z, {finished, Out}, Acc) -> iolist_to_binary([Acc, Out]).

p({'EXIT', {Reason, _Trace}}) -> io:format("EXIT ~p~n", [Reason]);
p(T) -> io:format("~p~n", [T]).
