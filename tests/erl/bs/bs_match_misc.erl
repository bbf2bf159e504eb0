-module(bs_match_misc).
-export([main/0, id/1]).

id(X) -> X.

-define(LIT, <<"a literal binary that is longer than sixty-four bytes, so it is big!!">>).

kind(<<"GET ", Path/binary>>) -> {get, Path};
kind(<<"POST ", Path/binary>>) -> {post, Path};
kind(<<C, _/binary>>) when C >= $0, C =< $9 -> digit;
kind(<<_:4>>) -> nibble;
kind(<<>>) -> empty;
kind(_) -> other.

tlv(<<T:8, L:16, V:L/binary, Rest/binary>>) -> [{T, V} | tlv(Rest)];
tlv(<<>>) -> [];
tlv(Bad) -> [{error, Bad}].

guard(B) when is_binary(B), byte_size(B) > 2 -> big;
guard(B) when is_bitstring(B) -> bits;
guard(_) -> no.

skip_utf(<<_/utf16-little, R/binary>>, N) -> skip_utf(R, N + 1);
skip_utf(<<>>, N) -> N.

skip32(<<_/utf32, R/binary>>, N) -> skip32(R, N + 1);
skip32(_, N) -> N.

main() ->
    erlang:display([kind(id(X)) || X <- [<<"GET /index">>, <<"POST /x">>, <<"7up">>,
                                         <<5:4>>, <<>>, <<"PUT /">>, <<1:3>>, abc]]),
    erlang:display(tlv(id(<<1, 0, 3, "abc", 2, 0, 0, 9, 0, 1, "z">>))),
    erlang:display(tlv(id(<<1, 0, 9, "abc">>))),
    erlang:display([guard(id(X)) || X <- [<<1, 2, 3>>, <<1>>, <<1:1>>, [1]]]),
    erlang:display(skip_utf(id(<<"hi"/utf16-little, 16#1F600/utf16-little>>), 0)),
    erlang:display(skip32(id(<<"abc"/utf32, 0, 17, 0, 0>>), 0)),
    Lit = ?LIT,
    <<First:8/binary, _:40/binary, Last/binary>> = id(Lit),
    erlang:display({First, Last, byte_size(Lit), Lit}),
    erlang:display(case id(Lit) of <<"a literal", _/binary>> -> yes; _ -> no end),
    %% The same match context reused after a failing clause.
    F = fun(<<A:8, B:8, 0>>) -> {three, A, B};
           (<<A:8, B:16>>) -> {wide, A, B};
           (<<A:8, _/binary>>) -> {first, A} end,
    erlang:display([F(id(X)) || X <- [<<1, 2, 0>>, <<1, 2, 3>>, <<1, 2, 3, 4>>]]),
    %% Matching in a try, with a badmatch.
    erlang:display(try <<X:16>> = id(<<1>>), X catch error:E -> E end),
    %% Binaries as map values and tuple elements survive matching and collections.
    L = [{I, <<I:32, (list_to_binary(lists:duplicate(I rem 80, $x)))/binary>>}
         || I <- lists:seq(1, 200)],
    erlang:display(lists:sum([N || {_, <<N:32, _/binary>>} <- L])),
    erlang:display(lists:last(L)),
    ok.
