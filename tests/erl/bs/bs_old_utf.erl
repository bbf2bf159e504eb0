-module(bs_old_utf).
%% The same program compiled to OTP 24's construction instructions (bs_init2, bs_put_*, ...).
-compile([no_bs_create_bin]).
-export([main/0, id/1]).

id(X) -> X.

decode8(<<C/utf8, T/binary>>) -> [C | decode8(T)];
decode8(<<>>) -> [];
decode8(Bad) -> [{bad, Bad}].

decode16(<<C/utf16, T/binary>>) -> [C | decode16(T)];
decode16(<<>>) -> [];
decode16(Bad) -> [{bad, Bad}].

decode16l(<<C/utf16-little, T/binary>>) -> [C | decode16l(T)];
decode16l(<<>>) -> [];
decode16l(Bad) -> [{bad, Bad}].

decode32(<<C/utf32, T/binary>>) -> [C | decode32(T)];
decode32(<<>>) -> [];
decode32(Bad) -> [{bad, Bad}].

skip8(<<_/utf8, T/binary>>, N) -> skip8(T, N + 1);
skip8(_, N) -> N.

main() ->
    Cps = [0, $a, 16#7F, 16#80, 16#7FF, 16#800, 16#D7FF, 16#E000, 16#FFFD, 16#FFFF, 16#10000,
           16#1F600, 16#10FFFF],
    [begin
         E8 = <<(id(C))/utf8>>,
         E16 = <<(id(C))/utf16>>,
         E16L = <<(id(C))/utf16-little>>,
         E32 = <<(id(C))/utf32>>,
         E32L = <<(id(C))/utf32-little>>,
         erlang:display({C, E8, E16, E16L, E32, E32L, decode8(E8), decode16(E16),
                         decode16l(E16L), decode32(E32)})
     end || C <- Cps],
    S = id(<<"héllo wörld ☃ 😀"/utf8>>),
    erlang:display({S, decode8(S), skip8(S, 0)}),
    erlang:display(<<"ab"/utf16, "ab"/utf32-little>>),
    %% Invalid encodings.
    erlang:display([decode8(id(B)) || B <- [<<16#C0, 16#80>>, <<16#E0, 16#80, 16#80>>,
                                           <<16#ED, 16#A0, 16#80>>, <<16#F4, 16#90, 16#80, 16#80>>,
                                           <<16#80>>, <<16#E2, 16#98>>, <<16#FF>>]]),
    erlang:display([decode16(id(B))
                    || B <- [<<16#D8, 0>>, <<16#DC, 0, 0, 0>>, <<16#D8, 0, 0, 65>>]]),
    erlang:display([decode32(id(B)) || B <- [<<0, 16#11, 0, 0>>, <<0, 0, 16#D8, 0>>, <<1, 2, 3>>]]),
    %% Unaligned.
    U = <<(id(1)):1, (id(16#20AC))/utf8, (id(16#1F600))/utf16, (id(66))/utf32>>,
    <<_:1, A/utf8, B/utf16, C/utf32>> = U,
    erlang:display({U, A, B, C}),
    ok.
