%% erlang:md5/1 and md5_init/update/final: RFC 1321 digests of iodata in its shapes (nested
%% lists, binaries, sub-binaries, a bit-offset sub-binary, block boundaries), the incremental
%% context fed in pieces, and badarg for what is not iodata or not a context.
-module(bif_md5).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Big = list_to_binary([I rem 256 || I <- lists:seq(1, 1000)]),
    <<_:3, Unaligned:80/bits, _/bits>> = Big,
    Inputs = [<<>>, "", "abc", "message digest", lists:seq(0, 255), Big,
              [Big, "x", [[<<1, 2, 3>>]] | <<4>>], binary:part(Big, 3, 100), Unaligned,
              lists:duplicate(55, $a), lists:duplicate(56, $a), lists:duplicate(64, $a),
              lists:duplicate(119, $b), lists:duplicate(120, $b)],
    [erlang:display(erlang:md5(?MODULE:id(X))) || X <- Inputs],
    Pieces = [binary:part(Big, I, 7) || I <- lists:seq(0, 993, 7)] ++ [binary:part(Big, 994, 6)],
    Ctx = lists:foldl(fun(Piece, C) -> erlang:md5_update(C, Piece) end, erlang:md5_init(), Pieces),
    erlang:display(erlang:md5_final(Ctx) =:= erlang:md5(Big)),
    erlang:display(erlang:md5_final(erlang:md5_update(erlang:md5_init(), "abc"))),
    erlang:display(byte_size(erlang:md5_init())),
    [erlang:display(reason(catch erlang:md5(?MODULE:id(X))))
     || X <- [a, [256], [-1], [a], <<1:1>>, [1 | 2], 1.0]],
    erlang:display(reason(catch erlang:md5_update(?MODULE:id(<<1, 2>>), "a"))),
    erlang:display(reason(catch erlang:md5_update(erlang:md5_init(), ?MODULE:id(a)))),
    erlang:display(reason(catch erlang:md5_final(?MODULE:id(<<>>)))),
    erlang:display(reason(catch erlang:md5_final(?MODULE:id(foo)))),
    ok.

reason({'EXIT', {R, _}}) -> R;
reason(Other) -> Other.
