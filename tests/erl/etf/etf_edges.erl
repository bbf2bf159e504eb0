-module(etf_edges).
-export([main/0, id/1]).

%% term_to_binary/binary_to_term edge cases: encoding boundaries, options, errors, deep terms.
id(X) -> X.

show(T) -> erlang:display(term_to_binary(?MODULE:id(T))).

nest(0, Acc) -> Acc;
nest(N, Acc) -> nest(N - 1, {Acc}).

nest_list(0, Acc) -> Acc;
nest_list(N, Acc) -> nest_list(N - 1, [Acc]).

main() ->
    [show(T) || T <- [0, 255, 256, -1, (1 bsl 31) - 1, 1 bsl 31, -(1 bsl 31), -(1 bsl 31) - 1,
                      1 bsl 59, (1 bsl 60) - 1, 1 bsl 64, -(1 bsl 64), (1 bsl 2040) - 1,
                      1 bsl 2040, -(1 bsl 2047), 0.0, -0.0, 1.0e300, 5.0e-324, [], "", "a",
                      [256], [1 | 2], [a, b | c], {}, list_to_tuple(lists:seq(1, 255)),
                      <<>>, <<1:1>>, <<1, 2, 3:5>>, #{}, #{a => 1, b => [2]}, '', a, 'ä',
                      'Ω', '\x{1F600}', list_to_atom(lists:duplicate(255, $x)),
                      list_to_atom(lists:duplicate(100, 16#3A9)),
                      list_to_atom(lists:duplicate(255, 16#3A9)), nonode@nohost,
                      fun erlang:phash2/2, fun lists:map/2]],
    erlang:display(byte_size(term_to_binary(list_to_tuple(lists:seq(1, 256))))),
    erlang:display([byte_size(term_to_binary(lists:duplicate(N, 1)))
                    || N <- [65534, 65535, 65536]]),
    erlang:display([erlang:external_size(lists:duplicate(N, 1)) || N <- [65534, 65535, 65536]]),
    erlang:display(term_to_binary(lists:duplicate(20, 300))),
    %% Options.
    T = {1.5, 'Ω', ok, "text", <<"bin">>},
    [erlang:display(catch term_to_binary(T, O))
     || O <- [[], [compressed], [{compressed, 0}], [{compressed, 9}], [{compressed, 10}],
              [{minor_version, 0}], [{minor_version, 1}], [{minor_version, 2}],
              [{minor_version, 3}], [deterministic], [bad], bad, [compressed | bad]]],
    erlang:display([term_to_binary(X, [compressed]) || X <- [[], a, lists:seq(1, 10)]]),
    erlang:display(term_to_binary(lists:duplicate(1000, {a, "b"}), [compressed])),
    erlang:display([catch erlang:external_size(T, O)
                    || O <- [[], [{minor_version, 0}], [deterministic], [compressed], bad]]),
    erlang:display([term_to_iovec(X) || X <- [a, <<0:800>>, {<<1:8>>, <<2:1000>>, <<3:2>>},
                                              [<<5:520>>, <<6:512>>, <<7:528>>]]]),
    erlang:display(term_to_iovec(<<1:800>>, [compressed])),
    Bin200 = list_to_binary(lists:duplicate(200, 1)),
    [erlang:display(term_to_iovec(?MODULE:id(X)))
     || X <- [list_to_bitstring([Bin200, <<3:3>>]), list_to_bitstring([<<0:1>>, Bin200]),
              binary_part(Bin200, 0, 10), binary_part(Bin200, 1, 65),
              list_to_bitstring([<<1:1>>, binary_part(Bin200, 0, 20)])]],
    [erlang:display(term_to_binary(?MODULE:id(X)))
     || X <- [list_to_bitstring([<<1:1>>, binary_part(Bin200, 0, 20), <<2:2>>]),
              binary_part(Bin200, 3, 7)]],
    %% Decoding.
    B = term_to_binary(T),
    erlang:display(binary_to_term(B) =:= T),
    erlang:display(binary_to_term(<<B/binary, 1, 2, 3>>, [used])),
    erlang:display(binary_to_term(B, [safe, used])),
    erlang:display(binary_to_term(<<131, 100, 0, 2, "ok">>, [safe])),
    [erlang:display(catch binary_to_term(X))
     || X <- [<<>>, <<131>>, <<130, 97, 1>>, <<131, 97>>, <<131, 255>>, <<131, 104, 2, 97, 1>>,
              <<131, 80, 0, 0, 0, 5, 1, 2, 3>>, <<131, 70, 127, 240, 0, 0, 0, 0, 0, 0>>, a,
              <<131, 97, 1, 0:1>>, <<131, 116, 0, 0, 0, 2, 97, 1, 97, 1, 97, 1, 97, 2>>]],
    %% (Bad options: erl's error_info adds cause => badopt, which joist's BIFs cannot yet.)
    [erlang:display(element(1, catch binary_to_term(B, O))) || O <- [[bad], bad, [used | x]]],
    erlang:display(catch binary_to_term(<<131, 100, 0, 12, "etf_no_atom1">>, [safe])),
    erlang:display(catch list_to_existing_atom("etf_no_atom1")),
    Nested = <<131, 108, 0, 0, 0, 2, 104, 2, 97, 1, 119, 12, "etf_no_atom2", 106, 106>>,
    erlang:display(catch binary_to_term(Nested, [safe])),
    erlang:display(catch list_to_existing_atom("etf_no_atom2")),
    Packed = term_to_binary({lists:duplicate(50, ok), [a, b]}, [compressed]),
    erlang:display(binary_to_term(Packed, [safe, used])),
    erlang:display(binary_to_term(<<131, 108, 0, 0, 0, 1, 100, 0, 2, "ok", 100, 0, 1, "a">>,
                                  [safe])),
    erlang:display(binary_to_term(term_to_binary(fun lists:map/2))),
    %% Deep terms (the encoder and decoder are iterative).
    Deep = nest(200000, x),
    DB = term_to_binary(Deep),
    erlang:display({byte_size(DB), binary_to_term(DB) =:= Deep}),
    DeepL = nest_list(200000, y),
    DL = term_to_binary(DeepL, [compressed]),
    erlang:display({byte_size(DL), binary_to_term(DL) =:= DeepL}),
    Long = lists:seq(1, 300000),
    erlang:display({erlang:external_size(Long), binary_to_term(term_to_binary(Long)) =:= Long}),
    ok.
