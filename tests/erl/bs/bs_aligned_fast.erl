%% Byte-aligned integer and float segments of every whole-byte size, both byte orders,
%% signed and unsigned, at aligned and unaligned positions, built fresh and by appending:
%% the fast paths for whole bytes must agree with the general bit-by-bit ones.
-module(bs_aligned_fast).
-export([main/0, id/1]).

id(X) -> X.

values() ->
    [0, 1, -1, 127, 128, -128, -129, 255, 256, 16#7FFF, -16#8000, 16#FFFF, 16#10000,
     16#7FFFFFFF, -16#80000000, 16#FFFFFFFF, 16#FFFFFFFFFF, (1 bsl 55) - 1, 1 bsl 55,
     (1 bsl 56) - 1, 1 bsl 56, (1 bsl 59) - 1, 1 bsl 59, -(1 bsl 59), -(1 bsl 59) - 1,
     (1 bsl 63) - 1, 1 bsl 63, (1 bsl 64) - 1, -(1 bsl 63), -(1 bsl 63) - 1, 1 bsl 64,
     (1 bsl 70) + 12345, -(1 bsl 70) - 7].

sizes() -> [8, 16, 24, 32, 40, 48, 56, 64].

%% Builds V in Size bits (big and little) after Pad bits, then matches it back signed and
%% unsigned, both orders.
one(V, Size, Pad) ->
    P = ?MODULE:id(Pad),
    S = ?MODULE:id(Size),
    Big = <<0:P, V:S>>,
    Little = <<0:P, V:S/little>>,
    <<_:P, UB:S, _/bits>> = Big,
    <<_:P, SB:S/signed, _/bits>> = Big,
    <<_:P, UL:S/little, _/bits>> = Little,
    <<_:P, SL:S/little-signed, _/bits>> = Little,
    {Big, Little, UB, SB, UL, SL}.

ints() ->
    [erlang:display({V, S, P, one(?MODULE:id(V), S, P)})
     || V <- values(), S <- sizes(), P <- [0, 8, 3]],
    ok.

floats() ->
    Fs = [0.0, -0.0, 1.5, -2.25, 3.0e38, 1.0e-300, 65504.0, 6.0e-5, 1.0e10, 123456.789],
    [begin
         P = ?MODULE:id(Pad),
         S = ?MODULE:id(Size),
         B = (catch <<0:P, F:S/float>>),
         L = (catch <<0:P, F:S/float-little>>),
         M = case B of
                 <<_:P, G:S/float, _/bits>> -> G;
                 _ -> nomatch
             end,
         N = case L of
                 <<_:P, H:S/float-little, _/bits>> -> H;
                 _ -> nomatch
             end,
         erlang:display({F, S, P, B, L, M, N})
     end || F <- Fs, Size <- [16, 32, 64], Pad <- [0, 8, 5]],
    %% Integers as float sources, and bytes that are no float (infinity, NaN).
    erlang:display(<<(?MODULE:id(3)):64/float, (?MODULE:id(1 bsl 80)):32/float-little>>),
    Inf = <<16#7FF0000000000000:64>>,
    erlang:display(case ?MODULE:id(Inf) of <<X:64/float>> -> X; _ -> nomatch end),
    erlang:display(case ?MODULE:id(<<16#7F800001:32>>) of <<Y:32/float>> -> Y; _ -> nomatch end),
    ok.

%% Records appended one by one, as a loop building a packet does, then decoded.
appends() ->
    Bin = lists:foldl(fun(I, Acc) ->
                              <<Acc/binary, I:32, (I band 16#FFFF):16/little,
                                (I * 0.5):64/float, (-I):24/signed>>
                      end, <<>>, lists:seq(1, 300)),
    erlang:display(byte_size(Bin)),
    erlang:display(decode(Bin, [])),
    %% Unaligned append: a 3-bit head shifts every later segment.
    Odd = lists:foldl(fun(I, Acc) -> <<Acc/bits, I:16, (I * 1.0):32/float>> end,
                      <<5:3>>, lists:seq(1, 20)),
    erlang:display(Odd),
    ok.

decode(<<A:32, B:16/little, F:64/float, C:24/signed, Rest/binary>>, Acc) ->
    decode(Rest, [{A, B, F, C} | Acc]);
decode(<<>>, Acc) -> lists:reverse(Acc).

main() ->
    ints(),
    floats(),
    appends().
