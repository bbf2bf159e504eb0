-module(hash_edges).
-export([main/0, id/1]).
-compile({nowarn_deprecated_function, [{erlang, phash, 2}]}).

%% phash2/phash on boundary values and bad ranges.
id(X) -> X.

main() ->
    Ts = [0, 1, -1, 255, 256, (1 bsl 27) - 1, 1 bsl 27, -(1 bsl 27), -(1 bsl 27) - 1,
          (1 bsl 31) - 1, 1 bsl 31, 1 bsl 32, (1 bsl 59) - 1, 1 bsl 59, 1 bsl 60, 1 bsl 64,
          -(1 bsl 64), 1 bsl 200, 0.0, -0.0, 1.0, -1.5, 1.0e300, [], [[]], [[], []], "a", "ab",
          "abc", "abcd", "abcde", [1 | 2], [256], [a | "bc"], {}, {{}}, {[]}, #{}, #{a => 1},
          #{1 => a, 1.0 => b}, <<>>, <<0>>, <<1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12>>,
          <<1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13>>, <<1:1>>, <<1, 1:1>>, a, '', 'ÿ'],
    erlang:display([erlang:phash2(?MODULE:id(T)) || T <- Ts]),
    erlang:display([erlang:phash(?MODULE:id(T), 1 bsl 32) || T <- Ts]),
    erlang:display([erlang:phash2(?MODULE:id(T), 1) || T <- Ts]),
    Big = maps:from_list([{I, I * I} || I <- lists:seq(1, 100)]),
    erlang:display({erlang:phash2(Big), erlang:phash(Big, 1 bsl 32)}),
    erlang:display([catch erlang:phash2(a, R) || R <- [0, -1, (1 bsl 32) + 1, a, 1.0]]),
    erlang:display([catch erlang:phash(a, R) || R <- [0, -1, (1 bsl 32) + 1, a, 1.0]]),
    erlang:display({erlang:phash2(a, 1 bsl 32), erlang:phash(a, 1 bsl 32),
                    erlang:phash(a, (1 bsl 32) - 1)}),
    ok.
