-module(conv_list_to_integer).
-export([main/0, id/1]).

%% list_to_integer/1,2: signs, leading zeros, bases, and badarg cases.
id(X) -> X.

p(S) -> try list_to_integer(?MODULE:id(S)) catch C:R -> {C, R} end.
p(S, B) -> try list_to_integer(?MODULE:id(S), B) catch C:R -> {C, R} end.

main() ->
    erlang:display([p(S) || S <- ["0", "-0", "+0", "123", "-123", "+123", "007", "99999999999999999999999", "-1152921504606846976"]]),
    erlang:display([p(S) || S <- ["", "-", "+", "1.0", "1e3", " 1", "1 ", "abc", "12a", "--1", "+-1", [$1 | x]]]),
    erlang:display([p(S, B) || {S, B} <- [{"ff", 16}, {"FF", 16}, {"-ff", 16}, {"777", 8}, {"101", 2}, {"zz", 36}, {"ZZ", 36}, {"10", 36}]]),
    erlang:display([p(S, B) || {S, B} <- [{"2", 2}, {"g", 16}, {"1", 1}, {"1", 37}, {"", 16}]]),
    erlang:display({not_list, p(123), p(abc)}),
    ok.
