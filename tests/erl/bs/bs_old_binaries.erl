-module(bs_old_binaries).
%% The same program compiled to OTP 24's construction instructions (bs_init2, bs_put_*, ...).
-compile([no_bs_create_bin, no_type_opt]).
-export([main/0, id/1]).

id(X) -> X.

split(<<>>, Acc) -> lists:reverse(Acc);
split(<<H:3/binary, T/binary>>, Acc) -> split(T, [H | Acc]);
split(Rest, Acc) -> lists:reverse([{rest, Rest} | Acc]).

bits(<<>>) -> [];
bits(<<B:1, T/bits>>) -> [B | bits(T)].

count(<<"ab", T/binary>>, N) -> count(T, N + 1);
count(<<_, T/binary>>, N) -> count(T, N);
count(<<>>, N) -> N.

tail_kinds(<<_:8, T/binary>>) -> {binary, T};
tail_kinds(<<_:3, T/bits>>) -> {bits, T};
tail_kinds(_) -> other.

main() ->
    B = id(<<"hello, bit syntax world">>),
    erlang:display(split(B, [])),
    erlang:display(bits(id(<<2#10110:5>>))),
    erlang:display(count(id(<<"abxxababyab">>), 0)),
    erlang:display([tail_kinds(id(X)) || X <- [<<1, 2, 3>>, <<1:4>>, <<>>, <<1:2>>]]),
    %% Sub-binaries of sub-binaries, at odd offsets.
    <<_:3, S1:20/bits, _/bits>> = B,
    <<_:5, S2:9/bits, S3/bits>> = S1,
    erlang:display({S1, S2, S3, bit_size(S1), bit_size(S3)}),
    erlang:display(<<S2/bits, S3/bits, S1/bits>>),
    %% Binary segments with explicit sizes and units.
    erlang:display(<<(id(<<1, 2, 3, 4>>)):2/binary, (id(<<5:3>>)):2/bits, (id(<<9>>))/bits>>),
    erlang:display(<<(id(<<"abcdef">>)):3/binary-unit:16>>),
    <<X:2/binary-unit:16, Y/bits>> = id(<<"abcdefg", 1:1>>),
    erlang:display({X, Y}),
    %% String literals.
    erlang:display(<<"abc", (id(0)):8, "def">>),
    erlang:display(<<(id(1)):1, "xyz">>),
    erlang:display(case id(<<1:1, "xyz", 0:7>>) of <<1:1, "xyz", _:7>> -> yes; _ -> no end),
    erlang:display(case id(<<"prefix:rest">>) of <<"prefix:", R1/binary>> -> R1; _ -> no end),
    erlang:display(case id(<<"prefiX:rest">>) of <<"prefix:", R2/binary>> -> R2; _ -> no end),
    %% Empty pieces.
    erlang:display({<<>>, <<(id(<<>>))/binary>>, <<(id(<<>>))/bits, (id(<<>>))/binary>>}),
    %% Comparison and equality of equal bits from different representations.
    <<_:4, P:16/bits, _:4>> = id(<<16#0AB, 16#CD0:12>>),
    erlang:display({P, P =:= <<16#AB, 16#CD>>, P == id(<<16#AB, 16#CD>>)}),
    %% bs_test_tail / unit tests in guards.
    F = fun(<<_:16>>) -> two; (<<_:8, _/binary>>) -> more; (<<_/bits>>) -> bits end,
    erlang:display([F(id(V)) || V <- [<<1, 2>>, <<1, 2, 3>>, <<1:3>>, <<1>>]]),
    %% Appending to an existing binary.
    Acc = lists:foldl(fun(I, A) -> <<A/binary, I:8>> end, <<>>, lists:seq(1, 20)),
    erlang:display(Acc),
    Acc2 = lists:foldl(fun(I, A) -> <<A/bits, I:3>> end, <<>>, lists:seq(1, 20)),
    erlang:display(Acc2),
    ok.
