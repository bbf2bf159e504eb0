-module(bin_refc).
-export([main/0, id/1]).

%% Binaries over 64 bytes (off-heap, reference-counted in erl and joist): sub-binaries and
%% binary_part of them, matching, appends building big binaries, term_to_binary, comparisons,
%% hashing, printing, and binary:referenced_byte_size/1 (which shows what is shared).
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

append(0, Acc) -> Acc;
append(N, Acc) -> append(N - 1, <<Acc/binary, N:16>>).

append_bits(0, Acc) -> Acc;
append_bits(N, Acc) -> append_bits(N - 1, <<Acc/bitstring, N:5>>).

sum_bytes(<<B, Rest/binary>>, S) -> sum_bytes(Rest, S + B);
sum_bytes(<<>>, S) -> S.

records(<<Len:8, Body:Len/binary, Rest/binary>>, Acc) -> records(Rest, [Body | Acc]);
records(<<>>, Acc) -> lists:reverse(Acc).

main() ->
    Big = list_to_binary([lists:seq(0, 255), lists:seq(255, 0, -1)]),  % 512 bytes
    Text = binary:copy(?MODULE:id(<<"abcdefghij">>), 13),                % 130 printable bytes
    erlang:display({byte_size(Big), byte_size(Text)}),
    erlang:display(Text),
    erlang:display(binary_part(Big, 250, 10)),
    %% Sub-binaries: of the big binary, of a sub-binary, at odd bit offsets.
    <<_:100/binary, Mid:300/binary, _/binary>> = ?MODULE:id(Big),
    <<_:3, Odd:200/binary, _/bitstring>> = Mid,
    <<_:1, Bits:1001/bitstring, _/bitstring>> = ?MODULE:id(Big),
    erlang:display({byte_size(Mid), sum_bytes(Mid, 0), binary:first(Mid), binary:last(Mid)}),
    erlang:display({sum_bytes(Odd, 0), bit_size(Bits), erlang:phash2(Bits), erlang:phash2(Odd)}),
    erlang:display(binary_part(Odd, 190, 10)),
    erlang:display(binary:part(Mid, {299, -20})),
    erlang:display([binary:referenced_byte_size(X)
                    || X <- [Big, Mid, Odd, binary_part(Big, 1, 64), binary_part(Big, 1, 65),
                             element(1, split_binary(Big, 3)), element(2, split_binary(Big, 3)),
                             Text, <<"small">>]]),
    %% Comparisons and equality across representations (heap, off-heap, sub-binary).
    Copy = binary:copy(Mid),
    Heap = binary_part(Big, 100, 64),
    erlang:display({Mid =:= Copy, Mid == Copy, Mid < Big, Big < Mid, Copy > Heap,
                    Heap =:= binary_part(Mid, 0, 64), Odd =:= binary:copy(Odd),
                    lists:sort([Big, Mid, Odd, Heap, Text, <<>>]) =:=
                        lists:sort([Text, Heap, Odd, Mid, Big, <<>>])}),
    erlang:display([erlang:phash2(X) || X <- [Big, Mid, Copy, Heap, Text]]),
    erlang:display(erlang:phash2(Big, 1 bsl 32) =:= erlang:phash2(binary:copy(Big), 1 bsl 32)),
    M = #{Big => big, Mid => mid, Text => text},
    erlang:display({maps:get(binary:copy(Mid), M), maps:get(binary:copy(Big), M),
                    maps:is_key(Heap, M)}),
    %% Appends: in place while nobody else holds the buffer, copied otherwise.
    A1 = append(300, <<>>),
    A2 = <<A1/binary, "tail">>,
    A3 = <<A1/binary, "other">>,  % A1 is not at the end any more: copies
    erlang:display({byte_size(A1), byte_size(A2), byte_size(A3), binary:last(A2),
                    binary:last(A3), binary_part(A3, 598, 7), sum_bytes(A1, 0)}),
    AB = append_bits(200, <<>>),
    erlang:display({bit_size(AB), erlang:phash2(AB), binary_part(AB, 100, 5)}),
    erlang:display(records(<<<<(byte_size(B)):8, B/binary>> || B <- [Text, Heap, <<"x">>]>>, [])
                   =:= [Text, Heap, <<"x">>]),
    %% term_to_binary / binary_to_term round trips.
    Term = {Big, [Mid, Odd, Bits], #{key => Text}, A2},
    Ext = term_to_binary(Term),
    erlang:display({byte_size(Ext), erlang:phash2(Ext), binary_to_term(Ext) =:= Term}),
    erlang:display(byte_size(term_to_binary(Term, [compressed]))),
    Back = binary_to_term(Ext),
    erlang:display(element(1, Back) =:= Big andalso byte_size(element(4, Back)) =:= 604),
    erlang:display({binary:referenced_byte_size(element(1, Back)),
                    binary:referenced_byte_size(hd(element(2, Back)))}),
    erlang:display(t(fun() -> binary_to_term(binary_part(Ext, 0, 300)) end)),
    %% Conversions and the binary module over big binaries.
    erlang:display({length(binary_to_list(Big)), lists:sum(binary_to_list(Mid, 10, 20)),
                    bitstring_to_list(binary_part(Bits, 0, 3)),
                    iolist_size([Big, Mid, [Text]]),
                    iolist_to_binary([Big, Odd]) =:= <<Big/binary, Odd/binary>>}),
    erlang:display({binary:match(Text, <<"jab">>), length(binary:split(Text, <<"j">>, [global])),
                    binary:replace(binary_part(Text, 0, 20), <<"c">>, <<"CC">>, [global]),
                    binary:longest_common_prefix([Big, Copy, Mid]),
                    binary:encode_unsigned(binary:decode_unsigned(Mid)) =:= Mid}),
    erlang:display([byte_size(P) || P <- binary:split(Big, <<255, 255>>)]),
    erlang:display(t(fun() -> binary_part(Big, 500, 13) end)),
    erlang:display(t(fun() -> binary:referenced_byte_size(not_a_binary) end)),
    erlang:display(binary:referenced_byte_size(<<1:3>>)),
    erlang:display(Odd).
