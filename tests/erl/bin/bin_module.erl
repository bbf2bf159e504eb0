-module(bin_module).
-export([main/0, id/1]).

%% The BIFs of module binary (and replace/bin_to_list, Erlang code on top of them).
id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    Big = binary:copy(?MODULE:id(<<"abcdefghij">>), 30),
    Bad = [a, 1, "abc", <<1:4>>, <<1,2:4>>],
    erlang:display([t(fun() -> binary:at(?MODULE:id(<<1,2,3>>), I) end) || I <- [0, 2, 3, -1, a]]),
    erlang:display([t(fun() -> binary:at(?MODULE:id(X), 0) end) || X <- Bad]),
    erlang:display([binary:at(Big, 0), binary:at(Big, 299), binary:first(Big), binary:last(Big)]),
    erlang:display([t(fun() -> binary:first(?MODULE:id(X)) end) || X <- [<<>>, <<5>> | Bad]]),
    erlang:display([t(fun() -> binary:last(?MODULE:id(X)) end) || X <- [<<>>, <<5,6>> | Bad]]),
    Parts = [{0, 0}, {0, 3}, {1, 2}, {3, -2}, {0, 4}, {-1, 1}, {a, 1}],
    erlang:display([t(fun() -> binary:part(?MODULE:id(<<1,2,3>>), S, L) end) || {S, L} <- Parts]),
    erlang:display([t(fun() -> binary:part(?MODULE:id(<<1,2,3>>), P) end) || P <- Parts ++ [x]]),
    erlang:display([t(fun() -> binary:part(?MODULE:id(X), 0, 1) end) || X <- Bad]),
    erlang:display(binary:part(Big, {290, 10})),
    erlang:display([t(fun() -> binary:copy(?MODULE:id(<<"ab">>), N) end) || N <- [0, 1, 3, -1, a]]),
    erlang:display([t(fun() -> binary:copy(?MODULE:id(X)) end) || X <- [<<>>, <<"q">> | Bad]]),
    erlang:display(binary:copy(<<"xyz">>, 40)),
    erlang:display([t(fun() -> binary:decode_unsigned(?MODULE:id(X)) end)
                    || X <- [<<>>, <<1>>, <<1,0>>, <<255,255,255,255,255,255,255,255,255>> | Bad]]),
    erlang:display([t(fun() -> binary:decode_unsigned(?MODULE:id(<<1,2,3>>), E) end)
                    || E <- [big, little, native, a]]),
    erlang:display(binary:decode_unsigned(Big)),
    erlang:display(binary:decode_unsigned(Big, little)),
    erlang:display([t(fun() -> binary:encode_unsigned(?MODULE:id(X)) end)
                    || X <- [0, 1, 255, 256, 1 bsl 64, (1 bsl 200) - 1, -1, 1.0, a]]),
    erlang:display([t(fun() -> binary:encode_unsigned(?MODULE:id(16#10203), E) end)
                    || E <- [big, little, a]]),
    erlang:display(binary:encode_unsigned(binary:decode_unsigned(Big), little)),
    erlang:display([t(fun() -> binary:list_to_bin(?MODULE:id(L)) end)
                    || L <- [[], "abc", [1, [<<2>>] | <<3>>], <<"a">>, [256], [a], [<<1:1>>]]]),
    erlang:display([t(fun() -> binary:longest_common_prefix(?MODULE:id(L)) end)
                    || L <- [[<<"abc">>], [<<"abc">>, <<"abd">>], [<<"abc">>, <<>>],
                             [<<"x">>, <<"y">>], [<<"ab">>, <<"abc">>, <<"abcd">>], [],
                             [a], [<<"a">> | <<"b">>], <<"a">>, [<<1:1>>], [Big, Big]]]),
    erlang:display([t(fun() -> binary:longest_common_suffix(?MODULE:id(L)) end)
                    || L <- [[<<"abc">>], [<<"abc">>, <<"xbc">>], [<<"abc">>, <<>>],
                             [<<"x">>, <<"y">>], [<<"cd">>, <<"bcd">>, <<"abcd">>], [],
                             [a], [Big, <<"hij">>]]]),
    erlang:display([t(fun() -> binary:referenced_byte_size(?MODULE:id(X)) end)
                    || X <- [<<>>, <<"abc">>, a, <<1:1>>]]),
    erlang:display([t(fun() -> binary:compile_pattern(?MODULE:id(X)) end)
                    || X <- [<<>>, [], [<<"a">>, <<>>], a, [a], <<1:1>>, [<<"a">> | <<"b">>]]]),
    S = <<"the cat sat on the mat">>,
    Pats = [<<"at">>, [<<"at">>, <<"a">>], [<<"a">>, <<"at">>], <<"the">>, <<"zz">>,
            [<<"t">>, <<"th">>, <<"the">>], <<"the cat sat on the mat!">>],
    erlang:display([binary:match(S, P) || P <- Pats]),
    erlang:display([binary:matches(S, P) || P <- Pats]),
    erlang:display([binary:match(S, binary:compile_pattern(P)) || P <- Pats]),
    erlang:display([binary:matches(S, binary:compile_pattern(P)) || P <- Pats]),
    Scopes = [[], [{scope, {0, 22}}], [{scope, {5, 10}}], [{scope, {22, -10}}],
              [{scope, {3, 0}}], [{scope, {0, 23}}], [{scope, {-1, 2}}], [{scope, 1}],
              [foo], [global], [{scope, {1, 2}} | x]],
    erlang:display([t(fun() -> binary:match(S, <<"at">>, O) end) || O <- Scopes]),
    erlang:display([t(fun() -> binary:matches(S, [<<"t">>, <<"at">>], O) end) || O <- Scopes]),
    erlang:display([t(fun() -> binary:match(?MODULE:id(X), <<"a">>) end) || X <- Bad]),
    erlang:display([t(fun() -> binary:matches(S, ?MODULE:id(P)) end)
                    || P <- [<<>>, [], a, [<<"a">>, a], <<1:1>>]]),
    erlang:display(binary:matches(<<"aaaaa">>, <<"aa">>)),
    erlang:display(binary:matches(Big, [<<"cd">>, <<"j">>])),
    erlang:display(binary:match(Big, <<"jab">>, [{scope, {100, 100}}])),
    Opts = [[], [global], [trim], [trim_all], [global, trim], [global, trim_all],
            [{scope, {3, 5}}], [global, {scope, {3, 5}}], [bad], [global | x]],
    erlang:display([t(fun() -> binary:split(<<",a,,b,,">>, <<",">>, O) end) || O <- Opts]),
    erlang:display([t(fun() -> binary:split(<<"a-b_c--d">>, [<<"-">>, <<"_">>, <<"--">>], O) end)
                    || O <- Opts]),
    erlang:display([binary:split(X, <<",">>, [global, trim]) || X <- [<<>>, <<",">>, <<",,">>]]),
    erlang:display([binary:split(X, <<",">>, [global, trim_all]) || X <- [<<>>, <<",">>, <<"a">>]]),
    erlang:display(binary:split(<<"a,b">>, binary:compile_pattern(<<",">>))),
    erlang:display(binary:split(Big, <<"j">>, [global])),
    erlang:display([t(fun() -> binary:split(?MODULE:id(X), <<"a">>) end) || X <- Bad]),
    erlang:display(binary:replace(S, <<"at">>, <<"og">>)),
    erlang:display(binary:replace(S, [<<"at">>, <<"the">>], <<"[]">>,
                                  [global, {insert_replaced, 1}])),
    erlang:display(binary:bin_to_list(S, {4, 3})),
    erlang:display(t(fun() -> binary:bin_to_list(S, {40, 3}) end)),
    ok.
