-module(string_mod_funcs).
-export([main/0, id/1]).

%% A selection of (old, list-based) string module functions.
id(X) -> X.

main() ->
    S = ?MODULE:id("  The quick brown fox  "),
    erlang:display({tokens, string:tokens(S, " "), string:tokens(?MODULE:id("a,b,,c"), ",")}),
    erlang:display({join, string:join(["a", "b", "c"], ?MODULE:id(", ")), string:join([], ",")}),
    erlang:display({chr, string:chr(?MODULE:id("hello"), $l), string:rchr(?MODULE:id("hello"), $l), string:chr("hello", $z)}),
    erlang:display({str, string:str(?MODULE:id("hello world"), "o w"), string:rstr(?MODULE:id("abcabc"), "bc"), string:str("abc", "x")}),
    erlang:display({substr, string:substr(?MODULE:id("hello world"), 7), string:substr(?MODULE:id("hello world"), 1, 5)}),
    erlang:display({copies, string:copies(?MODULE:id("ab"), 3), string:copies("x", 0)}),
    erlang:display({case_, string:to_upper(?MODULE:id("MiXeD 123")), string:to_lower(?MODULE:id("MiXeD 123"))}),
    erlang:display({strip, string:strip(S), string:strip(S, left), string:strip(?MODULE:id("xxhixx"), both, $x)}),
    erlang:display({len, string:len(S), string:equal(?MODULE:id("a"), "a")}),
    erlang:display({words, string:words(S), string:sub_word(S, 2)}),
    erlang:display({span, string:span(?MODULE:id("123abc"), "0123456789"), string:cspan(?MODULE:id("abc123"), "0123456789")}),
    ok.
