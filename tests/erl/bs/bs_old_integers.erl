-module(bs_old_integers).
%% The same program compiled to OTP 24's construction instructions (bs_init2, bs_put_*, ...).
-compile([no_bs_create_bin]).
-export([main/0, id/1]).

id(X) -> X.

values() ->
    [0, 1, -1, 5, -5, 127, -128, 255, 256, 1000, -1000, 65535, -65536, 16#123456789,
     -16#123456789, 1 bsl 59, -(1 bsl 59), (1 bsl 60) - 1, 1 bsl 64, -(1 bsl 64) + 3,
     16#DEADBEEFCAFEBABE1234, -16#DEADBEEFCAFEBABE1234].

sizes() ->
    [1, 3, 7, 8, 9, 13, 16, 17, 24, 31, 32, 33, 48, 59, 60, 61, 63, 64, 65, 72, 100, 127, 128,
     129].

roundtrip(V, S) ->
    Bb = <<V:S>>,
    Bl = <<V:S/little>>,
    Bn = <<V:S/native>>,
    <<Ub:S>> = Bb,
    <<Sb:S/signed>> = Bb,
    <<Ul:S/little>> = Bl,
    <<Sl:S/little-signed>> = Bl,
    <<Un:S/native-unsigned>> = Bn,
    {Bb, Bl, Ub, Sb, Ul, Sl, Un}.

main() ->
    [erlang:display({V, S, roundtrip(id(V), id(S))}) || V <- values(), S <- sizes()],
    %% Unaligned: an integer after a 3-bit prefix.
    [begin
         B = <<(id(5)):3, (id(V)):S, (id(1)):1>>,
         <<P:3, X:S/signed, Q:1>> = B,
         <<_:3, Y:S/little, _/bits>> = <<(id(5)):3, (id(V)):S/little, (id(1)):1>>,
         erlang:display({B, P, X, Q, Y})
     end || V <- [0, -1, 12345, -99999, 1 bsl 70], S <- [5, 12, 40, 75]],
    %% Size * unit.
    N = id(3),
    erlang:display(<<(id(1)):N/unit:8, (id(2)):N/unit:3>>),
    <<A:N/unit:8, B:N/unit:3>> = <<(id(1)):N/unit:8, (id(2)):N/unit:3>>,
    erlang:display({A, B}),
    %% Zero-size segments.
    erlang:display(<<(id(99)):0, (id(7)):(id(0))>>),
    <<Z:0, Rest/binary>> = id(<<1, 2>>),
    erlang:display({Z, Rest}),
    %% Sizes from earlier segments.
    <<L:8, Body:L/binary, Tail/binary>> = id(<<3, "abcdef">>),
    erlang:display({L, Body, Tail}),
    <<Len:4, Val:Len/little, _/bits>> = id(<<12:4, 4095:12/little, 1:4>>),
    erlang:display({Len, Val}),
    ok.
