-module(match_literals).
-export([main/0, id/1]).

%% Literal patterns: integers vs floats (1 does NOT match 1.0), big
%% integers, negative numbers, atoms, strings, empty structures.
id(X) -> X.

lit(1) -> int_one;
lit(1.0) -> float_one;
lit(-1) -> minus_one;
lit(0.0) -> float_zero;
lit(18446744073709551616) -> two_pow_64;
lit(-18446744073709551616) -> minus_two_pow_64;
lit("str") -> string;
lit([]) -> nil;
lit({}) -> empty_tuple;
lit('hello world') -> quoted_atom;
lit($a) -> char_a;
lit(_) -> no_match.

main() ->
    erlang:display([lit(?MODULE:id(V)) || V <- [1, 1.0, -1, -1.0, 0.0, -0.0, 0, 1 bsl 64, -(1 bsl 64), 18446744073709551616.0,
                                                  "str", [], {}, 'hello world', 97, $a, "st", 2]]),
    ok.
