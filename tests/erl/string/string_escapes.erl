-module(string_escapes).
-export([main/0]).

%% Escape sequences in string and char literals, compared as integers.
main() ->
    erlang:display([$\b, $\d, $\e, $\f, $\n, $\r, $\s, $\t, $\v, $\', $\", $\\]),
    erlang:display(["\b\d\e\f\n\r\s\t\v" =:= [8, 127, 27, 12, 10, 13, 32, 9, 11]]),
    erlang:display([$\0, $\7, $\17, $\177, $\377, $\x00, $\xff, $\x{100}, $\x{1F600}, $\^a, $\^z, $\^A, $\^@]),
    erlang:display({"\x{41}\x{42}", "\101\102", "A\
B", length("\x{1F600}")}),
    ok.
