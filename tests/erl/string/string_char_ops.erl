-module(string_char_ops).
-export([main/0, id/1]).

%% Character arithmetic on strings: caesar cipher, digit parsing, counting.
id(X) -> X.

caesar(S, K) -> [rot(C, K) || C <- S].
rot(C, K) when C >= $a, C =< $z -> $a + (C - $a + K) rem 26;
rot(C, K) when C >= $A, C =< $Z -> $A + (C - $A + K) rem 26;
rot(C, _) -> C.

parse_int([], Acc) -> Acc;
parse_int([C | T], Acc) when C >= $0, C =< $9 -> parse_int(T, Acc * 10 + C - $0).

count(C, S) -> length([X || X <- S, X =:= C]).

is_palindrome(S) -> S =:= lists:reverse(S).

main() ->
    Msg = ?MODULE:id("Hello, World! xyz"),
    Enc = caesar(Msg, 3),
    erlang:display({Enc, caesar(Enc, 23), caesar(Msg, 26) =:= Msg}),
    erlang:display({parse, parse_int(?MODULE:id("1234567890123456789012"), 0), parse_int(?MODULE:id("007"), 0)}),
    erlang:display({count, count($l, Msg), count($o, Msg), count($q, Msg)}),
    erlang:display({pal, [is_palindrome(?MODULE:id(S)) || S <- ["racecar", "abba", "abc", "", "a"]]}),
    erlang:display({digits, [C - $0 || C <- integer_to_list(?MODULE:id(9876543210))]}),
    ok.
