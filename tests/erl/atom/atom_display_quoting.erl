-module(atom_display_quoting).
-export([main/0]).

%% How erlang:display quotes atoms: uppercase/underscore start, spaces,
%% punctuation, empty atom, escapes, reserved words, latin-1 and unicode.
main() ->
    erlang:display([abc, aBC, a1, a_b, 'a@b', 'a.b', 'Abc', '_abc', '1abc', 'a b', 'a-b', 'a+b', '']),
    erlang:display(['[]', '{}', '!', '$', 'a\'b', 'a\\b', '"', 'a"b', '\n', '\t', '\r', '\e', '\0', 'a\x7fb']),
    erlang:display(['after', 'and', 'andalso', 'band', 'begin', 'bnot', 'case', 'catch', 'cond', 'div', 'end', 'fun', 'if', 'let', 'not', 'of', 'or', 'orelse', 'receive', 'rem', 'try', 'when', 'xor']),
    erlang:display([true, false, 'True', ok, 'nonode@nohost', node()]),
    erlang:display(['é', 'ñandú', 'Émile', 'ß', 'ÿ', 'æøå']),
    erlang:display(['Ω', 'λx', '日本', '€']),
    erlang:display({'hello world', ['x y'], {'z w'}}),
    ok.
